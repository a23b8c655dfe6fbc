/* The app's window: opening it on a monitor, drawing in software straight into its surface
 * (so only what changed is shown), presenting a frame, full screen and back. Knows nothing of
 * screens or sessions; the app's loop decides when to draw. */
#ifndef SAFEBASE_PLATFORM_SCREEN_WINDOW_H
#define SAFEBASE_PLATFORM_SCREEN_WINDOW_H

#include <SDL.h>
#include <stdbool.h>

#include "platform/screen/draw.h"

typedef struct {
    SDL_Window *win;
    SDL_Renderer *renderer;
    bool surface_mode;            /* drawing in software straight into the window's surface */
    bool visible;                 /* the window can be seen: draw and animate only then */
    bool windowed;                /* --windowed: never full screen */
    int window_w, window_h;       /* the size of an ordinary window (--window, else 1280x720) */
} window_t;

/* Opens the window on display: full screen (a borderless window covering the display, made
 * full screen for the window manager by window_fullscreen_late) unless windowed, else an
 * ordinary window of window_w x window_h (0: 1280x720). Returns false with the reason in err.
 * Call window_close whatever it returns. */
bool window_open(window_t *w, int display, bool windowed, int window_w, int window_h, char *err, size_t errsize);

/* Shows the frame draw drew: in software, only the rectangles that changed. */
void window_present(window_t *w, const draw_t *draw);

/* Call once after the first frame is shown: a full-screen window becomes full screen for the
 * window manager (SDL may wait up to 100 ms there; a failure is said on stderr). */
void window_fullscreen_late(window_t *w);

/* F: full screen to an ordinary window with a border, centred on the same display, and back. */
void window_toggle_fullscreen(window_t *w);

/* Follows a window event for the main window (shown, hidden, resized). Returns true when the
 * whole screen must be drawn again. */
bool window_event(window_t *w, const SDL_Event *e, draw_t *draw);

/* Destroys the renderer and the window (safe on a window that never opened). */
void window_close(window_t *w);

#endif
