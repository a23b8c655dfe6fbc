/* The app's screens and event loop. It reads the clock once per turn of the loop and hands
 * now_ms to the core; it sleeps in SDL_WaitEventTimeout until the next visible change.
 * Session cues are carried out in appcues.c; drawing is draw.c's. */
#include "platform/app.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/duration.h"
#include "platform/appstate.h"
#include "platform/input.h"
#include "platform/logfile.h"
#include "platform/paths.h"

#define CONFIRM_MS 3000
#define BG_FADE_MS 1500

void app_set_bg(app_t *app, SDL_Color target, int64_t now)
{
    app->bg_from = app_bg_now(app, now);
    app->bg_to = target;
    app->bg_since = now;
}

SDL_Color app_bg_now(const app_t *app, int64_t now)
{
    double t = app->bg_since < 0 ? 1.0 : (double)(now - app->bg_since) / BG_FADE_MS;
    if (t >= 1.0)
        return app->bg_to;
    t = t < 0 ? 0 : t;
    SDL_Color c = { (Uint8)(app->bg_from.r + (app->bg_to.r - app->bg_from.r) * t),
                    (Uint8)(app->bg_from.g + (app->bg_to.g - app->bg_from.g) * t),
                    (Uint8)(app->bg_from.b + (app->bg_to.b - app->bg_from.b) * t), 255 };
    return c;
}

void app_banner(app_t *app, const char *msg, int64_t now, int64_t ms)
{
    snprintf(app->banner, sizeof app->banner, "%s", msg);
    app->banner_until = now + ms;
    app->dirty = true;
}

static void open_plan(app_t *app, catalog_entry_t *e, int64_t now)
{
    app->entry = e;
    app->plan = &e->plan;
    paths_dirname(e->path, app->plan_dir, sizeof app->plan_dir);
    session_init(&app->session, app->plan);
    app->screen = SCREEN_READY;
    app->logged = false;
    app_set_bg(app, draw_phase_colour(app->plan->phases[0].kind), now);
    app_setup_music(app);
    app->dirty = true;
}

static void to_menu(app_t *app, int64_t now)
{
    app->screen = SCREEN_MENU;
    app->plan = NULL;
    app_set_bg(app, (SDL_Color){ 38, 48, 58, 255 }, now);
    app->dirty = true;
}

static void menu_action(app_t *app, action_t act, int x, int y, int64_t now)
{
    int n = app->cat->count;
    if (act == ACT_UP && app->sel > 0)
        app->sel--;
    else if (act == ACT_DOWN && app->sel < n - 1)
        app->sel++;
    else if ((act == ACT_ENTER || act == ACT_PAUSE) && n > 0)
        open_plan(app, &app->cat->items[app->sel], now);
    else if (act == ACT_ESCAPE)
        app->quit = true;
    else if (act == ACT_CLICK) {
        int row = draw_menu_row_at(&app->draw, n, app->sel, y);
        if (row >= 0) {
            app->sel = row;
            open_plan(app, &app->cat->items[row], now);
        }
    }
    (void)x;
    app->dirty = true;
}

static session_input_t session_input_for(action_t act)
{
    switch (act) {
    case ACT_PAUSE: return INPUT_PAUSE;
    case ACT_NEXT: return INPUT_NEXT;
    case ACT_BACK: return INPUT_BACK;
    case ACT_UP: return INPUT_EXTEND;
    case ACT_RECONNECT: return INPUT_RECONNECT;
    case ACT_LOOK_BACK: return INPUT_LOOK_BACK;
    default: return INPUT_NONE;
    }
}

/* Esc once asks; Esc or Enter within 3 s ends; anything else cancels the question. */
static void session_action(app_t *app, action_t act, int64_t now)
{
    bool confirming = app->confirm_until > now;
    app->confirm_until = 0;
    if (confirming && (act == ACT_ESCAPE || act == ACT_ENTER)) {
        app_step(app, now, INPUT_END);
        return;
    }
    if (act == ACT_ESCAPE && !confirming) {
        app->confirm_until = now + CONFIRM_MS;
        app_banner(app, "Press Esc again to end the session", now, CONFIRM_MS);
        return;
    }
    if (confirming)
        app->banner_until = 0; /* cancelled */
    if (act == ACT_UP)
        app_banner(app, "One more minute", now, 2000);
    if (act == ACT_LOOK_BACK)
        app_banner(app, "Look-back noted", now, 1500);
    app_step(app, now, session_input_for(act));
}

