/* Countdown disk and shapes from cached white textures tinted at draw time. The pie is drawn
 * as whole quadrants (plain blits) plus one or two textured triangles for the quadrant where
 * time has reached, with a 1.5 px fading fringe along its straight edge: anti-aliased all
 * round, and cheap on the software renderer. Changes nothing but the render target. */
#include "platform/disk.h"

#include <math.h>

#define PAD 2
#define FRINGE_PX 1.5f

static SDL_Texture *make(SDL_Renderer *renderer, int r, int soft)
{
    int size = 2 * r + 2 * PAD;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    float c = size / 2.0f;
    for (int y = 0; y < size; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < size; x++) {
            float dx = x + 0.5f - c, dy = y + 0.5f - c, dist = sqrtf(dx * dx + dy * dy);
            float a;
            if (soft == 2) { /* the pause sign: two capsules, a third of the width each */
                float bw = size / 3.0f, rr = bw / 2, cy = y + 0.5f;
                float sy = cy < rr + PAD ? rr + PAD : cy > size - rr - PAD ? size - rr - PAD : cy;
                float d0 = hypotf(x + 0.5f - (PAD + rr), cy - sy);
                float d1 = hypotf(x + 0.5f - (size - PAD - rr), cy - sy);
                a = rr + 0.5f - (d0 < d1 ? d0 : d1);
                a = a < 0 ? 0 : a > 1 ? 1 : a;
            } else if (soft) { /* even, then fading smoothly to nothing over the outer seventh */
                float t = (dist / (float)r - 0.86f) / 0.14f;
                t = t < 0 ? 0 : t > 1 ? 1 : t;
                a = 1 - t * t * (3 - 2 * t);
            } else {
                a = (float)r + 0.5f - dist;
                a = a < 0 ? 0 : a > 1 ? 1 : a;
            }
            row[x] = ((Uint32)lroundf(a * 255) << 24) | 0xFFFFFF;
        }
    }
    SDL_Texture *t = SDL_CreateTextureFromSurface(renderer, s);
    SDL_FreeSurface(s);
    if (t) {
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
        /* the glow is a smooth gradient: the cheaper nearest-pixel scaling shows no difference */
        SDL_SetTextureScaleMode(t, soft ? SDL_ScaleModeNearest : SDL_ScaleModeLinear);
    }
    return t;
}

static SDL_Texture *texture_for(disk_t *d, int r, int soft)
{
    disk_texture_t *oldest = &d->cache[0];
    d->clock++;
    for (int i = 0; i < DISK_CACHE; i++) {
        disk_texture_t *e = &d->cache[i];
        if (e->texture && e->r == r && e->soft == soft) {
            e->used = d->clock;
            return e->texture;
        }
        if (!e->texture || e->used < oldest->used)
            oldest = e;
    }
    if (oldest->texture)
        SDL_DestroyTexture(oldest->texture);
    *oldest = (disk_texture_t){ make(d->renderer, r, soft), r, soft, d->clock };
    return oldest->texture;
}

void disk_free(disk_t *d)
{
    for (int i = 0; i < DISK_CACHE; i++) {
        if (d->cache[i].texture)
            SDL_DestroyTexture(d->cache[i].texture);
        d->cache[i] = (disk_texture_t){ 0 };
    }
}

typedef struct {
    SDL_Texture *tex;
    float ox, oy, size;   /* where the texture lies on screen */
    SDL_Color c;
} pie_t;

static float unit_clamp(float v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v; /* SDL refuses texture coordinates outside 0..1 */
}

static SDL_Vertex vertex(const pie_t *p, float x, float y, Uint8 alpha)
{
    SDL_Vertex v = { { x, y }, { p->c.r, p->c.g, p->c.b, alpha },
                     { unit_clamp((x - p->ox) / p->size), unit_clamp((y - p->oy) / p->size) } };
    return v;
}

/* Screen point at angle a (radians clockwise from 12 o'clock), distance dist from the centre. */
static void at(float cx, float cy, double a, float dist, float *x, float *y)
{
    *x = cx + (float)(sin(a) * dist);
    *y = cy - (float)(cos(a) * dist);
}

/* The part of quadrant q from angle a to the quadrant's end, plus the fringe before a. */
static void partial_quadrant(disk_t *d, const pie_t *p, float cx, float cy, int q, double a)
{
    float h = p->size / 2;
    double s = fabs(sin(a)), co = fabs(cos(a));
    float reach = h / (float)(s > co ? s : co); /* to the edge of the texture's square */
    float px, py, kx, ky, ex, ey;
    at(cx, cy, a, reach, &px, &py);
    at(cx, cy, (q + 0.5) * M_PI / 2, h * (float)M_SQRT2, &kx, &ky); /* the quadrant's corner */
    double end = (q + 1) * M_PI / 2;
    at(cx, cy, end, h, &ex, &ey); /* its far edge, a pixel over into the next (a seam, not a gap) */
    if (q < 3) { /* after the last quadrant comes the part already gone */
        ex += (float)cos(end);
        ey += (float)sin(end);
    }
    SDL_Vertex v[8];
    int idx[12], nv = 0, ni = 0;
    v[nv++] = vertex(p, cx, cy, 255);
    v[nv++] = vertex(p, px, py, 255);
    if (a < (q + 0.5) * M_PI / 2) {
        v[nv++] = vertex(p, kx, ky, 255);
        idx[ni++] = 0, idx[ni++] = 1, idx[ni++] = 2;
        idx[ni++] = 0, idx[ni++] = 2;
    } else {
        idx[ni++] = 0, idx[ni++] = 1;
    }
    v[nv++] = vertex(p, ex, ey, 255);
    idx[ni++] = nv - 1;
    /* the fringe: a thin quad on the elapsed side of the edge, fading out */
    float nx = -(float)cos(a) * FRINGE_PX, ny = -(float)sin(a) * FRINGE_PX;
    v[nv++] = vertex(p, cx + nx, cy + ny, 0);
    v[nv++] = vertex(p, px + nx, py + ny, 0);
    int f0 = nv - 2;
    idx[ni++] = 0, idx[ni++] = 1, idx[ni++] = f0 + 1;
    idx[ni++] = 0, idx[ni++] = f0 + 1, idx[ni++] = f0;
    SDL_RenderGeometry(d->renderer, p->tex, v, nv, idx, ni);
}

