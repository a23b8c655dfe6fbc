/* Filled rectangles and disks for the end and History screens. Draws only; no state. */
#include "platform/screen/shapes.h"

#include <math.h>

void shapes_rect(SDL_Renderer *r, int x, int y, int w, int h, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a);
    SDL_Rect rect = { x, y, w, h };
    SDL_RenderFillRect(r, &rect);
}

void shapes_disk(SDL_Renderer *r, int cx, int cy, int radius, SDL_Color c)
{
    enum { N = 64 };
    SDL_Vertex v[N + 2];
    int idx[N * 3];
    v[0] = (SDL_Vertex){ { (float)cx, (float)cy }, c, { 0, 0 } };
    for (int i = 0; i <= N; i++) {
        double a = 2 * M_PI * i / N;
        v[i + 1] = (SDL_Vertex){ { (float)(cx + radius * cos(a)), (float)(cy + radius * sin(a)) }, c, { 0, 0 } };
    }
    for (int i = 0; i < N; i++)
        idx[3 * i] = 0, idx[3 * i + 1] = i + 1, idx[3 * i + 2] = i + 2;
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(r, NULL, v, N + 2, idx, N * 3);
}
