/* Helpers shared by the screen room's drawing: draw.c (menus, overlays), drawsession.c (the
 * session screen) and presenter.c (the adult's window). Private to the screen room. */
#ifndef SAFEBASE_PLATFORM_DRAWPRIV_H
#define SAFEBASE_PLATFORM_DRAWPRIV_H

#include "platform/screen/draw.h"

/* A palette colour as an SDL colour with alpha a. */
SDL_Color draw_sdl(colour_t c, Uint8 a);

/* Fills a rectangle, blended. */
void draw_fill(draw_t *d, SDL_Rect r, SDL_Color c);

/* percent of size, rounded. */
int draw_pct(int size, double percent);

/* The banner along the bottom on a panel, in the band given (or a default band). */
void draw_banner(draw_t *d, const draw_overlay_t *o, const layout_t *band);

/* Dimming, blank screen and help, over everything drawn so far. */
void draw_finish(draw_t *d, const draw_overlay_t *o);

/* The largest size from px down (to half of it, at least 9) at which str fits max_w on one line. */
int draw_fit_line(const draw_t *d, const char *str, int px, int max_w);

/* How many of labels[0..max) to show: up to the first NULL, and no more than n when n > 0. */
int draw_count_labels(const char *const *labels, int n, int max);

/* Lays out n big touch buttons in rows centred across the window, the last row ending at
 * bottom: each at least 48 px and 8% of the short side tall, all as wide as the widest label
 * needs; a row wider than 90% of the window wraps (the rows then share the width). Fills
 * box[0..n) and *px (the labels' em size). Returns the top of the first row (bottom when n is 0). */
int draw_buttons_layout(const draw_t *d, const char *const *labels, int n, int bottom, SDL_Rect *box, int *px);

/* Draws buttons laid out by draw_buttons_layout; button focus (-1: none) shows chosen. */
void draw_buttons(draw_t *d, const char *const *labels, int n, const SDL_Rect *box, int px, int focus);

/* The index of the box in box[0..n) that holds x, y, or -1. */
int draw_box_at(const SDL_Rect *box, int n, int x, int y);

#endif
