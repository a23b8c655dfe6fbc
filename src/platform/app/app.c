/* The app's screens and event loop. It reads the clock once per turn of the loop and hands
 * now_ms to the core; it sleeps in SDL_WaitEventTimeout until the next visible change.
 * Session cues are carried out in appcues.c; drawing is draw.c's. */
#include "platform/app/app.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/session/breath.h"
#include "core/base/duration.h"
#include "core/session/pace.h"
#include "platform/app/applog.h"
#include "platform/app/appstate.h"
#include "platform/app/appwindow.h"
#include "platform/sys/input.h"
#include "platform/log/logfile.h"
#include "platform/sys/paths.h"

#define BG_FADE_MS 1500
#define DIM_FADE_MS 1000
#define BLANK_FADE_MS 1200
#define ENDING_FADE_MS 3000
#define HELP_FADE_MS 1000
#define REDUCED_FADE_MS 2000   /* reduced motion: fades take 2 s in 8 small steps */
#define REDUCED_STEPS 8

static int64_t fade_ms(const app_t *app, int64_t ms)
{
    return app->settings->reduced_motion ? (ms > REDUCED_FADE_MS ? ms : REDUCED_FADE_MS) : ms;
}

static int fade_steps(const app_t *app)
{
    return app->settings->reduced_motion ? REDUCED_STEPS : 0;
}

void app_set_bg(app_t *app, SDL_Color target, int64_t now)
{
    if (!app->first_frame_done) { /* nothing shown yet: the first frame is in this colour */
        app->bg_from = app->bg_to = target;
        fade_init(&app->bg_fade, 1.0);
        app->dirty = true;
        return;
    }
    app->bg_from = app_bg_now(app, now);
    app->bg_to = target;
    fade_init(&app->bg_fade, 0.0);
    fade_to(&app->bg_fade, 1.0, now, fade_ms(app, BG_FADE_MS), fade_steps(app));
    app->dirty = true;
}

SDL_Color app_bg_now(const app_t *app, int64_t now)
{
    double t = fade_value(&app->bg_fade, now);
    colour_t a = { app->bg_from.r, app->bg_from.g, app->bg_from.b }, b = { app->bg_to.r, app->bg_to.g, app->bg_to.b };
    colour_t c = colour_mix(a, b, t);
    return (SDL_Color){ c.r, c.g, c.b, 255 };
}

static void fade_level(app_t *app, fade_t *f, double target, int64_t now, int64_t ms)
{
    fade_to(f, target, now, fade_ms(app, ms), fade_steps(app));
}

void app_banner(app_t *app, const char *msg, int64_t now, int64_t ms)
{
    snprintf(app->banner, sizeof app->banner, "%s", msg);
    app->banner_until = now + ms;
    app->dirty = true;
}

/* The screen saver may come on in the menu and the end screen, never once a plan is open. */
void app_set_screen(app_t *app, screen_t screen)
{
    app->screen = screen;
    if (screen == SCREEN_READY || screen == SCREEN_SESSION)
        SDL_DisableScreenSaver();
    else
        SDL_EnableScreenSaver();
    SDL_ShowCursor(screen == SCREEN_SESSION ? SDL_DISABLE : SDL_ENABLE);
    app->dirty = true;
}

static void open_plan(app_t *app, catalog_entry_t *e, int64_t now)
{
    app->entry = e;
    app->plan = &e->plan;
    paths_dirname(e->path, app->plan_dir, sizeof app->plan_dir);
    session_init(&app->session, app->plan);
    control_init(&app->ctl);
    app_set_screen(app, SCREEN_READY);
    app->logged = false;
    app->child_view = app->settings->child_view || app->plan->child_view || presenter_is_open(&app->presenter);
    app_set_bg(app, draw_phase_colour(&app->draw, app->plan->phases[0].kind), now);
    app_setup_music(app);
}

static void to_menu(app_t *app, int64_t now)
{
    applog_commit(app, now); /* leaving the end screen writes the session's record */
    app_set_screen(app, SCREEN_MENU);
    app->plan = NULL;
    app_set_bg(app, draw_menu_colour(&app->draw), now);
}

void app_show_menu(app_t *app, int64_t now)
{
    to_menu(app, now);
}

static void menu_action(app_t *app, action_t act, float fy, int64_t now)
{
    int n = app->cat->count;
    if (act == ACT_UP && app->sel > 0)
        app->sel--;
    else if (act == ACT_DOWN && app->sel < n - 1)
        app->sel++;
    else if ((act == ACT_ENTER || act == ACT_PAUSE || act == ACT_RESUME || act == ACT_END) && n > 0)
        open_plan(app, &app->cat->items[app->sel], now);
    else if (act == ACT_ESCAPE)
        app->quit = true;
    else if (act == ACT_CLICK) {
        int row = draw_menu_row_at(&app->draw, n, app->sel, fy);
        if (row >= 0) {
            app->sel = row;
            open_plan(app, &app->cat->items[row], now);
        }
    }
}

