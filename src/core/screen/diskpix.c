/* The disk and the glow, pixel by pixel: coverage from the distance to the rim and from two
 * half-planes for the pie, so a frame costs a few float operations a pixel, and only over the
 * pixels a change touches. Writes only into the buffer it is given. */
#include "core/screen/diskpix.h"

#include <assert.h>
#include <math.h>

#define WEDGE_SEGMENTS 8          /* boxes along a thin wedge's length */
#define WEDGE_THIN 0.6            /* radians: wider wedges get one box */
#define RING_STRIPS 16            /* horizontal strips a ring is cut into */
#define EDGE_MARGIN 2             /* pixels around a change, for the anti-aliased edges */
#define RING_RES 8                /* outside the rim the colour depends on the distance alone:
                                   * looked up at this many steps a pixel... */
#define RING_MAX 4096             /* ...over at most this many steps (512 px of glow) */

typedef struct {
    float r_in2, r_out2, reach2;  /* fully inside the disk; outside its rim; beyond all drawing */
    float r;
    float glow_r, glow_inv, glow_in2, glow_a;
    float c, s;                   /* direction of the pie's moving edge */
    int pie;                      /* 0 all gone, 1 all there, 2 more than half left, 3 less */
    float bg[3], glow[3], faint[3], fill[3];
    uint32_t bg_px, faint_px, fill_px;
    float ring_d0;                /* the looked-up colours start at this distance (the rim's outside) */
    int ring_n;                   /* 0: worked out pixel by pixel */
    uint32_t ring[RING_MAX];
} prep_t;