void disk_draw(disk_t *d, int cx, int cy, int r, double remaining, SDL_Color c, SDL_Color faint)
{
    SDL_Texture *tex = texture_for(d, r, 0);
    if (!tex || r <= 0)
        return;
    int size = 2 * r + 2 * PAD, h = size / 2;
    SDL_Rect all = { cx - h, cy - h, size, size };
    SDL_SetTextureColorMod(tex, faint.r, faint.g, faint.b);
    SDL_SetTextureAlphaMod(tex, faint.a);
    SDL_RenderCopy(d->renderer, tex, NULL, &all);
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    double frac = remaining < 0 ? 0 : remaining > 1 ? 1 : remaining;
    if (frac <= 0)
        return;
    double from = 2 * M_PI * (1.0 - frac); /* where time has reached */
    SDL_SetTextureAlphaMod(tex, 255);
    for (int q = 0; q < 4; q++) {
        double q0 = q * M_PI / 2, q1 = (q + 1) * M_PI / 2;
        if (from >= q1)
            continue;
        if (from <= q0) { /* a whole quadrant: a plain blit */
            SDL_Rect src = { (q == 0 || q == 1) ? h : 0, (q == 1 || q == 2) ? h : 0, h, h };
            SDL_Rect dst = { all.x + src.x, all.y + src.y, h, h };
            SDL_RenderCopy(d->renderer, tex, &src, &dst);
            continue;
        }
        SDL_SetTextureColorMod(tex, 255, 255, 255); /* the vertices carry the colour */
        pie_t p = { tex, (float)all.x, (float)all.y, (float)size, c };
        partial_quadrant(d, &p, (float)cx, (float)cy, q, from);
        SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    }
}

void disk_draw_glow(disk_t *d, int cx, int cy, int r, SDL_Color c, Uint8 alpha)
{
    if (r <= 0)
        return;
    /* one texture at a fixed size, scaled: the glow can change size every frame for free */
    SDL_Texture *tex = texture_for(d, 256, 1);
    if (!tex)
        return;
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, alpha);
    float scale = (float)r / 256.0f, size = (2 * 256 + 2 * PAD) * scale;
    SDL_FRect dst = { cx - size / 2, cy - size / 2, size, size };
    SDL_RenderCopyF(d->renderer, tex, NULL, &dst);
}

static void circle(disk_t *d, float cx, float cy, int r, SDL_Color c, Uint8 alpha)
{
    SDL_Texture *tex = texture_for(d, r, 0);
    if (!tex)
        return;
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, alpha);
    int size = 2 * r + 2 * PAD;
    SDL_Rect dst = { (int)lroundf(cx) - size / 2, (int)lroundf(cy) - size / 2, size, size };
    SDL_RenderCopy(d->renderer, tex, NULL, &dst);
}

void disk_draw_pause(disk_t *d, SDL_Rect box, SDL_Color c)
{
    /* one anti-aliased texture, so it can fade in as a whole with the dimming */
    SDL_Texture *tex = texture_for(d, box.w / 2, 2);
    if (!tex)
        return;
    SDL_SetTextureColorMod(tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(tex, c.a);
    SDL_Rect dst = { box.x - PAD, box.y - PAD, box.w + 2 * PAD, box.h + 2 * PAD };
    SDL_RenderCopy(d->renderer, tex, NULL, &dst);
}

void disk_draw_icon(disk_t *d, phase_kind_t kind, SDL_Rect box, SDL_Color c)
{
    float cx = box.x + box.w / 2.0f, cy = box.y + box.h / 2.0f;
    int r = box.h / 4 > 2 ? box.h / 4 : 2;
    switch (kind) {
    case PHASE_CONNECT:
        circle(d, cx - r * 0.8f, cy, r, c, 220);
        circle(d, cx + r * 0.8f, cy, r, c, 220);
        break;
    case PHASE_SEPARATE:
        circle(d, cx - r * 2.2f, cy, r, c, 220);
        circle(d, cx + r * 2.2f, cy, r, c, 220);
        break;
    case PHASE_PLAY:
        circle(d, cx - r * 2.2f, cy + r * 0.6f, r * 3 / 4, c, 220);
        circle(d, cx, cy - r * 0.6f, r * 3 / 4, c, 220);
        circle(d, cx + r * 2.2f, cy + r * 0.6f, r * 3 / 4, c, 220);
        break;
    case PHASE_SETTLE:
        circle(d, cx, cy, r * 2, c, 70);
        circle(d, cx, cy, r, c, 220);
        break;
    case PHASE_CLOSE:
    default: {
        circle(d, cx, cy - r * 0.3f, r, c, 220);
        SDL_Rect line = { (int)(cx - r * 2.2f), (int)(cy + r * 1.1f), (int)(r * 4.4f), r / 2 > 1 ? r / 2 : 1 };
        SDL_SetRenderDrawBlendMode(d->renderer, SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(d->renderer, c.r, c.g, c.b, 220);
        SDL_RenderFillRect(d->renderer, &line);
        break;
    }
    }
}