static void toggle_view(app_t *app, bool time, int64_t now)
{
    if (time) {
        app->hide_time = !app->hide_time;
        app_banner(app, app->hide_time ? "Time hidden (T shows it)" : "Time shown", now, 2000);
    } else {
        app->child_view = !app->child_view;
        app_banner(app, app->child_view ? "Child view (C for words)" : "Words back", now, 2000);
    }
}

/* The session screen: core/control.c decides; this carries it out. */
static void session_action(app_t *app, action_t act, float fx, int64_t now)
{
    bool was_blank = app->ctl.blank;
    control_result_t r = control_session(&app->ctl, act, fx, app->session.state == SESSION_PAUSED, now);
    if (app->ctl.blank != was_blank)
        fade_level(app, &app->blank, app->ctl.blank ? 1.0 : 0.0, now, BLANK_FADE_MS);
    if (r.hide_message)
        app->banner_until = 0;
    if (r.message)
        app_banner(app, r.message, now, r.message_ms);
    if (r.toggle_time || r.toggle_child)
        toggle_view(app, r.toggle_time, now);
    if (r.input != INPUT_NONE)
        app_step(app, now, r.input);
}

static void handle(app_t *app, action_t act, float fx, float fy, int64_t now)
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
    if (act == ACT_HELP || (app->help && (act == ACT_ESCAPE || act == ACT_CANCEL))) {
        app->help = act == ACT_HELP ? !app->help : false;
        return;
    }
    if (act == ACT_FULLSCREEN) {
        app_toggle_fullscreen(app);
        return;
    }
    if (app->screen != SCREEN_SESSION && (act == ACT_TOGGLE_TIME || act == ACT_TOGGLE_CHILD)) {
        toggle_view(app, act == ACT_TOGGLE_TIME, now);
        return;
    }
    switch (app->screen) {
    case SCREEN_MENU: menu_action(app, act, fy, now); break;
    case SCREEN_READY:
        if (act == ACT_PAUSE || act == ACT_RESUME || act == ACT_ENTER || act == ACT_END || act == ACT_CLICK)
            app_step(app, now, INPUT_START);
        else if (act == ACT_ESCAPE || act == ACT_CANCEL)
            to_menu(app, now);
        break;
    case SCREEN_SESSION: session_action(app, act, fx, now); break;
    case SCREEN_END:
        if (act == ACT_ENTER || act == ACT_ESCAPE || act == ACT_CLICK || act == ACT_PAUSE || act == ACT_CANCEL
            || act == ACT_END)
            to_menu(app, now);
        break;
    case SCREEN_HISTORY: break; /* applog.c takes its events */
    }
}

/* The breathing guide's fullness now, or -1 when the phase has none or it must not move. */
static double breath_now(const app_t *app, const session_view_t *v)
{
    const plan_phase_t *ph = app->plan ? &app->plan->phases[v->phase_index] : NULL;
    if (!ph || ph->breaths_per_min <= 0 || v->state == SESSION_FINISHED)
        return -1;
    if (app->settings->reduced_motion)
        return 0.5; /* reduced motion: the guide shows, still; the prompt gives the pace */
    return breath_level(ph->breaths_per_min, v->phase_length_ms - v->phase_remaining_ms);
}

static int64_t disk_step(const app_t *app, const session_view_t *v)
{
    int r = app->draw.layout.disk_r > 0 ? app->draw.layout.disk_r : 300;
    return pace_disk_step_ms(v->phase_length_ms, r, app->settings->reduced_motion);
}

static void session_opts(const app_t *app, const session_view_t *v, int64_t now, draw_session_opts_t *so)
{
    so->child_view = app->child_view;
    so->hide_time = app->hide_time;
    so->disk_remaining = pace_disk_remaining(v, disk_step(app, v));
    so->breath = breath_now(app, v);
    so->ending = fade_value(&app->ending, now);
}

static void draw_adult(app_t *app, const session_view_t *v, const char *banner, double help)
{
    static const char *status[] = { [SCREEN_MENU] = "Choosing a plan", [SCREEN_READY] = "Ready to start",
                                    [SCREEN_SESSION] = "", [SCREEN_END] = "The session is over",
                                    [SCREEN_HISTORY] = "Looking at the history" };
    if (presenter_is_open(&app->presenter))
        presenter_draw(&app->presenter, app->plan, app->screen == SCREEN_SESSION ? v : NULL, status[app->screen],
                       banner, help);
}

