/* Two shapes the log's screens draw with SDL_Render: a filled rectangle and a filled disk,
 * both blended. Knows nothing of screens or layout. */
#ifndef SAFEBASE_PLATFORM_SHAPES_H
#define SAFEBASE_PLATFORM_SHAPES_H

#include <SDL.h>

void shapes_rect(SDL_Renderer *r, int x, int y, int w, int h, SDL_Color c);

/* A disk of radius around (cx, cy): a fan of 64 triangles. */
void shapes_disk(SDL_Renderer *r, int cx, int cy, int radius, SDL_Color c);

#endif