static float clamp01(float v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

static void channels(colour_t c, float out[3])
{
    out[0] = c.r, out[1] = c.g, out[2] = c.b;
}

static uint32_t pack(const float c[3])
{
    return 0xFF000000u | (uint32_t)(c[0] + 0.5f) << 16 | (uint32_t)(c[1] + 0.5f) << 8 | (uint32_t)(c[2] + 0.5f);
}

static void mix(float c[3], const float to[3], float t)
{
    for (int i = 0; i < 3; i++)
        c[i] += (to[i] - c[i]) * t;
}

static double clamp_remaining(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

static void prepare(const diskpix_t *p, prep_t *q)
{
    float r = (float)(p->r > 0 ? p->r : 0);
    q->r = r;
    q->r_in2 = r > 0.5f ? (r - 0.5f) * (r - 0.5f) : 0;
    q->r_out2 = (r + 0.5f) * (r + 0.5f);
    q->glow_r = p->glow_r > 0 ? (float)p->glow_r : 0;
    q->glow_inv = q->glow_r > 0 ? 1 / q->glow_r : 0;
    float inner = q->glow_r * (float)(1 - DISKPIX_GLOW_SOFT);
    q->glow_in2 = inner * inner;
    q->glow_a = p->glow_alpha / 255.0f;
    q->reach2 = q->r_out2 > q->glow_r * q->glow_r ? q->r_out2 : q->glow_r * q->glow_r;
    double rem = clamp_remaining(p->remaining), phi = 2 * M_PI * (1 - rem);
    q->c = (float)cos(phi), q->s = (float)sin(phi);
    q->pie = rem >= 1 ? 1 : rem <= 0 ? 0 : phi <= M_PI ? 2 : 3;
    channels(p->bg, q->bg), channels(p->glow, q->glow), channels(p->faint, q->faint), channels(p->fill, q->fill);
    q->bg_px = pack(q->bg), q->faint_px = pack(q->faint), q->fill_px = pack(q->fill);
}

/* How much of a pixel wholly inside the rim the part still to go covers: the clockwise side of
 * the moving edge (edge_y: this row's share of that edge's distance, plus a half pixel)
 * joined with (more than half left) or cut by (less) the left half, whose edge is 12 o'clock. */
static inline float cover(const prep_t *q, float dx, float edge_y)
{
    if (q->pie < 2)
        return (float)q->pie;
    float edge = clamp01(dx * q->c + edge_y), left = clamp01(0.5f - dx);
    if (q->pie == 2)
        return edge > left ? edge : left;
    return edge < left ? edge : left;
}

static inline uint32_t inside(const prep_t *q, float dx, float edge_y)
{
    float a = cover(q, dx, edge_y);
    if (a >= 1)
        return q->fill_px;
    if (a <= 0)
        return q->faint_px;
    float c[3] = { q->faint[0], q->faint[1], q->faint[2] };
    mix(c, q->fill, a);
    return pack(c);
}

/* The background with the glow over it, d from the centre (d2 its square). */
static void glow_over_bg(const prep_t *q, float d, float d2, float c[3])
{
    c[0] = q->bg[0], c[1] = q->bg[1], c[2] = q->bg[2];
    if (d >= q->glow_r)
        return;
    float g = q->glow_a;
    if (d2 > q->glow_in2) {
        float t = clamp01((d * q->glow_inv - (float)(1 - DISKPIX_GLOW_SOFT)) * (float)(1 / DISKPIX_GLOW_SOFT));
        g *= 1 - t * t * (3 - 2 * t);
    }
    mix(c, q->glow, g);
}

/* A pixel on the rim: the glow over the background, then the rim's share of the disk. */
static uint32_t rim_pixel(const prep_t *q, float dx, float edge_y, float d2)
{
    float d = sqrtf(d2), c[3];
    glow_over_bg(q, d, d2, c);
    float rim = clamp01(q->r + 0.5f - d);
    mix(c, q->faint, rim);
    mix(c, q->fill, rim * cover(q, dx, edge_y));
    return pack(c);
}

/* Outside the rim: the glow's colour for the distance, looked up. */
static inline uint32_t outer(const prep_t *q, float d2)
{
    float d = sqrtf(d2);
    if (q->ring_n <= 0 || q->ring_n > RING_MAX) {
        float c[3];
        glow_over_bg(q, d, d2, c);
        return pack(c);
    }
    int i = (int)((d - q->ring_d0) * RING_RES);
    return q->ring[i < 0 ? 0 : i >= q->ring_n ? q->ring_n - 1 : i];
}

static void prepare_ring(prep_t *q)
{
    q->ring_d0 = q->r + 0.5f;
    float span = sqrtf(q->reach2) - q->ring_d0;
    int n = span > 0 ? (int)(span * RING_RES) + 2 : 0;
    q->ring_n = n <= RING_MAX ? n : 0;
    for (int i = 0; i < q->ring_n; i++) {
        float d = q->ring_d0 + (i + 0.5f) / RING_RES, c[3];
        glow_over_bg(q, d, d * d, c);
        q->ring[i] = pack(c);
    }
}

static void fill_px(uint32_t *row, int from, int to, uint32_t px)
{
    for (int i = from; i < to; i++)
        row[i] = px;
}

/* Pixels from..to of a row wholly inside the rim: runs of one colour filled at once, pixel by
 * pixel only where the pie's edge crosses (its coverage is a clamped linear function of x,
 * joined with or cut by the left half's step at x = 0, so each side of that step is one
 * ramp: constant before and after it). */
static void inside_span(const prep_t *q, uint32_t *row, int x, int from, int to, float edge_y)
{
    if (q->pie < 2) {
        fill_px(row, from, to, q->pie ? q->fill_px : q->faint_px);
        return;
    }
    int step = -x < from ? from : -x > to ? to : -x; /* the first pixel at x >= 0 */
    int parts[3] = { from, step, to };
    for (int k = 0; k < 2; k++) {
        int a = parts[k], b = parts[k + 1];
        if (a >= b)
            continue;
        int lo = a, hi = a; /* where the edge's ramp is partial: worked out pixel by pixel (a level
                             * edge has none: one value along the row) */
        if (fabsf(q->c) > 1e-6f) {
            float x0 = -edge_y / q->c - 0.5f, x1 = (1 - edge_y) / q->c - 0.5f;
            float first = x0 < x1 ? x0 : x1, last = x0 < x1 ? x1 : x0;
            float l = floorf(first) - 1 - (float)x, h = ceilf(last) + 2 - (float)x;
            lo = l < (float)a ? a : l > (float)b ? b : (int)l;
            hi = h < (float)lo ? lo : h > (float)b ? b : (int)h;
        }
        if (lo > a)
            fill_px(row, a, lo, inside(q, (float)(x + a) + 0.5f, edge_y));
        for (int i = lo; i < hi; i++)
            row[i] = inside(q, (float)(x + i) + 0.5f, edge_y);
        if (hi < b)
            fill_px(row, hi, b, inside(q, (float)(x + b - 1) + 0.5f, edge_y));
    }
}

/* One pixel anywhere: the background beyond everything, the inside of the rim, the glow
 * outside it looked up, the rim itself worked out. */
static uint32_t any_pixel(const prep_t *q, float dx, float dy2, float beyond, float within, float edge_y)
{
    float t = dx * dx;
    if (t >= beyond)
        return q->bg_px;
    if (t <= within)
        return inside(q, dx, edge_y);
    if (t + dy2 >= q->r_out2)
        return outer(q, t + dy2);
    return rim_pixel(q, dx, edge_y, t + dy2);
}

/* Pixels from i up to (not including) end, stepping by dir (+1 or -1) away from the disk's
 * middle: each as any_pixel() gives it, but once past the rim the glow's colours are looked up
 * in a tight loop, and once beyond everything the rest is the background at once (the distance
 * only grows on the way out). */
static void rim_out(const prep_t *q, uint32_t *row, int x, int i, int end, int dir, float dy2, float beyond,
                    float within, float edge_y)
{
    while (i != end) {
        float dx = (float)(x + i) + 0.5f, t = dx * dx;
        if (t >= beyond) {
            if (dir > 0)
                fill_px(row, i, end, q->bg_px);
            else
                fill_px(row, end + 1, i + 1, q->bg_px);
            return;
        }
        if (t > within && t + dy2 >= q->r_out2) { /* past the rim: the glow, up to beyond */
            for (; i != end; i += dir) {
                dx = (float)(x + i) + 0.5f, t = dx * dx;
                if (t >= beyond)
                    break;
                row[i] = outer(q, t + dy2);
            }
            continue;
        }
        row[i] = any_pixel(q, dx, dy2, beyond, within, edge_y);
        i += dir;
    }
}

/* Pixels lo..hi of a row whose first pixel is at x: the span wholly inside the rim in runs,
 * the rest pixel by pixel (each pixel the same whichever span it is shaded in). */
static void shade_span(const prep_t *q, uint32_t *row, int x, int lo, int hi, float dy)
{
    float dy2 = dy * dy, beyond = q->reach2 - dy2, within = q->r_in2 - dy2, edge_y = dy * q->s + 0.5f;
    int mid = -x < lo ? lo : -x > hi ? hi : -x; /* the first pixel right of the middle */
    int from = mid, to = mid; /* (a row clear of the disk: split at the middle, each side outwards) */
    if (within > 0) { /* pixels whose middle x + 0.5 lies within +-half */
        float half = sqrtf(within);
        float a = ceilf(-half - 0.5f) - (float)x, b = floorf(half - 0.5f) + 1 - (float)x;
        from = a < (float)lo ? lo : a > (float)hi ? hi : (int)a;
        to = b < (float)from ? from : b > (float)hi ? hi : (int)b;
    }
    rim_out(q, row, x, from - 1, lo - 1, -1, dy2, beyond, within, edge_y);
    inside_span(q, row, x, from, to, edge_y);
    rim_out(q, row, x, to, hi, 1, dy2, beyond, within, edge_y);
}

/* The first pixel i >= lo (of a row starting at x) whose middle x + i + 0.5 is at least at, and
 * so on: the pixels of lo..hi with middles in [a, b] are those from cut(a) up to cut_after(b). */
static int cut(double at, int x, int lo, int hi)
{
    double i = ceil(at - 0.5 - x);
    return i < lo ? lo : i > hi ? hi : (int)i;
}

/* Shades the pixels of a row (w wide, from x, middle dy) whose distance from the centre lies in
 * the band in..out, a pixel more on each side; the rest of the row is left alone. */
static void shade_band(const prep_t *q, uint32_t *row, int x, int w, float dy, double in, double out)
{
    if (out >= DISKPIX_ALL) {
        shade_span(q, row, x, 0, w, dy);
        return;
    }
    double dy2 = (double)dy * dy, o = out + 1, n = in - 1;
    if (o * o <= dy2)
        return;
    double so = sqrt(o * o - dy2), si = n > 0 && n * n > dy2 ? sqrt(n * n - dy2) : 0;
    int a = cut(-so, x, 0, w), d = cut(so, x, 0, w) + 1; /* (cut(so) may hold a pixel past so) */
    d = d > w ? w : d;
    if (si <= 1) {
        shade_span(q, row, x, a, d, dy);
        return;
    }
    int b = cut(-si, x, a, d), c = cut(si, x, b, d); /* the hole between them: its middles in (-si, si) */
    shade_span(q, row, x, a, b, dy);
    shade_span(q, row, x, c, d, dy);
}

void diskpix_shade_parts(const diskpix_t *p, uint32_t *out, int pitch, layout_rect_t frame, const diskpix_part_t *parts,
                         int n)
{
    static_assert(sizeof(prep_t) < 20000, "the lookup table lives on the stack");
    prep_t q;
    prepare(p, &q);
    prepare_ring(&q);
    for (int k = 0; k < n; k++) {
        const layout_rect_t *r = &parts[k].box;
        uint32_t *at = out + (long)(r->y - frame.y) * pitch + (r->x - frame.x);
        for (int j = 0; j < r->h; j++)
            shade_band(&q, at + (long)j * pitch, r->x, r->w, (float)(r->y + j) + 0.5f, parts[k].in, parts[k].out);
    }
}

void diskpix_shade_rects(const diskpix_t *p, uint32_t *out, int pitch, layout_rect_t frame, const layout_rect_t *rects,
                         int n)
{
    diskpix_part_t parts[DISKPIX_MAX_RECTS];
    for (int k = 0; k < n;) { /* in batches of as many parts as there is room for */
        int m = 0;
        for (; m < DISKPIX_MAX_RECTS && k < n; m++, k++)
            parts[m] = (diskpix_part_t){ rects[k], 0, DISKPIX_ALL };
        diskpix_shade_parts(p, out, pitch, frame, parts, m);
    }
}

void diskpix_shade(const diskpix_t *p, uint32_t *out, int pitch, int x, int y, int w, int h)
{
    layout_rect_t r = { x, y, w, h };
    diskpix_shade_rects(p, out, pitch, r, &r, 1);
}

static bool same_colour(colour_t a, colour_t b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void add(diskpix_part_t *out, int *n, double x0, double y0, double x1, double y1, double in, double far)
{
    if (*n >= DISKPIX_MAX_RECTS)
        return;
    int left = (int)floor(x0) - EDGE_MARGIN, top = (int)floor(y0) - EDGE_MARGIN;
    out[(*n)++] = (diskpix_part_t){ { left, top, (int)ceil(x1) + EDGE_MARGIN - left, (int)ceil(y1) + EDGE_MARGIN - top },
                                    in > EDGE_MARGIN ? in - EDGE_MARGIN : 0, far + EDGE_MARGIN };
}

/* The ring a <= distance <= b, as horizontal strips: two boxes where a strip crosses the hole,
 * one where it does not. */
static void ring(double a, double b, diskpix_part_t *out, int *n)
{
    double strip = 2 * b / RING_STRIPS;
    for (int k = 0; k < RING_STRIPS; k++) {
        double y0 = -b + k * strip, y1 = y0 + strip;
        double near = y0 <= 0 && y1 >= 0 ? 0 : fmin(fabs(y0), fabs(y1)), far = fmax(fabs(y0), fabs(y1));
        double xo = sqrt(fmax(0, b * b - near * near));
        if (far < a) {
            double xi = sqrt(a * a - far * far);
            add(out, n, -xo, y0, -xi, y1, a, b);
            add(out, n, xi, y0, xo, y1, a, b);
        } else
            add(out, n, -xo, y0, xo, y1, a, b);
    }
}

static void grow(double *x0, double *y0, double *x1, double *y1, double x, double y)
{
    *x0 = fmin(*x0, x), *y0 = fmin(*y0, y), *x1 = fmax(*x1, x), *y1 = fmax(*y1, y);
}

/* The part of the disk between angles a0 < a1 (clockwise from 12 o'clock) and distances
 * d0..d1 from the centre, as one box. */
static void sector(double a0, double a1, double d0, double d1, diskpix_part_t *out, int *n)
{
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    double ends[2] = { a0, a1 }, dists[2] = { d0, d1 };
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            grow(&x0, &y0, &x1, &y1, dists[j] * sin(ends[i]), -dists[j] * cos(ends[i]));
    for (int q = 0; q <= 4; q++) /* the rim's extremes the sector passes */
        if (q * M_PI / 2 > a0 && q * M_PI / 2 < a1)
            grow(&x0, &y0, &x1, &y1, d1 * sin(q * M_PI / 2), -d1 * cos(q * M_PI / 2));
    add(out, n, x0, y0, x1, y1, d0, d1);
}

/* The pie's change between two remaining fractions: boxes along the wedge when it is thin. */
static void wedge(double rem0, double rem1, int r, diskpix_part_t *out, int *n)
{
    double a0 = 2 * M_PI * (1 - fmax(rem0, rem1)), a1 = 2 * M_PI * (1 - fmin(rem0, rem1));
    double reach = r + 1.0;
    if (a1 - a0 > WEDGE_THIN) {
        sector(a0, a1, 0, reach, out, n);
        return;
    }
    for (int k = 0; k < WEDGE_SEGMENTS; k++)
        sector(a0, a1, reach * k / WEDGE_SEGMENTS, reach * (k + 1) / WEDGE_SEGMENTS, out, n);
}

static layout_rect_t clip(layout_rect_t r, int box_r)
{
    int x0 = r.x < -box_r ? -box_r : r.x, y0 = r.y < -box_r ? -box_r : r.y;
    int x1 = r.x + r.w > box_r ? box_r : r.x + r.w, y1 = r.y + r.h > box_r ? box_r : r.y + r.h;
    return (layout_rect_t){ x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0 };
}

int diskpix_changed_parts(const diskpix_t *was, const diskpix_t *now, int box_r, diskpix_part_t *out)
{
    diskpix_part_t all = { { -box_r, -box_r, 2 * box_r, 2 * box_r }, 0, DISKPIX_ALL };
    if (box_r <= 0)
        return 0;
    if (!same_colour(was->bg, now->bg) || !same_colour(was->glow, now->glow) || was->glow_alpha != now->glow_alpha ||
        was->r != now->r) {
        out[0] = all;
        return 1;
    }
    int n = 0;
    bool recolour = !same_colour(was->faint, now->faint) || !same_colour(was->fill, now->fill);
    if (recolour) /* the last minutes' colour: the disk, not the glow round it */
        add(out, &n, -now->r - 1, -now->r - 1, now->r + 1, now->r + 1, 0, now->r + 1);
    if (was->glow_r != now->glow_r) {
        double lo = fmin(was->glow_r, now->glow_r), hi = fmax(was->glow_r, now->glow_r);
        double a = fmax(lo * (1 - DISKPIX_GLOW_SOFT) - 1, now->r - 1.0), b = hi + 1;
        if (b > a)
            ring(fmax(a, 0), b, out, &n);
    }
    double rem0 = clamp_remaining(was->remaining), rem1 = clamp_remaining(now->remaining);
    if (rem0 != rem1 && !recolour)
        wedge(rem0, rem1, now->r, out, &n);
    long area = 0;
    int kept = 0;
    for (int i = 0; i < n; i++) {
        diskpix_part_t c = { clip(out[i].box, box_r), out[i].in, out[i].out };
        if (c.box.w > 0 && c.box.h > 0) {
            out[kept++] = c;
            area += (long)c.box.w * c.box.h;
        }
    }
    if (area >= (long)all.box.w * all.box.h) { /* cheaper as one */
        out[0] = all;
        return 1;
    }
    return kept;
}

int diskpix_changes(const diskpix_t *was, const diskpix_t *now, int box_r, layout_rect_t *out)
{
    diskpix_part_t parts[DISKPIX_MAX_RECTS];
    int n = diskpix_changed_parts(was, now, box_r, parts);
    for (int i = 0; i < n; i++)
        out[i] = parts[i].box;
    return n;
}
