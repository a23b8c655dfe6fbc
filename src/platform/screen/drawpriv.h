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

#endif
