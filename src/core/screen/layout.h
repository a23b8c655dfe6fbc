/* Where everything on the session screen goes, as a pure function of the output size in
 * pixels, the view options and the measured sizes of the texts: rectangles inside the screen
 * that never overlap. libc only: the caller measures text (SDL_ttf) through a callback. */
#ifndef SAFEBASE_CORE_LAYOUT_H
#define SAFEBASE_CORE_LAYOUT_H

#include <stdbool.h>

#define LAYOUT_DIGIT_EM 0.73      /* digit height / em size of DejaVu Sans (the default font) */
#define LAYOUT_DIGITS_MIN 0.08    /* the countdown's digits: at least 8% of the screen height */
#define LAYOUT_HALO 1.16          /* the breathing guide's room around the disk, times its radius */

typedef struct {
    int x, y, w, h;
} layout_rect_t;

typedef enum {
    LAYOUT_TITLE,    /* the plan's title, top left */
    LAYOUT_WHERE,    /* "Phase 2 of 5", top right */
    LAYOUT_PHASE,    /* the phase name, large */
    LAYOUT_CLOCK,    /* the time left, large digits */
    LAYOUT_PROMPT,   /* the current prompt, wrapped */
    LAYOUT_PAUSED,   /* "Paused", in the prompt's place */
    LAYOUT_RESUME,   /* how to go on, under it */
    LAYOUT_BANNER,   /* a message along the bottom */
    LAYOUT_TEXT_COUNT
} layout_text_t;

/* Measures text `which` drawn at em size px, wrapped to max_w pixels (0 = one line): its
 * width and height in pixels, 0 x 0 for an empty text. */
typedef void (*layout_measure_fn)(void *ctx, layout_text_t which, int px, int max_w, int *w, int *h);

typedef struct {
    int w, h;                 /* output size in pixels (SDL_GetRendererOutputSize) */
    bool child_view;          /* only the disk, the colour and the kind's shape */
    bool hide_time;           /* no digits */
    bool paused;              /* "Paused" and how to go on replace the prompt */
    bool banner;              /* a message is showing along the bottom */
    layout_measure_fn measure;
    void *ctx;
} layout_in_t;

typedef struct {
    bool shown[LAYOUT_TEXT_COUNT];
    int px[LAYOUT_TEXT_COUNT];            /* em size to draw each text at */
    int wrap[LAYOUT_TEXT_COUNT];          /* wrap width to draw it with (0 = one line) */
    layout_rect_t box[LAYOUT_TEXT_COUNT]; /* where it lands; draw clipped to it */
    layout_rect_t banner_panel;           /* the band behind the banner */
    int disk_x, disk_y, disk_r;           /* the countdown disk: centre and radius */
    int halo_r;                           /* the breathing guide's largest radius */
    layout_rect_t progress;               /* the plan's progress bar (w 0 = none) */
    layout_rect_t icon;                   /* child view: the shape of the phase's kind (w 0 = none) */
    layout_rect_t pause_icon;             /* two bars over the disk's centre while paused */
} layout_t;

/* Lays out the session screen for *in. Fills *out completely; never fails (a text that
 * cannot fit at the smallest size is clipped to its box). */
void layout_session(const layout_in_t *in, layout_t *out);

/* True when a and b share any pixel (empty rectangles share none). */
bool layout_overlap(layout_rect_t a, layout_rect_t b);

/* True when r lies wholly inside a w x h screen. */
bool layout_inside(layout_rect_t r, int w, int h);

/* The square around the disk and its breathing room. */
layout_rect_t layout_disk_box(const layout_t *l);

#endif
