/* The app's window: the monitor, the renderer (in software, straight into the window's
 * surface so only what changed is shown), the presenter window, full screen, and starting up
 * and shutting down SDL in order: what the first frame does not need waits until it is shown.
 * Decides nothing about screens. */
#include "platform/app/appwindow.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "platform/sys/paths.h"

/* A window's size: --window=WxH, else 1280x720. */
static void window_size(const options_t *o, int *w, int *h)
{
    *w = o->window_w ? o->window_w : 1280;
    *h = o->window_h ? o->window_h : 720;
}

/* Software drawing: a new window surface after a resize needs a new renderer. */
bool app_open_surface_renderer(app_t *app)
{
    SDL_Surface *surface = SDL_GetWindowSurface(app->win);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r)
        return false;
    if (app->renderer) {
        draw_free(&app->draw);
        text_set_renderer(app->text, r);
        SDL_DestroyRenderer(app->renderer);
        app->draw.renderer = app->draw.disk.renderer = r;
        draw_invalidate(&app->draw);
    }
    app->renderer = r;
    app->surface_mode = true;
    return true;
}

/* The monitor asked for (--display N or display = N), or the first when there is none such. */
static int pick_display(app_t *app)
{
    int n = SDL_GetNumVideoDisplays(), want = app->settings->display;
    if (want > 0 && want >= n) {
        fprintf(stderr, "safebase: there is no display %d (found %d); using display 0\n", want, n < 1 ? 1 : n);
        snprintf(app->notice, sizeof app->notice, "No display %d: using the first", want);
        return 0;
    }
    return want > 0 ? want : 0;
}

/* Full screen opens as a borderless window covering the display, made full screen for the
 * window manager once the first frame is shown (app_start_up_late): SDL's X11 driver waits up
 * to 100 ms for a window manager to act on a full-screen window, and without one (or when the
 * window needs no change) it waits the whole time. */
static bool open_window(app_t *app, int display)
{
    const options_t *o = app->opts;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE;
    int x = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display), y = x;
    int w, h;
    window_size(o, &w, &h);
    SDL_Rect screen;
    if (!o->windowed && SDL_GetDisplayBounds(display, &screen) == 0) {
        flags |= SDL_WINDOW_BORDERLESS;
        x = screen.x, y = screen.y, w = screen.w, h = screen.h;
    } else if (!o->windowed) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP; /* (SDL knows no bounds: let it find them) */
    }
    app->win = SDL_CreateWindow("Safe Base", x, y, w, h, flags);
    if (!app->win) {
        fprintf(stderr, "safebase: cannot open a window: %s\n", SDL_GetError());
        return false;
    }
    const char *driver = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    if (!driver || SDL_strcasecmp(driver, "software") != 0)
        app->renderer = SDL_CreateRenderer(app->win, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!app->renderer && !app_open_surface_renderer(app)) {
        fprintf(stderr, "safebase: cannot draw in the window: %s\n", SDL_GetError());
        return false;
    }
    app->visible = true;
    return true;
}

/* --presenter: the adult's window on another display, the child view here. */
static void open_presenter(app_t *app, int display)
{
    char msg[256];
    if (!app->opts->presenter)
        return;
    app->child_view = true;
    if (!presenter_open(&app->presenter, display, app->settings, msg, sizeof msg)) {
        fprintf(stderr, "safebase: --presenter: %s\n", msg);
        snprintf(app->notice, sizeof app->notice, "%s", msg);
        app->child_view = app->settings->child_view;
    }
    SDL_RaiseWindow(app->win);
}

static void open_audio(app_t *app)
{
    char sounds[4096], why[512];
    paths_join(sounds, sizeof sounds, paths_assets(), "sounds");
    app->audio = audio_open(sounds, why, sizeof why);
    if (!app->audio) {
        fprintf(stderr, "safebase: %s; the session runs with visual cues only\n", why);
        snprintf(app->notice, sizeof app->notice, "No sound: visual cues only");
    }
}

bool app_start_up(app_t *app, char *err, size_t errsize)
{
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    /* drawing in software: show it through X11 shared memory, not through an OpenGL texture
     * (which, without a GPU, costs more than the drawing itself) */
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
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
    int display = pick_display(app);
    if (!open_window(app, display))
        return false;
    app->text = text_open(app->renderer, app->settings->font, false, err, errsize);
    if (!app->text)
        return false;
    draw_init(&app->draw, app->renderer, app->text, app->settings->theme);
    app->draw.retained = app->surface_mode;
    app->bg_to = draw_menu_colour(&app->draw);
    app->hide_time = app->settings->hide_time;
    app->child_view = app->settings->child_view;
    open_presenter(app, display);
    if (app->opts->start) /* the session starts before the first frame: its first chime too */
        open_audio(app);
    app->notice_until_start = app->notice[0] != '\0';
    return true;
}

void app_start_up_late(app_t *app)
{
    if (!app->opts->windowed && !(SDL_GetWindowFlags(app->win) & SDL_WINDOW_FULLSCREEN)
        && SDL_SetWindowFullscreen(app->win, SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
        fprintf(stderr, "safebase: full screen failed: %s\n", SDL_GetError());
    /* controllers present now are announced as if plugged in (pad.c) */
    if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0)
        fprintf(stderr, "safebase: game controllers unavailable: %s\n", SDL_GetError());
    if (app->opts->start)
        return;
    open_audio(app);
    if (app->notice[0]) {
        app->notice_until_start = true;
        app->dirty = true;
    }
    if (app->plan) /* --plan's ready screen came up silent: its music now */
        app_setup_music(app);
}

void app_toggle_fullscreen(app_t *app)
{
    int display = SDL_GetWindowDisplayIndex(app->win), w, h;
    SDL_Rect screen;
    if (SDL_GetWindowFlags(app->win) & SDL_WINDOW_FULLSCREEN) {
        window_size(app->opts, &w, &h);
        SDL_SetWindowFullscreen(app->win, 0);
        SDL_SetWindowBordered(app->win, SDL_TRUE);
        SDL_SetWindowSize(app->win, w, h);
        SDL_SetWindowPosition(app->win, (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                              (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display));
        return;
    }
    if (SDL_GetDisplayBounds(display, &screen) == 0) { /* as it opened (open_window) */
        SDL_SetWindowBordered(app->win, SDL_FALSE);
        SDL_SetWindowPosition(app->win, screen.x, screen.y);
        SDL_SetWindowSize(app->win, screen.w, screen.h);
    }
    SDL_SetWindowFullscreen(app->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

void app_shut_down(app_t *app)
{
    audio_close(app->audio);
    presenter_close(&app->presenter);
    pads_close(&app->pads);
    draw_free(&app->draw);
    text_close(app->text);
    if (app->renderer)
        SDL_DestroyRenderer(app->renderer);
    if (app->win)
        SDL_DestroyWindow(app->win);
    SDL_EnableScreenSaver();
    SDL_Quit();
}

