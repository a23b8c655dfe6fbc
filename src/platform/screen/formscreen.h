/* A form on screen: a title, rows of a label and a value (one highlighted, scrolled into
 * view), an optional text field, an optional side panel (the plan as it becomes), big touch
 * buttons and the keys along the bottom. The Adjust, music, client and plan-problems screens
 * are all one. It reads a plain struct and changes nothing; what a press does is the caller's. */
#ifndef SAFEBASE_PLATFORM_FORMSCREEN_H
#define SAFEBASE_PLATFORM_FORMSCREEN_H

#include <SDL.h>
#include <stdbool.h>

#include "platform/screen/draw.h"

#define DRAW_FORM_MAX_SIDE 24
#define DRAW_FORM_MAX_BUTTONS 4

typedef struct {
    const char *title;            /* "Adjust: Special playtime" */
    const char *subtitle;         /* one soft line under it, or NULL */
    const char *const *labels;    /* count rows: a label at the left... */
    const char *const *values;    /* ...and a value at the right (NULL array or NULL item: none) */
    int count, sel;               /* sel: the highlighted row, -1 none */
    bool arrows;                  /* draw "◂ value ▸" on the selected row (values that Left/Right change) */
    const char *const *side;      /* nside lines of a panel (the plan as it becomes), or NULL */
    int nside;
    const char *side_title;       /* "The plan now" */
    const char *field;            /* a text field being typed (UTF-8) with a cursor at its end, or NULL */
    const char *field_note;       /* a line under the field (a message or a refusal), or NULL */
    const char *hint;             /* the keys, along the bottom: "Up/Down: choose a row · Left/Right: change · Enter: save · Esc: leave" */
    const char *buttons[DRAW_FORM_MAX_BUTTONS];  /* big touch buttons above the hint ("Save", "Cancel"), NULL-terminated or fewer */
    int nbuttons;
} draw_form_t;

/* Draws the form f over the whole window, then the banner (never over the buttons) and the
 * help overlay of o. */
void draw_form(draw_t *d, const draw_form_t *f, const draw_overlay_t *o);

/* What is at fx, fy (fractions of the window) as draw_form laid it out: a row index 0..count-1, DRAW_FORM_BUTTON + i for button i, DRAW_FORM_LEFT/RIGHT_OF + row for the left or right third of the selected row's value (touch: tap the ◂ or ▸), or -1. */
#define DRAW_FORM_BUTTON 1000
#define DRAW_FORM_LEFT_OF 2000
#define DRAW_FORM_RIGHT_OF 3000
int draw_form_hit(const draw_t *d, const draw_form_t *f, float fx, float fy);

/* The most rows a window can show at once (rows are at least 36 px and 9% of its height). */
#define DRAW_FORM_ROWS_SHOWN 16

/* Where draw_form puts everything, in pixels (w 0: not shown). */
typedef struct {
    SDL_Rect title, subtitle;
    int title_px, subtitle_px, title_wrap, subtitle_wrap; /* em sizes, wrap widths (0: one line) */
    SDL_Rect field, field_note;             /* the field's frame and the note under it */
    int field_px, note_px;
    int first, shown, row_step;             /* rows first .. first + shown - 1 are on screen, row_step apart... */
    SDL_Rect row[DRAW_FORM_ROWS_SHOWN];     /* ...row first + i here (its highlight) */
    SDL_Rect label[DRAW_FORM_ROWS_SHOWN];   /* its label's box */
    SDL_Rect mark;                          /* the ▸ before the chosen row's label (w 0: none in view) */
    int mark_px;
    SDL_Rect value[DRAW_FORM_ROWS_SHOWN];   /* its value's box (the whole "◂ value ▸" on the selected row), w 0: none */
    int label_px[DRAW_FORM_ROWS_SHOWN], value_px[DRAW_FORM_ROWS_SHOWN];
    int label_wrap[DRAW_FORM_ROWS_SHOWN], value_wrap[DRAW_FORM_ROWS_SHOWN]; /* wrap widths (0: one line) */
    bool values_left;                       /* long values, in a column after the labels' */
    bool more_above, more_below;            /* rows scrolled out of view... */
    SDL_Rect more_up, more_down;            /* ...marked ▲ above the rows and ▼ below them */
    int more_px;
    SDL_Rect side;                          /* the panel */
    SDL_Rect side_head;                     /* its title */
    SDL_Rect side_line[DRAW_FORM_MAX_SIDE]; /* its lines on screen, in order... */
    int side_index[DRAW_FORM_MAX_SIDE];     /* ...each one's index in f->side (-1: "…", lines left out here) */
    int side_line_px[DRAW_FORM_MAX_SIDE];
    int side_wrap;                          /* the width its lines wrap at */
    int side_shown, side_head_px;
    SDL_Rect button[DRAW_FORM_MAX_BUTTONS];
    int nbuttons, button_px;
    SDL_Rect hint;
    int hint_px, hint_wrap;                 /* the keys' em size and wrap width (0: one line) */
} draw_form_layout_t;

/* Lays out f in d's window (d->w x d->h, as draw_begin set them): every box lies inside the
 * window and no two overlap. */
void draw_form_layout(const draw_t *d, const draw_form_t *f, draw_form_layout_t *l);

#endif
