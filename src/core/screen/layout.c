/* The session screen's layout: top strip (title, where), the phase name, the disk with its
 * breathing room, the clock and the prompt (beside the disk in landscape, under it in
 * portrait), a reserved banner band and the progress bar. Texts shrink until they fit.
 * Decides rectangles only; draws nothing. */
#include "core/screen/layout.h"

#include <string.h>

#define MIN_PX 9

typedef struct {
    const layout_in_t *in;
    layout_t *out;
    int u, m;          /* the short side; the margin */
} ctx_t;

static int imin(int a, int b) { return a < b ? a : b; }
static int imax(int a, int b) { return a > b ? a : b; }
static int per(int v, int thousandths) { return (int)((long)v * thousandths / 1000); }

/* Picks the largest size from px down that fits max_w x max_h (never below px_min unless the
 * width still overflows: nothing may be cut at the sides). Sets the box's size only. */
static void fit(ctx_t *c, layout_text_t which, int px, int px_min, int max_w, int max_h, bool wrap)
{
    int w = 0, h = 0;
    px_min = imax(MIN_PX, imin(px_min, px));
    max_w = imax(1, max_w);
    max_h = imax(1, max_h);
    for (;;) {
        c->in->measure(c->in->ctx, which, px, wrap ? max_w : 0, &w, &h);
        bool fits = w <= max_w && (h <= max_h || px <= px_min);
        if (fits || px <= MIN_PX)
            break;
        int next = imin(px - 1, px * 92 / 100);
        px = (w <= max_w && next < px_min) ? px_min : imax(MIN_PX, next);
    }
    layout_t *o = c->out;
    o->shown[which] = w > 0 && h > 0;
    o->px[which] = px;
    o->wrap[which] = wrap ? max_w : 0;
    o->box[which] = (layout_rect_t){ 0, 0, imin(w, max_w), imin(h, max_h) };
}

/* Places a fitted box: centred on cx, or from x (left) or to x (right), at top y. */
static void place(ctx_t *c, layout_text_t which, int x, int y, int align)
{
    layout_rect_t *b = &c->out->box[which];
    b->x = align == 0 ? x - b->w / 2 : align < 0 ? x : x - b->w;
    b->y = y;
}

static int line_h(int px)
{
    return px + px / 4; /* DejaVu's line height is 1.16 em; a little room over it */
}

/* Title and where-we-are along the top; returns the strip's bottom. */
static int top_strip(ctx_t *c)
{
    const layout_in_t *in = c->in;
    int px = imax(MIN_PX, per(c->u, 30)), half = (in->w - 3 * c->m) / 2;
    fit(c, LAYOUT_TITLE, px, px * 3 / 4, half, line_h(px) * 2, true);
    fit(c, LAYOUT_WHERE, px, px * 3 / 4, half, line_h(px) * 2, true);
    place(c, LAYOUT_TITLE, c->m, c->m, -1);
    place(c, LAYOUT_WHERE, in->w - c->m, c->m, 1);
    return c->m + imax(line_h(px), imax(c->out->box[LAYOUT_TITLE].h, c->out->box[LAYOUT_WHERE].h));
}

/* The phase name under the strip, in a band of fixed height; returns the band's bottom. */
static int phase_band(ctx_t *c, int top, int px)
{
    int band = line_h(px);
    fit(c, LAYOUT_PHASE, px, px / 2, c->in->w - 2 * c->m, band, true);
    layout_rect_t *b = &c->out->box[LAYOUT_PHASE];
    place(c, LAYOUT_PHASE, c->in->w / 2, top + (band - b->h) / 2, 0);
    return top + band;
}

/* The progress bar and the banner band above it; returns the banner band's top. */
static int bottom_bands(ctx_t *c, bool progress)
{
    const layout_in_t *in = c->in;
    layout_t *o = c->out;
    int bottom = in->h - c->m;
    if (progress) {
        int bh = imax(3, per(in->h, 14)), x = per(in->w, 60);
        o->progress = (layout_rect_t){ x, bottom - bh, in->w - 2 * x, bh };
        bottom = o->progress.y - c->m;
    }
    int px = imax(MIN_PX, per(c->u, 34)), pad = imax(2, px / 3), band = line_h(px) + 2 * pad;
    o->banner_panel = (layout_rect_t){ 0, bottom - band, in->w, band };
    if (in->banner) {
        fit(c, LAYOUT_BANNER, px, px * 2 / 3, in->w - 2 * c->m, line_h(px), true);
        layout_rect_t *b = &o->box[LAYOUT_BANNER];
        place(c, LAYOUT_BANNER, in->w / 2, o->banner_panel.y + (band - b->h) / 2, 0);
    }
    return o->banner_panel.y - c->m / 2;
}

static void set_disk(ctx_t *c, int cx, int cy, int room_w, int room_h)
{
    layout_t *o = c->out;
    int room = imax(2, imin(room_w, room_h) / 2);
    o->halo_r = room;
    o->disk_r = imax(1, (int)(room / LAYOUT_HALO));
    o->disk_x = cx;
    o->disk_y = cy;
    int bar = imax(2, o->disk_r / 3);
    o->pause_icon = (layout_rect_t){ cx - bar, cy - bar, 2 * bar, 2 * bar };
}

