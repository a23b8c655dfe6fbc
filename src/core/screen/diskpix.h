/* The countdown disk and the breathing guide's glow as pixels: each pixel's colour worked out
 * from its distance and direction from the disk's centre, and which pixels a change of state
 * touches, so a frame repaints only those. libc only: it writes into a caller's buffer. */
#ifndef SAFEBASE_CORE_DISKPIX_H
#define SAFEBASE_CORE_DISKPIX_H

#include <stdbool.h>
#include <stdint.h>

#include "core/screen/layout.h"
#include "core/screen/palette.h"

#define DISKPIX_GLOW_SOFT 0.14    /* the glow fades out over this outer share of its radius */
#define DISKPIX_MAX_RECTS 40      /* diskpix_changes never returns more rectangles than this */

/* Everything the disk's pixels depend on. Coordinates are relative to the centre: the pixel at
 * (x, y) covers x..x+1, y..y+1, so its middle is at (x + 0.5, y + 0.5). */
typedef struct {
    colour_t bg;          /* the background under it all */
    colour_t glow;        /* the breathing guide's colour... */
    uint8_t glow_alpha;   /* ...and strength inside its soft edge */
    double glow_r;        /* the glow's radius in pixels; 0: no glow */
    colour_t faint;       /* the part of the disk already gone (opaque) */
    colour_t fill;        /* the part still to go */
    int r;                /* the disk's radius in pixels */
    double remaining;     /* 1 full .. 0 empty: the pie starts at 12 o'clock, shrinks clockwise */
} diskpix_t;

/* Writes the w x h pixels whose top-left one is at (x, y) from the centre, as 0xFFRRGGBB, row by
 * row into out (pitch: pixels from one row's start to the next's). Anti-aliased: the rim and
 * the pie's moving edge over one pixel, the glow's edge over DISKPIX_GLOW_SOFT of its radius. */
void diskpix_shade(const diskpix_t *p, uint32_t *out, int pitch, int x, int y, int w, int h);

/* The same for each of rects (n of them, all inside frame), where out holds frame's pixels:
 * the set-up (a lookup table for the glow) is done once for them all. */
void diskpix_shade_rects(const diskpix_t *p, uint32_t *out, int pitch, layout_rect_t frame, const layout_rect_t *rects,
                         int n);

/* The rectangles (relative to the centre, inside the square -box_r..box_r) holding every pixel
 * that looks different under now than under was: a thin wedge when the pie steps, a ring when
 * only the glow moves, the whole square when anything else changed. Fills out (at least
 * DISKPIX_MAX_RECTS long) and returns how many; 0 when nothing changed. */
int diskpix_changes(const diskpix_t *was, const diskpix_t *now, int box_r, layout_rect_t *out);

/* A rectangle of a change and the band of distances from the centre (from in to out pixels, to
 * the pixels' middles) that its changed pixels lie in: a ring's rectangle holds much that did
 * not change, which need not be shaded again (in 0 and out DISKPIX_ALL: all of it). */
typedef struct {
    layout_rect_t box;
    double in, out;
} diskpix_part_t;

#define DISKPIX_ALL 1e9

/* diskpix_changes with the band of each rectangle: the same rectangles, in the same order. */
int diskpix_changed_parts(const diskpix_t *was, const diskpix_t *now, int box_r, diskpix_part_t *out);

/* Like diskpix_shade_rects, for the pixels of each part's rectangle that lie in its band (a
 * pixel or so more at its edges); the others are left as they are. */
void diskpix_shade_parts(const diskpix_t *p, uint32_t *out, int pitch, layout_rect_t frame, const diskpix_part_t *parts,
                         int n);

#endif
