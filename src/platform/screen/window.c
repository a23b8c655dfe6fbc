/* Opens, resizes and presents the app's window. Drawing goes straight into the window's
 * surface through a software renderer when there is no GPU renderer to use. Decides nothing
 * about screens; prints only what SDL refused. */
#include "platform/screen/window.h"

#include <stdio.h>

#include "core/base/translate.h"
#include "platform/sys/i18n.h"

/* An ordinary window's size: --window=WxH, else 1280x720. */
static void ordinary_size(const window_t *w, int *width, int *height)
{
    *width = w->window_w ? w->window_w : 1280;
    *height = w->window_h ? w->window_h : 720;
}

/* Software drawing: after a resize the window's surface is new and needs a new renderer;
 * draw (NULL before drawing starts) and its text move to it. Returns false when SDL cannot
 * give one (SDL_GetError says why). */
static bool surface_renderer(window_t *w, draw_t *draw)
{
    SDL_Surface *surface = SDL_GetWindowSurface(w->win);
    SDL_Renderer *r = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!r)
        return false;
    if (w->renderer) {
        if (draw)
            draw_set_renderer(draw, r);
        SDL_DestroyRenderer(w->renderer);
    }
    w->renderer = r;
    w->surface_mode = true;
    return true;
}

/* Full screen opens as a borderless window covering the display, made full screen for the
 * window manager once the first frame is shown (window_fullscreen_late): SDL's X11 driver
 * waits up to 100 ms for a window manager to act on a full-screen window, and without one (or
 * when the window needs no change) it waits the whole time. */
bool window_open(window_t *w, int display, bool windowed, int window_w, int window_h, char *err, size_t errsize)
{
    *w = (window_t){ .windowed = windowed, .window_w = window_w, .window_h = window_h };
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_RESIZABLE;
    int x = (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display), y = x;
    int width, height;
    ordinary_size(w, &width, &height);
    SDL_Rect screen;
    if (!windowed && SDL_GetDisplayBounds(display, &screen) == 0) {
        flags |= SDL_WINDOW_BORDERLESS;
        x = screen.x, y = screen.y, width = screen.w, height = screen.h;
    } else if (!windowed) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP; /* (SDL knows no bounds: let it find them) */
    }
    w->win = SDL_CreateWindow("Safe Base", x, y, width, height, flags);
    if (!w->win) {
        /* TRANSLATORS: %s is SDL's reason */
        snprintf(err, errsize, _("cannot open a window: %s"), SDL_GetError());
        return false;
    }
    const char *driver = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    if (!driver || SDL_strcasecmp(driver, "software") != 0)
        w->renderer = SDL_CreateRenderer(w->win, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!w->renderer && !surface_renderer(w, NULL)) {
        /* TRANSLATORS: %s is SDL's reason */
        snprintf(err, errsize, _("cannot draw in the window: %s"), SDL_GetError());
        return false;
    }
    w->visible = true;
    return true;
}

void window_present(window_t *w, const draw_t *draw)
{
    if (!w->surface_mode) {
        SDL_RenderPresent(w->renderer);
        return;
    }
    SDL_RenderFlush(w->renderer); /* run the queued drawing before the surface is shown */
    if (draw->full)
        SDL_UpdateWindowSurface(w->win);
    else if (draw->ndirty > 0)
        SDL_UpdateWindowSurfaceRects(w->win, draw->dirty, draw->ndirty);
}

void window_fullscreen_late(window_t *w)
{
    if (!w->windowed && !(SDL_GetWindowFlags(w->win) & SDL_WINDOW_FULLSCREEN)
        && SDL_SetWindowFullscreen(w->win, SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
        /* TRANSLATORS: %s is SDL's reason */
        i18n_say(stderr, _("full screen failed: %s"), SDL_GetError());
}

void window_toggle_fullscreen(window_t *w)
{
    int display = SDL_GetWindowDisplayIndex(w->win), width, height;
    SDL_Rect screen;
    if (SDL_GetWindowFlags(w->win) & SDL_WINDOW_FULLSCREEN) {
        ordinary_size(w, &width, &height);
        SDL_SetWindowFullscreen(w->win, 0);
        SDL_SetWindowBordered(w->win, SDL_TRUE);
        SDL_SetWindowSize(w->win, width, height);
        SDL_SetWindowPosition(w->win, (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                              (int)SDL_WINDOWPOS_CENTERED_DISPLAY(display));
        return;
    }
    if (SDL_GetDisplayBounds(display, &screen) == 0) { /* as it opened (window_open) */
        SDL_SetWindowBordered(w->win, SDL_FALSE);
        SDL_SetWindowPosition(w->win, screen.x, screen.y);
        SDL_SetWindowSize(w->win, screen.w, screen.h);
    }
    SDL_SetWindowFullscreen(w->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

bool window_event(window_t *w, const SDL_Event *e, draw_t *draw)
{
    switch (e->window.event) {
    case SDL_WINDOWEVENT_HIDDEN:
    case SDL_WINDOWEVENT_MINIMIZED: w->visible = false; return false;
    case SDL_WINDOWEVENT_SHOWN:
    case SDL_WINDOWEVENT_RESTORED:
    case SDL_WINDOWEVENT_MAXIMIZED: w->visible = true; return true;
    case SDL_WINDOWEVENT_SIZE_CHANGED:
        if (w->surface_mode && !surface_renderer(w, draw))
            /* TRANSLATORS: the window changed size; %s is SDL's reason */
            i18n_say(stderr, _("cannot draw after the resize: %s"), SDL_GetError());
        /* fall through */
    case SDL_WINDOWEVENT_EXPOSED:
        draw_invalidate(draw);
        return true;
    default: return false;
    }
}

void window_close(window_t *w)
{
    if (w->renderer)
        SDL_DestroyRenderer(w->renderer);
    if (w->win)
        SDL_DestroyWindow(w->win);
    w->renderer = NULL;
    w->win = NULL;
}