/* Shows the frame: in software, only the rectangles that changed. */
static void present(app_t *app)
{
    if (!app->surface_mode) {
        SDL_RenderPresent(app->renderer);
        return;
    }
    SDL_RenderFlush(app->renderer); /* run the queued drawing before the surface is shown */
    if (app->draw.full)
        SDL_UpdateWindowSurface(app->win);
    else if (app->draw.ndirty > 0)
        SDL_UpdateWindowSurfaceRects(app->win, app->draw.dirty, app->draw.ndirty);
}

static void draw(app_t *app, int64_t now)
{
    draw_begin(&app->draw);
    double help = fade_value(&app->help_fade, now);
    const char *banner = app->banner_until > now ? app->banner : app->notice;
    /* --presenter: no words on the child's screen in a session; the adult's window has them */
    bool apart = app->screen == SCREEN_SESSION && app->child_view && presenter_is_open(&app->presenter);
    draw_overlay_t o = { .help = help > 0 && !apart, .help_level = apart ? 0 : help, .bg = app_bg_now(app, now),
                         .banner = apart ? NULL : banner,
                         .dim = fade_value(&app->dim, now), .blank = fade_value(&app->blank, now) };
    session_view_t v = { 0 }; /* (filled when there is a plan, which a session screen has) */
    if (app->plan)
        session_view(&app->session, now, &v);
    switch (app->screen) {
    case SCREEN_MENU:
        draw_menu(&app->draw, app->menu, app->cat->count, app->sel, &o);
        applog_draw_hints(app, &o);
        break;
    case SCREEN_READY:
        draw_ready(&app->draw, app->plan, &o);
        applog_draw_hints(app, &o);
        break;
    case SCREEN_SESSION: {
        draw_session_opts_t so;
        session_opts(app, &v, now, &so);
        draw_session(&app->draw, app->plan, &v, &so, &o);
        break;
    }
    case SCREEN_END:
    case SCREEN_HISTORY: applog_draw(app, &o); break;
    }
    present(app);
    text_end_frame(app->text);
    draw_adult(app, &v, banner, help);
    if (!app->first_frame_done) {
        app->first_frame_done = true;
        if (app->opts->timing)
            fprintf(stderr, "safebase: first frame after %.1f ms\n",
                    (double)(SDL_GetPerformanceCounter() - app->t0) * 1000.0 / (double)SDL_GetPerformanceFrequency());
        app_start_up_late(app);
    }
}

static void sooner(int64_t *next, int64_t at)
{
    if (at >= 0 && at < *next)
        *next = at;
}

/* The next moment the screen looks different on its own: a fade frame, a banner going, the
 * digits or the disk moving, a breathing frame. Far in the future when nothing moves. */
static int64_t next_frame(app_t *app, int64_t now)
{
    int64_t next = INT64_MAX, fades = INT64_MAX;
    sooner(&fades, fade_next_change(&app->bg_fade, now));
    sooner(&fades, fade_next_change(&app->blank, now));
    sooner(&fades, fade_next_change(&app->help_fade, now));
    if (app->screen == SCREEN_SESSION) { /* the pause dimming and the last minutes show only there */
        sooner(&fades, fade_next_change(&app->dim, now));
        sooner(&fades, fade_next_change(&app->ending, now));
    }
    if (app->banner_until > now)
        sooner(&next, app->banner_until);
    bool blanked = app->ctl.blank && fade_next_change(&app->blank, now) < 0;
    if (app->screen != SCREEN_SESSION || blanked || !app->visible) {
        sooner(&next, fades);
        return app->visible ? next : INT64_MAX;
    }
    session_view_t v;
    session_view(&app->session, now, &v);
    int64_t wait = pace_session_wait(&v, disk_step(app, &v), !app->hide_time || presenter_is_open(&app->presenter));
    double per_min = app->plan->phases[v.phase_index].breaths_per_min;
    int64_t breath = -1;
    if (wait > 0 && per_min > 0 && !app->settings->reduced_motion) {
        int travel = breath_glow_travel(app->draw.layout.disk_r, app->draw.layout.halo_r);
        int64_t t = v.phase_length_ms - v.phase_remaining_ms;
        breath = breath_next_change(per_min, t, travel > 0 ? travel : 40);
    }
    int64_t frame = pace_merge(breath, wait > 0 ? wait : -1); /* the guide and the disk in one frame */
    /* and a fade's frame due just before them waits for them too */
    frame = pace_merge(fades < INT64_MAX ? fades - now : -1, frame);
    if (frame > 0)
        sooner(&next, now + frame);
    return next;
}

/* How long to sleep: until the next frame, the session's next deadline (a cue, a phase end),
 * --exit-at-end, or a second at most (audio warnings and controller hotplug are looked at
 * then). */
static int wait_ms(app_t *app, int64_t now)
{
    app->frame_due = next_frame(app, now);
    int64_t next = now + 1000;
    sooner(&next, app->frame_due);
    if (app->exit_at > 0)
        sooner(&next, app->exit_at);
    if (app->plan)
        sooner(&next, session_next_deadline(&app->session));
    sooner(&next, applog_next_deadline(app)); /* journal checkpoints, the end screen's timeout */
    return next > now ? (int)(next - now) : 0;
}

