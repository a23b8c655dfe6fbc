/* Drawing the screens from plain structs: it reads the session view and the app's screen
 * state and never changes them. Layout is computed from the renderer's output size. */
#ifndef SAFEBASE_PLATFORM_DRAW_H
#define SAFEBASE_PLATFORM_DRAW_H

#include <SDL.h>
#include <stdbool.h>

#include "core/plan.h"
#include "core/session.h"
#include "platform/text.h"

typedef struct {
    const char *title;
    const char *detail;   /* "15 min · parent" */
    bool user;            /* the user's own plan */
} draw_menu_item_t;

typedef struct {
    SDL_Renderer *renderer;
    text_t *text;
    int w, h;             /* output size in pixels */
} draw_t;

/* What the screen shows besides the session: overlays and messages. */
typedef struct {
    bool help;
    bool confirm_end;     /* "Press Esc again to end" is showing */
    const char *banner;   /* a message along the bottom, or NULL */
    SDL_Color bg;         /* the background colour now (fades are the caller's) */
} draw_overlay_t;

/* The calm background colour for a kind of phase. */
SDL_Color draw_phase_colour(phase_kind_t kind);

/* Sets d->w, d->h from the renderer. */
void draw_begin(draw_t *d);

void draw_menu(draw_t *d, const draw_menu_item_t *items, int count, int selected, const draw_overlay_t *o);
void draw_ready(draw_t *d, const plan_t *plan, const draw_overlay_t *o);
void draw_session(draw_t *d, const plan_t *plan, const session_view_t *v, const draw_overlay_t *o);
void draw_end(draw_t *d, const plan_t *plan, const session_t *s, int64_t now_ms, const draw_overlay_t *o);

/* Draws the banner and the help overlay over a screen drawn elsewhere (end, history). */
void draw_overlays(draw_t *d, const draw_overlay_t *o);

/* Which menu row (0-based) lies under pixel y, or -1. Matches draw_menu's layout. */
int draw_menu_row_at(const draw_t *d, int count, int selected, int y);

#endif
