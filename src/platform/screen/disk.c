/* The countdown disk's layer (shaded by core/diskpix.c into a streaming texture, only where it
 * changes, and copied opaque) and the small shapes, from cached white textures tinted at draw
 * time. Changes nothing but the render target and its own textures. */
#include "platform/screen/disk.h"

#include <math.h>

#define PAD 2

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
        SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
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

static void layer_free(disk_layer_t *l)
{
    if (l->texture)
        SDL_DestroyTexture(l->texture);
    *l = (disk_layer_t){ 0 };
}

void disk_free(disk_t *d)
{
    layer_free(&d->layer);
    for (int i = 0; i < DISK_CACHE; i++) {
        if (d->cache[i].texture)
            SDL_DestroyTexture(d->cache[i].texture);
        d->cache[i] = (disk_texture_t){ 0 };
    }
}

/* The window's own format when it is a 32-bit RGB one, so the copy is a plain copy. */
static Uint32 layer_format(SDL_Renderer *renderer)
{
    SDL_Window *win = SDL_RenderGetWindow(renderer);
    Uint32 f = win ? SDL_GetWindowPixelFormat(win) : SDL_PIXELFORMAT_UNKNOWN;
    return f == SDL_PIXELFORMAT_RGB888 ? f : SDL_PIXELFORMAT_ARGB8888;
}

/* Shades the parts' pixels (relative to the centre) into the texture, locking only the parts'
 * bounding box (the rest of the texture keeps what it holds). */
static bool layer_paint(disk_layer_t *l, const diskpix_t *p, const diskpix_part_t *part, int n)
{
    if (n <= 0)
        return true;
    const layout_rect_t *r = &part[0].box;
    int x0 = r->x, y0 = r->y, x1 = r->x + r->w, y1 = r->y + r->h;
    for (int i = 1; i < n; i++) {
        r = &part[i].box;
        x0 = r->x < x0 ? r->x : x0, y0 = r->y < y0 ? r->y : y0;
        x1 = r->x + r->w > x1 ? r->x + r->w : x1, y1 = r->y + r->h > y1 ? r->y + r->h : y1;
    }
    SDL_Rect at = { x0 + l->box_r, y0 + l->box_r, x1 - x0, y1 - y0 };
    void *pixels;
    int pitch;
    if (SDL_LockTexture(l->texture, &at, &pixels, &pitch) != 0)
        return false;
    diskpix_shade_parts(p, pixels, pitch / 4, (layout_rect_t){ x0, y0, x1 - x0, y1 - y0 }, part, n);
    SDL_UnlockTexture(l->texture);
    return true;
}

int disk_layer_update(disk_t *d, int cx, int cy, int box_r, const diskpix_t *p, SDL_Rect *rects)
{
    disk_layer_t *l = &d->layer;
    if (box_r <= 0)
        return 0;
    diskpix_part_t r[DISKPIX_MAX_RECTS];
    int n;
    if (l->texture && l->box_r == box_r && l->valid) {
        n = diskpix_changed_parts(&l->shown, p, box_r, r);
    } else {
        if (!l->texture || l->box_r != box_r) {
            layer_free(l);
            l->texture = SDL_CreateTexture(d->renderer, layer_format(d->renderer), SDL_TEXTUREACCESS_STREAMING,
                                           2 * box_r, 2 * box_r);
            if (!l->texture)
                return -1;
            SDL_SetTextureBlendMode(l->texture, SDL_BLENDMODE_NONE);
            l->box_r = box_r;
        }
        r[0] = (diskpix_part_t){ { -box_r, -box_r, 2 * box_r, 2 * box_r }, 0, DISKPIX_ALL };
        n = 1;
    }
    bool moved = !l->valid || l->cx != cx || l->cy != cy;
    if (!layer_paint(l, p, r, n)) {
        l->valid = false;
        return -1;
    }
    l->cx = cx, l->cy = cy, l->shown = *p, l->valid = true;
    if (moved) { /* a new place: all of it is new on screen */
        r[0].box = (layout_rect_t){ -box_r, -box_r, 2 * box_r, 2 * box_r };
        n = 1;
    }
    for (int i = 0; i < n; i++)
        rects[i] = (SDL_Rect){ cx + r[i].box.x, cy + r[i].box.y, r[i].box.w, r[i].box.h };
    return n;
}

void disk_layer_draw(disk_t *d)
{
    disk_layer_t *l = &d->layer;
    if (!l->texture || !l->valid)
        return;
    SDL_Rect dst = { l->cx - l->box_r, l->cy - l->box_r, 2 * l->box_r, 2 * l->box_r };
    SDL_RenderCopy(d->renderer, l->texture, NULL, &dst);
}

void disk_layer_draw_part(disk_t *d, SDL_Rect r)
{
    disk_layer_t *l = &d->layer;
    if (!l->texture || !l->valid)
        return;
    SDL_Rect src = { r.x - (l->cx - l->box_r), r.y - (l->cy - l->box_r), r.w, r.h };
    SDL_RenderCopy(d->renderer, l->texture, &src, &r);
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
