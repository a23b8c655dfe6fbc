/* The shapes on the session screen: the countdown disk (an anti-aliased pie that shrinks
 * clockwise towards 12 o'clock) with the breathing guide's soft glow, kept as one opaque layer
 * that is repainted only where it changes (core/diskpix.c); the pause bars and one small shape
 * per kind of phase, from cached textures. Draws only. */
#ifndef SAFEBASE_PLATFORM_DISK_H
#define SAFEBASE_PLATFORM_DISK_H

#include <SDL.h>

#include "core/screen/diskpix.h"
#include "core/plan/plan.h"

#define DISK_CACHE 8

typedef struct {
    SDL_Texture *texture;
    int r;            /* radius in pixels; the texture is 2r + 4 square */
    int soft;         /* 0 a crisp disk, 2 the pause sign */
    unsigned used;    /* last use, for replacing the oldest */
} disk_texture_t;

/* The disk and the glow with their background, as the screen shows them now. */
typedef struct {
    SDL_Texture *texture; /* 2 box_r square, streaming, opaque */
    int cx, cy, box_r;    /* where it lies: centred on (cx, cy) */
    diskpix_t shown;      /* what its pixels hold */
    bool valid;
} disk_layer_t;

typedef struct {
    SDL_Renderer *renderer;
    disk_texture_t cache[DISK_CACHE];
    unsigned clock;
    disk_layer_t layer;
} disk_t;

/* Frees the cached textures (call before the renderer goes, or when it changes). */
void disk_free(disk_t *d);

/* Brings the layer to p for a disk centred at (cx, cy) in a square of half-side box_r (the
 * glow's room). Returns how many screen rectangles now look different (written to rects, at
 * most DISKPIX_MAX_RECTS): a few slivers for a step of the pie or the glow, the whole square
 * otherwise; 0 when nothing changed, -1 when the layer cannot be made (no memory). */
int disk_layer_update(disk_t *d, int cx, int cy, int box_r, const diskpix_t *p, SDL_Rect *rects);

/* Copies the layer to its place on screen (the renderer's clip rectangle applies). */
void disk_layer_draw(disk_t *d);

/* Copies the part r (screen pixels, inside the layer's square) of the layer to its place. */
void disk_layer_draw_part(disk_t *d, SDL_Rect r);

/* Two rounded bars, the pause sign, filling box (a square), at c's alpha. */
void disk_draw_pause(disk_t *d, SDL_Rect box, SDL_Color c);

/* The shape for a kind of phase (child view: colour is never the only sign), in box:
 * connect two circles touching, separate two apart, play three, settle one with a ring,
 * close one over a line. */
void disk_draw_icon(disk_t *d, phase_kind_t kind, SDL_Rect box, SDL_Color c);

#endif
