/* The shapes on the session screen: the countdown disk (an anti-aliased pie that shrinks
 * clockwise towards 12 o'clock), the breathing guide's soft glow, the pause bars and one small
 * shape per kind of phase. Cached textures, so a frame costs a few blits. Draws only. */
#ifndef SAFEBASE_PLATFORM_DISK_H
#define SAFEBASE_PLATFORM_DISK_H

#include <SDL.h>

#include "core/plan.h"

#define DISK_CACHE 8

typedef struct {
    SDL_Texture *texture;
    int r;            /* radius in pixels; the texture is 2r + 4 square */
    int soft;         /* 0 a crisp disk, 1 a soft glow, 2 the pause sign */
    unsigned used;    /* last use, for replacing the oldest */
} disk_texture_t;

typedef struct {
    SDL_Renderer *renderer;
    disk_texture_t cache[DISK_CACHE];
    unsigned clock;
} disk_t;

/* Frees the cached textures (call before the renderer goes, or when it changes). */
void disk_free(disk_t *d);

/* The countdown: a full circle in faint (its alpha applies) and, over it, the part still to go
 * (remaining 0..1, full at 1) in c, from where time has reached, clockwise, to 12 o'clock. */
void disk_draw(disk_t *d, int cx, int cy, int r, double remaining, SDL_Color c, SDL_Color faint);

/* A soft-edged round glow of radius r (the breathing guide), alpha inside its soft edge. */
void disk_draw_glow(disk_t *d, int cx, int cy, int r, SDL_Color c, Uint8 alpha);

/* Two rounded bars, the pause sign, filling box (a square), at c's alpha. */
void disk_draw_pause(disk_t *d, SDL_Rect box, SDL_Color c);

/* The shape for a kind of phase (child view: colour is never the only sign), in box:
 * connect two circles touching, separate two apart, play three, settle one with a ring,
 * close one over a line. */
void disk_draw_icon(disk_t *d, phase_kind_t kind, SDL_Rect box, SDL_Color c);

#endif