/* Fades that follow the session: the pause dimming and the last-minutes change. */
static void follow_session(app_t *app, int64_t now)
{
    bool in_session = app->screen == SCREEN_SESSION;
    session_view_t v = { .paused = false, .ending_soon = false };
    if (in_session)
        session_view(&app->session, now, &v);
    fade_level(app, &app->dim, in_session && v.paused ? 1.0 : 0.0, now, DIM_FADE_MS);
    fade_level(app, &app->ending, in_session && v.ending_soon ? 1.0 : 0.0, now, ENDING_FADE_MS);
    fade_level(app, &app->help_fade, app->help ? 1.0 : 0.0, now, HELP_FADE_MS);
    if (!in_session && app->ctl.blank) {
        app->ctl.blank = false;
        fade_level(app, &app->blank, 0.0, now, BLANK_FADE_MS);
    }
}

static void window_event(app_t *app, const SDL_Event *e)
{
    if (e->type == SDL_RENDER_TARGETS_RESET || e->type == SDL_RENDER_DEVICE_RESET) {
        app->dirty = true;
        return;
    }
    if (e->type != SDL_WINDOWEVENT)
        return;
    if (presenter_is_open(&app->presenter) && e->window.windowID == app->presenter.window_id) {
        if (e->window.event == SDL_WINDOWEVENT_CLOSE)
            presenter_close(&app->presenter);
        app->dirty = true;
        return;
    }
    switch (e->window.event) {
    case SDL_WINDOWEVENT_HIDDEN:
    case SDL_WINDOWEVENT_MINIMIZED: app->visible = false; break;
    case SDL_WINDOWEVENT_SHOWN:
    case SDL_WINDOWEVENT_RESTORED:
    case SDL_WINDOWEVENT_MAXIMIZED: app->visible = true; app->dirty = true; break;
    case SDL_WINDOWEVENT_SIZE_CHANGED:
        if (app->surface_mode && !app_open_surface_renderer(app))
            fprintf(stderr, "safebase: cannot draw after the resize: %s\n", SDL_GetError());
        /* fall through */
    case SDL_WINDOWEVENT_EXPOSED:
        draw_invalidate(&app->draw);
        app->dirty = true;
        break;
    default: break;
    }
}

static void on_event(app_t *app, const SDL_Event *e)
{
    char msg[256];
    int64_t now = (int64_t)SDL_GetTicks64();
    if (pads_handle(&app->pads, e, msg, sizeof msg)) {
        app_banner(app, msg, now, 3000);
        return;
    }
    window_event(app, e);
    float fx = 0.5f, fy = 0.5f;
    action_t act = input_translate(e, &fx, &fy);
    /* the log's screens (end, history) and keys take their events first, in output pixels */
    if (!applog_event(app, e, act, (int)(fx * (float)app->draw.w), (int)(fy * (float)app->draw.h), now))
        handle(app, act, fx, fy, now);
}

static void loop(app_t *app)
{
    while (!app->quit) {
        int64_t now = (int64_t)SDL_GetTicks64();
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, wait_ms(app, now))) {
            do
                on_event(app, &e);
            while (SDL_PollEvent(&e));
        }
        now = (int64_t)SDL_GetTicks64();
        app_step(app, now, INPUT_NONE);
        applog_tick(app, now);
        app_poll_audio(app, now);
        follow_session(app, now);
        if (app->exit_at > 0 && now >= app->exit_at)
            app->quit = true;
        if (now >= app->frame_due) /* woken for a change on screen, not just for the second */
            app->dirty = true;
        if (app->dirty && app->visible) {
            app->dirty = false;
            draw(app, now);
        }
    }
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
    fade_init(&app.bg_fade, 1.0);
    fade_init(&app.dim, 0.0);
    fade_init(&app.blank, 0.0);
    fade_init(&app.ending, 0.0);
    fade_init(&app.help_fade, 0.0);
    if (!logfile_choose_path(opts->log, app.log_path, sizeof app.log_path)) {
        app.log_path[0] = '\0';
        fprintf(stderr, "safebase: HOME is not set: sessions will not be logged (use --log FILE)\n");
    }
    applog_open(&app);
    char err[512] = ""; /* app_start_up leaves it empty when it has said why itself */
    int status = 0;
    if (!app_start_up(&app, err, sizeof err)) {
        if (err[0])
            fprintf(stderr, "safebase: %s\n", err);
        status = 1;
    } else {
        fill_menu(&app);
        app_set_screen(&app, SCREEN_MENU);
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
    applog_close(&app, (int64_t)SDL_GetTicks64());
    app_shut_down(&app);
    return status;
}
