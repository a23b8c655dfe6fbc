/* The screen's colours: one calm background per kind of phase, text and disk colours, for the
 * calm and the high-contrast theme, and WCAG's contrast ratio to check them. libc only: plain
 * numbers, no SDL. */
#ifndef SAFEBASE_CORE_PALETTE_H
#define SAFEBASE_CORE_PALETTE_H

#include <stdint.h>

#include "core/plan/plan.h"
#include "core/plan/settings.h"

typedef struct {
    uint8_t r, g, b;
} colour_t;

typedef struct {
    colour_t phase_bg[PHASE_KIND_COUNT]; /* the session background for each kind of phase */
    colour_t menu_bg;                    /* menu, ready and end screens */
    colour_t blank;                      /* the blank-calm screen */
    colour_t ink;                        /* main text */
    colour_t ink_soft;                   /* secondary text (titles, hints) */
    colour_t disk;                       /* the countdown disk and the progress bar */
    colour_t disk_ending;                /* the disk in the last minutes: warmer, not alarming */
    colour_t panel;                      /* behind banners and the help overlay */
    uint8_t panel_alpha;                 /* its opacity (0..255) */
    uint8_t faint_alpha;                 /* the elapsed part of the disk: a faint full circle */
    double pause_dim;                    /* how far a pause darkens the screen (0..1) */
} palette_t;

/* Fills *p with the colours of theme. */
void palette_for(theme_t theme, palette_t *p);

/* WCAG 2.x relative luminance of c (0 black .. 1 white). */
double colour_luminance(colour_t c);

/* WCAG 2.x contrast ratio between a and b: 1 (same) .. 21 (black on white). */
double colour_contrast(colour_t a, colour_t b);

/* a mixed towards b by t (0 = a, 1 = b), rounded. */
colour_t colour_mix(colour_t a, colour_t b, double t);

/* c composited at alpha over bg (what a translucent fill leaves on screen). */
colour_t colour_over(colour_t bg, colour_t c, uint8_t alpha);

#endif