static void handle(app_t *app, action_t act, int x, int y, int64_t now)
{
    if (act == ACT_NONE)
        return;
    app->dirty = true;
    if (act == ACT_QUIT) {
        if (app->screen == SCREEN_SESSION)
            app_step(app, now, INPUT_END);
        app->quit = true;
        return;
    }
    if (act == ACT_HELP || (app->help && act == ACT_ESCAPE)) {
        app->help = act == ACT_HELP ? !app->help : false;
        return;
    }
    if (act == ACT_FULLSCREEN) {
        Uint32 flags = SDL_GetWindowFlags(app->win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
        SDL_SetWindowFullscreen(app->win, flags ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
        return;
    }
    switch (app->screen) {
    case SCREEN_MENU: menu_action(app, act, x, y, now); break;
    case SCREEN_READY:
        if (act == ACT_PAUSE || act == ACT_CLICK)
            app_step(app, now, INPUT_START);
        else if (act == ACT_ESCAPE)
            to_menu(app, now);
        break;
    case SCREEN_SESSION: session_action(app, act, now); break;
    case SCREEN_END:
        if (act == ACT_ENTER || act == ACT_ESCAPE || act == ACT_CLICK || act == ACT_PAUSE)
            to_menu(app, now);
        break;
    }
}

static void draw(app_t *app, int64_t now)
{
    draw_begin(&app->draw);
    draw_overlay_t o = { .help = app->help, .bg = app_bg_now(app, now),
                         .banner = app->banner_until > now ? app->banner : app->notice };
    session_view_t v;
    switch (app->screen) {
    case SCREEN_MENU: draw_menu(&app->draw, app->menu, app->cat->count, app->sel, &o); break;
    case SCREEN_READY: draw_ready(&app->draw, app->plan, &o); break;
    case SCREEN_SESSION:
        session_view(&app->session, now, &v);
        draw_session(&app->draw, app->plan, &v, &o);
        break;
    case SCREEN_END: draw_end(&app->draw, app->plan, &app->session, now, &o); break;
    }
    SDL_RenderPresent(app->renderer);
    text_end_frame(app->text);
    if (!app->first_frame_done) {
        app->first_frame_done = true;
        if (app->opts->timing)
            fprintf(stderr, "safebase: first frame after %.1f ms\n",
                    (double)(SDL_GetPerformanceCounter() - app->t0) * 1000.0 / (double)SDL_GetPerformanceFrequency());
    }
}

/* The next moment the screen must change on its own, as ms from now (capped at 1 s). */
static int64_t wait_ms(app_t *app, int64_t now)
{
    int64_t next = now + 1000;
    if (app->bg_since >= 0 && now - app->bg_since < BG_FADE_MS)
        next = now + 33;
    if (app->banner_until > now && app->banner_until < next)
        next = app->banner_until;
    if (app->exit_at > 0 && app->exit_at < next)
        next = app->exit_at;
    if (app->screen == SCREEN_SESSION && app->session.state == SESSION_RUNNING) {
        session_view_t v;
        session_view(&app->session, now, &v);
        int64_t rem = v.phase_remaining_ms;
        int64_t to_digit = rem > 0 ? rem - ((rem - 1) / 1000) * 1000 : 1000;
        int64_t to_step = v.phase_length_ms / 720; /* the disk moves half a degree */
        int64_t dl = session_next_deadline(&app->session);
        if (now + to_digit < next)
            next = now + to_digit;
        if (to_step < 16)
            to_step = 16;
        if (now + to_step < next)
            next = now + to_step;
        if (dl >= 0 && dl < next)
            next = dl;
    }
    return next > now ? next - now : 0;
}

static void loop(app_t *app)
{
    while (!app->quit) {
        int64_t now = (int64_t)SDL_GetTicks64();
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, (int)wait_ms(app, now))) {
            do {
                int x = 0, y = 0;
                action_t act = input_translate(&e, &x, &y);
                if (e.type == SDL_WINDOWEVENT || e.type == SDL_RENDER_TARGETS_RESET)
                    app->dirty = true;
                now = (int64_t)SDL_GetTicks64();
                handle(app, act, x, y, now);
            } while (SDL_PollEvent(&e));
        }
        now = (int64_t)SDL_GetTicks64();
        app_step(app, now, INPUT_NONE);
        app_poll_audio(app, now);
        if (app->exit_at > 0 && now >= app->exit_at)
            app->quit = true;
        app->dirty = true; /* woken for a reason: the reason is visible */
        if (app->dirty) {
            app->dirty = false;
            draw(app, now);
        }
    }
}

