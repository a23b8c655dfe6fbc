/* Drawing the screens from plain structs: it reads the session view and the app's screen
 * state and never changes them. Layout is computed from the renderer's output size (so HiDPI
 * works); the session screen's layout is core/layout.c's. */
#ifndef SAFEBASE_PLATFORM_DRAW_H
#define SAFEBASE_PLATFORM_DRAW_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/screen/layout.h"
#include "core/screen/palette.h"
#include "core/plan/plan.h"
#include "core/session/session.h"
#include "platform/screen/disk.h"
#include "platform/screen/text.h"

typedef struct {
    const char *title;
    const char *detail;   /* "15 min · parent" */
    bool user;            /* the user's own plan */
} draw_menu_item_t;

/* What the session screen last showed, to redraw only what changed. */
typedef struct {
    bool valid;
    uint64_t base;        /* everything but the texts, the digits, the disk (its layer knows) and the bar */
    uint64_t clock;
    uint64_t text[LAYOUT_TEXT_COUNT]; /* each text's words, size and wrap (0: not shown) */
    layout_t layout;      /* where everything was */
    int bar_done;         /* the progress bar's done part, in pixels... */
    uint32_t bar_colour;  /* ...and its colour */
} draw_sig_t;

#define DRAW_MAX_DIRTY (DISKPIX_MAX_RECTS + 2 * LAYOUT_TEXT_COUNT + 4)

typedef struct {
    SDL_Renderer *renderer;
    text_t *text;
    int w, h;             /* output size in pixels */
    palette_t pal;
    draw_sig_t sig;
    bool retained;                    /* the target keeps its pixels between frames (a surface) */
    bool full;                        /* the last draw changed the whole screen... */
    SDL_Rect dirty[DRAW_MAX_DIRTY];   /* ...or only these rectangles */
    int ndirty;
    disk_t disk;
    layout_t layout;      /* the session screen's, kept while its inputs stay the same */
    uint64_t layout_key;
} draw_t;

/* What the screen shows besides the session: overlays and messages. Fades are the caller's. */
typedef struct {
    bool help;            /* the help overlay is on screen... */
    double help_level;    /* ...this far faded in (0..1) */
    bool confirm_end;     /* "Press Esc again to end" is showing */
    const char *banner;   /* a message along the bottom, or NULL */
    SDL_Color bg;         /* the background colour now */
    double dim;           /* pause dimming now: 0 none .. 1 the theme's full dimming */
    double blank;         /* the blank-calm screen: 0 none .. 1 all dark */
    int banner_above;     /* > 0: the banner must end above this y (a button below it) */
} draw_overlay_t;

/* How the session screen looks, beyond the session itself. */
typedef struct {
    bool child_view;      /* only the disk, the colour and the kind's shape */
    bool hide_time;       /* no digits */
    double disk_remaining;/* the fraction the disk shows (the caller steps it) */
    double breath;        /* the breathing guide's fullness 0..1; below 0: no guide */
    double ending;        /* 0..1: how far the last-minutes change has come */
} draw_session_opts_t;

/* Prepares drawing on renderer with text, in theme's colours. Caller frees with draw_free.
 * Set d->retained when the target keeps its pixels between frames (a software renderer on a
 * surface): only then are frames drawn in part. */
void draw_init(draw_t *d, SDL_Renderer *renderer, text_t *text, theme_t theme);

/* Frees the cached shapes (before the renderer goes or changes). */
void draw_free(draw_t *d);

/* Moves drawing, its text included, to a new renderer (the old one's textures are let go
 * first; the caller then destroys it); the next frame is drawn whole. */
void draw_set_renderer(draw_t *d, SDL_Renderer *renderer);

/* The calm background colour for a kind of phase, in the theme's colours. */
SDL_Color draw_phase_colour(const draw_t *d, phase_kind_t kind);

/* The menu, ready and end screens' background. */
SDL_Color draw_menu_colour(const draw_t *d);

/* Sets d->w, d->h from the renderer and marks the whole screen as changed (screens other than
 * the session always redraw everything). */
void draw_begin(draw_t *d);

void draw_menu(draw_t *d, const draw_menu_item_t *items, int count, int selected, const draw_overlay_t *o);

/* What the ready screen shows besides the plan. */
typedef struct {
    const char *music;     /* "Music: Safe Base's own" / "Music: none" / "Music: Kids/Dance (24 tracks)"; NULL: no line */
    const char *client;    /* "Client: Robin" or NULL */
    const char *buttons[5];/* "Adjust  E", "Music  M", "Client  N", "Keep  K" ...; NULL-terminated */
    int nbuttons;          /* how many of buttons[] to show (fewer when one is NULL first) */
    int focused;           /* 1 + the button chosen with the arrow keys or a D-pad; 0: none */
} draw_ready_t;

/* The ready screen: the plan, what music plays and for whom, "Press Space to start", and a
 * row of big buttons along the bottom (two rows on a narrow window), the banner above them. */
void draw_ready(draw_t *d, const plan_t *plan, const draw_ready_t *r, const draw_overlay_t *o);
/* The button at fx, fy as draw_ready laid it out, or -1 (a tap elsewhere still starts the session). */
int draw_ready_button_at(const draw_t *d, const draw_ready_t *r, float fx, float fy);

#define DRAW_READY_LINES 6
#define DRAW_READY_BUTTONS 5

/* Where draw_ready puts everything, in pixels (w 0: not shown). */
typedef struct {
    SDL_Rect line[DRAW_READY_LINES];   /* title, facts, description, first phase, music, client */
    int px[DRAW_READY_LINES];
    SDL_Rect start, keys;              /* "Press Space to start" and the other keys under it */
    int start_px, keys_px;
    SDL_Rect button[DRAW_READY_BUTTONS];
    int nbuttons, button_px;
} draw_ready_layout_t;

/* Lays out the ready screen in d's window (d->w x d->h, as draw_begin set them): every box
 * inside it, none overlapping. */
void draw_ready_layout(const draw_t *d, const plan_t *plan, const draw_ready_t *r, draw_ready_layout_t *l);

/* Draws the session screen. When only the digits, the disk, the bar or some texts (a prompt, a
 * caption) changed since the last call and everything else stayed in its place, redraws just
 * those rectangles (d->full false, d->dirty lists them, possibly none); the disk's rectangles
 * with nothing over them are copied straight from its layer. */
void draw_session(draw_t *d, const plan_t *plan, const session_view_t *v, const draw_session_opts_t *so,
                  const draw_overlay_t *o);

/* Forgets what the screen showed: the next draw_session redraws everything. */
void draw_invalidate(draw_t *d);

/* Draws the banner and the help overlay over a screen drawn elsewhere (end, history). */
void draw_overlays(draw_t *d, const draw_overlay_t *o);

/* Which menu row (0-based) lies at fy (0..1 down the window), or -1. Matches draw_menu. */
int draw_menu_row_at(const draw_t *d, int count, int selected, float fy);

/* The session layout draw_session would use (for tests and the presenter view). */
const layout_t *draw_session_layout(draw_t *d, const plan_t *plan, const session_view_t *v,
                                    const draw_session_opts_t *so, const draw_overlay_t *o);

#endif