static int clock_min_px(int h)
{
    return (int)(h * LAYOUT_DIGITS_MIN / LAYOUT_DIGIT_EM) + 1;
}

/* The prompt, or "Paused" and how to go on, fitted into a column box; returns its height. */
static int words(ctx_t *c, int cx, int top, int col_w, int room_h, int px)
{
    if (c->in->paused) {
        int big = imax(MIN_PX, px * 3 / 2), small = imax(MIN_PX, px * 2 / 3);
        fit(c, LAYOUT_PAUSED, big, big / 2, col_w, imax(1, room_h * 6 / 10), true);
        int ph = c->out->box[LAYOUT_PAUSED].h;
        fit(c, LAYOUT_RESUME, small, MIN_PX, col_w, imax(1, room_h - ph - c->m / 2), true);
        place(c, LAYOUT_PAUSED, cx, top, 0);
        place(c, LAYOUT_RESUME, cx, top + ph + c->m / 2, 0);
        return ph + c->m / 2 + c->out->box[LAYOUT_RESUME].h;
    }
    fit(c, LAYOUT_PROMPT, px, imax(MIN_PX, per(c->in->h, 22)), col_w, room_h, true);
    place(c, LAYOUT_PROMPT, cx, top, 0);
    return c->out->box[LAYOUT_PROMPT].h;
}

static void landscape(ctx_t *c, int top, int bottom)
{
    const layout_in_t *in = c->in;
    int main_h = bottom - top, half = in->w / 2, room_w = half - c->m - c->m / 2;
    set_disk(c, c->m + room_w / 2, top + main_h / 2, room_w, main_h);
    int col_l = half + c->m / 2, col_r = in->w - c->m, col_w = col_r - col_l, cx = (col_l + col_r) / 2;
    int y = top;
    if (!in->hide_time) {
        int px = imax(clock_min_px(in->h), per(in->h, 170));
        int band = imin(line_h(px), main_h / 2);
        fit(c, LAYOUT_CLOCK, px, clock_min_px(in->h), col_w, band, false);
        place(c, LAYOUT_CLOCK, cx, y + (band - c->out->box[LAYOUT_CLOCK].h) / 2, 0);
        y += band + c->m;
    } else {
        y += main_h / 8;
    }
    words(c, cx, y, col_w, bottom - y, imax(MIN_PX, per(in->h, 55)));
}

static void portrait(ctx_t *c, int top, int bottom)
{
    const layout_in_t *in = c->in;
    int main_h = bottom - top, col_w = in->w - 2 * c->m, cx = in->w / 2;
    int clock_band = 0, px = 0;
    if (!in->hide_time) {
        px = clock_min_px(in->h) + per(in->h, 10);
        clock_band = line_h(px);
    }
    int words_px = imax(MIN_PX, imin(per(in->w, 60), per(in->h, 42)));
    int words_room = imin(main_h * 28 / 100, line_h(words_px) * 7 / 2); /* about three lines */
    int disk_room = imax(2, main_h - clock_band - words_room - 2 * c->m);
    set_disk(c, cx, top + disk_room / 2, col_w, disk_room);
    int y = top + disk_room + c->m;
    if (!in->hide_time) {
        fit(c, LAYOUT_CLOCK, px, clock_min_px(in->h), col_w, clock_band, false);
        place(c, LAYOUT_CLOCK, cx, y + (clock_band - c->out->box[LAYOUT_CLOCK].h) / 2, 0);
        y += clock_band + c->m;
    }
    words(c, cx, y, col_w, bottom - y, words_px);
}

static void child(ctx_t *c, int bottom)
{
    const layout_in_t *in = c->in;
    layout_t *o = c->out;
    int icon = imax(8, per(c->u, 90));
    int icon_y = bottom - icon;
    o->icon = (layout_rect_t){ in->w / 2 - icon, icon_y, 2 * icon, icon };
    int room_h = icon_y - c->m - c->m;
    set_disk(c, in->w / 2, c->m + room_h / 2, in->w - 2 * c->m, room_h);
}

void layout_session(const layout_in_t *in, layout_t *out)
{
    memset(out, 0, sizeof *out);
    ctx_t c = { .in = in, .out = out, .u = imin(in->w, in->h) };
    c.m = imax(4, per(c.u, 30));
    if (in->child_view) {
        child(&c, bottom_bands(&c, false));
        return;
    }
    int top = top_strip(&c) + c.m / 2;
    bool tall = in->h > in->w;
    int phase_px = tall ? imin(per(in->h, 75), per(in->w, 130)) : per(in->h, 115);
    top = phase_band(&c, top, imax(MIN_PX, phase_px)) + c.m / 2;
    int bottom = bottom_bands(&c, true);
    if (tall)
        portrait(&c, top, bottom);
    else
        landscape(&c, top, bottom);
}

bool layout_overlap(layout_rect_t a, layout_rect_t b)
{
    if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0)
        return false;
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

bool layout_inside(layout_rect_t r, int w, int h)
{
    return r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h;
}

layout_rect_t layout_disk_box(const layout_t *l)
{
    return (layout_rect_t){ l->disk_x - l->halo_r, l->disk_y - l->halo_r, 2 * l->halo_r, 2 * l->halo_r };
}