static bool open_window(app_t *app)
{
    const options_t *o = app->opts;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE;
    int w = o->window_w ? o->window_w : 1280, h = o->window_h ? o->window_h : 720;
    SDL_DisplayMode desktop;
    if (!o->windowed) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        /* the desktop's size from the start: without a window manager, X11 keeps the size asked for */
        if (SDL_GetDesktopDisplayMode(0, &desktop) == 0)
            w = desktop.w, h = desktop.h;
    }
    app->win = SDL_CreateWindow("Safe Base", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!app->win) {
        fprintf(stderr, "safebase: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    app->renderer = SDL_CreateRenderer(app->win, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!app->renderer)
        app->renderer = SDL_CreateRenderer(app->win, -1, SDL_RENDERER_SOFTWARE);
    if (!app->renderer) {
        fprintf(stderr, "safebase: cannot draw in the window: %s\n", SDL_GetError());
        return false;
    }
    SDL_DisableScreenSaver();
    return true;
}

static bool start_up(app_t *app, char *err, size_t errsize)
{
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    const char *asked = SDL_getenv("SDL_VIDEODRIVER"), *x11 = SDL_getenv("DISPLAY");
    bool no_desktop = !x11 && !SDL_getenv("WAYLAND_DISPLAY");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        snprintf(err, errsize, "cannot open the display%s%s: %s%s", x11 ? " " : "", x11 ? x11 : "",
                 SDL_GetError(), no_desktop ? " (DISPLAY and WAYLAND_DISPLAY are not set: start "
                 "Safe Base from a desktop)" : "");
        return false;
    }
    /* with no display SDL falls back to drawing off screen: a session nobody sees */
    if (strcmp(SDL_GetCurrentVideoDriver(), "offscreen") == 0 && !(asked && strstr(asked, "offscreen"))) {
        snprintf(err, errsize, "no display to show the session on (DISPLAY and WAYLAND_DISPLAY "
                 "are not set): start Safe Base from a desktop");
        return false;
    }
    if (!open_window(app))
        return false;
    app->text = text_open(app->renderer, app->settings->font, false, err, errsize);
    if (!app->text)
        return false;
    app->draw = (draw_t){ .renderer = app->renderer, .text = app->text };
    char sounds[4096], why[512];
    paths_join(sounds, sizeof sounds, paths_assets(), "sounds");
    app->audio = audio_open(sounds, why, sizeof why);
    if (!app->audio) {
        fprintf(stderr, "safebase: %s; the session runs with visual cues only\n", why);
        snprintf(app->notice, sizeof app->notice, "No sound: visual cues only");
        app->notice_until_start = true;
    }
    return true;
}

static void shut_down(app_t *app)
{
    audio_close(app->audio);
    text_close(app->text);
    if (app->renderer)
        SDL_DestroyRenderer(app->renderer);
    if (app->win)
        SDL_DestroyWindow(app->win);
    SDL_EnableScreenSaver();
    SDL_Quit();
}

static void fill_menu(app_t *app)
{
    for (int i = 0; i < app->cat->count && i < CATALOG_MAX; i++) {
        const plan_t *p = &app->cat->items[i].plan;
        char len[48];
        duration_format_length(plan_total_ms(p), len, sizeof len);
        snprintf(app->menu_detail[i], sizeof app->menu_detail[i], "%s \xC2\xB7 %s", len,
                 plan_audience_name(p->audience));
        app->menu[i] = (draw_menu_item_t){ p->title, app->menu_detail[i], app->cat->items[i].user };
    }
}

int app_run(const options_t *opts, const settings_t *settings, catalog_t *cat,
            catalog_entry_t *plan_entry)
{
    static app_t app; /* large; one per process, owned here and passed down by pointer */
    memset(&app, 0, sizeof app);
    app.opts = opts;
    app.settings = settings;
    app.cat = cat;
    app.t0 = SDL_GetPerformanceCounter();
    app.bg_since = -1;
    app.bg_to = (SDL_Color){ 38, 48, 58, 255 };
    if (opts->log)
        snprintf(app.log_path, sizeof app.log_path, "%s", opts->log);
    else if (!logfile_default_path(app.log_path, sizeof app.log_path))
        fprintf(stderr, "safebase: HOME is not set: sessions will not be logged (use --log FILE)\n");
    char err[512] = ""; /* start_up leaves it empty when it has said why itself */
    int status = 0;
    if (!start_up(&app, err, sizeof err)) {
        if (err[0])
            fprintf(stderr, "safebase: %s\n", err);
        status = 1;
    } else {
        fill_menu(&app);
        int64_t now = (int64_t)SDL_GetTicks64();
        if (plan_entry) {
            app.sel = (int)(plan_entry - cat->items);
            open_plan(&app, plan_entry, now);
            if (opts->start)
                app_step(&app, now, INPUT_START);
        }
        loop(&app);
        status = app.status;
    }
    shut_down(&app);
    return status;
}
