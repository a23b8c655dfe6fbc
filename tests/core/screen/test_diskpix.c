/* The disk's pixels: the pie's edge where the time says, anti-aliased rims, the glow, and the
 * changed-area rectangles that a partial repaint trusts: every pixel that differs between two
 * states must lie inside them, or the screen would keep a stale piece of the disk; and shading
 * only their bands over the old pixels must give exactly the new ones. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "core/screen/diskpix.h"

#define BOX 360
#define SIDE (2 * BOX)

static uint32_t a_px[SIDE * SIDE], b_px[SIDE * SIDE];

static diskpix_t base(void)
{
    return (diskpix_t){ .bg = { 112, 62, 66 }, .glow = { 246, 241, 232 }, .glow_alpha = 90, .glow_r = 0,
                        .faint = { 150, 110, 100 }, .fill = { 250, 234, 206 }, .r = 300, .remaining = 1 };
}

static void shade_all(const diskpix_t *p, uint32_t *px)
{
    diskpix_shade(p, px, SIDE, -BOX, -BOX, SIDE, SIDE);
}

static uint32_t at(const uint32_t *px, int x, int y)
{
    return px[(y + BOX) * SIDE + (x + BOX)];
}

static int green(uint32_t px)
{
    return (int)(px >> 8 & 0xFF);
}

/* Walks clockwise from 12 o'clock at half the radius; returns the angle (degrees) where the
 * pixels turn from the faint colour to the fill colour (green channel past half way). */
static double edge_angle(const uint32_t *px, const diskpix_t *p)
{
    int mid = (p->faint.g + p->fill.g) / 2;
    for (double deg = 0.25; deg < 360; deg += 0.25) {
        double a = deg * M_PI / 180;
        int x = (int)floor(p->r * 0.5 * sin(a)), y = (int)floor(-p->r * 0.5 * cos(a));
        if (green(at(px, x, y)) > mid)
            return deg;
    }
    return 360;
}

static void test_edge_where_the_time_says(void)
{
    double fractions[] = { 0.95, 0.8, 0.6, 0.5, 0.4, 0.25, 0.1, 0.02 };
    for (size_t i = 0; i < sizeof fractions / sizeof fractions[0]; i++) {
        diskpix_t p = base();
        p.remaining = fractions[i];
        shade_all(&p, a_px);
        double want = 360 * (1 - fractions[i]), got = edge_angle(a_px, &p);
        if (fabs(got - want) > 1.0)
            fprintf(stderr, "remaining %.2f: edge at %.2f deg, want %.2f\n", fractions[i], got, want);
        CHECK(fabs(got - want) <= 1.0);
        /* the part already gone, just before the edge, is faint; just after, full */
        double before = (want - 3) * M_PI / 180, after = (want + 3) * M_PI / 180;
        if (want > 3) {
            CHECK_EQ_INT(at(a_px, (int)floor(150 * sin(before)), (int)floor(-150 * cos(before))) & 0xFFFFFF,
                         (uint32_t)(p.faint.r << 16 | p.faint.g << 8 | p.faint.b));
        }
        if (want < 357) {
            CHECK_EQ_INT(at(a_px, (int)floor(150 * sin(after)), (int)floor(-150 * cos(after))) & 0xFFFFFF,
                         (uint32_t)(p.fill.r << 16 | p.fill.g << 8 | p.fill.b));
        }
    }
    diskpix_t p = base();
    p.remaining = 1;
    shade_all(&p, a_px);
    CHECK(green(at(a_px, 5, -150)) == p.fill.g && green(at(a_px, -6, -150)) == p.fill.g);
    p.remaining = 0;
    shade_all(&p, a_px);
    CHECK(green(at(a_px, 5, -150)) == p.faint.g && green(at(a_px, -6, 150)) == p.faint.g);
}

static void test_rim_glow_and_background(void)
{
    diskpix_t p = base();
    shade_all(&p, a_px);
    int x_rim = 0; /* a pixel on row 100 whose middle lies within 0.3 px of the rim */
    for (int x = 250; x < 300 && !x_rim; x++)
        if (fabs(hypot(x + 0.5, 100.5) - 300) < 0.3)
            x_rim = x;
    CHECK(x_rim > 0);
    int rim = green(at(a_px, x_rim, 100)), inside = green(at(a_px, 290, 0)), outside = green(at(a_px, 301, 0));
    CHECK(inside == p.fill.g);
    CHECK(outside == p.bg.g);
    CHECK(rim > p.bg.g && rim < p.fill.g); /* the rim pixel is in between: anti-aliased */
    CHECK_EQ_INT(at(a_px, -BOX, -BOX), 0xFF000000u | (uint32_t)(p.bg.r << 16 | p.bg.g << 8 | p.bg.b));
    p.glow_r = 340;
    shade_all(&p, a_px);
    int g_near = green(at(a_px, 0, 305)), g_mid = green(at(a_px, 0, 320)), g_out = green(at(a_px, 0, 341));
    CHECK(g_near > p.bg.g + 30);      /* the glow shows round the disk... */
    CHECK(g_mid < g_near && g_mid > p.bg.g); /* ...fading out towards its edge... */
    CHECK(g_out == p.bg.g);           /* ...and nothing beyond it */
    CHECK(green(at(a_px, 0, 200)) == p.fill.g); /* never over the disk */
}

static unsigned long long rng = 42;

static double rand01(void)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(rng >> 11) / 9007199254740992.0;
}

static bool covered(const layout_rect_t *r, int n, int x, int y)
{
    for (int i = 0; i < n; i++)
        if (x >= r[i].x && x < r[i].x + r[i].w && y >= r[i].y && y < r[i].y + r[i].h)
            return true;
    return false;
}

/* Every pixel that differs lies inside the rectangles; returns their area share of the box. */
static double check_changes(const diskpix_t *was, const diskpix_t *now)
{
    layout_rect_t r[DISKPIX_MAX_RECTS];
    int n = diskpix_changes(was, now, BOX, r);
    shade_all(was, a_px);
    shade_all(now, b_px);
    int missed = 0, differ = 0;
    for (int y = -BOX; y < BOX; y++)
        for (int x = -BOX; x < BOX; x++)
            if (at(a_px, x, y) != at(b_px, x, y)) {
                differ++;
                if (!covered(r, n, x, y))
                    missed++;
            }
    if (missed)
        fprintf(stderr, "remaining %.4f -> %.4f, glow %.1f -> %.1f: %d of %d changed pixels outside %d rects\n",
                was->remaining, now->remaining, was->glow_r, now->glow_r, missed, differ, n);
    CHECK_EQ_INT(missed, 0);
    CHECK(n <= DISKPIX_MAX_RECTS);
    /* the parts (the same rectangles with their bands) shaded over the old pixels: the new ones */
    diskpix_part_t parts[DISKPIX_MAX_RECTS];
    CHECK_EQ_INT(diskpix_changed_parts(was, now, BOX, parts), n);
    for (int i = 0; i < n; i++)
        CHECK(parts[i].box.x == r[i].x && parts[i].box.y == r[i].y && parts[i].box.w == r[i].w && parts[i].box.h == r[i].h);
    diskpix_shade_parts(now, a_px, SIDE, (layout_rect_t){ -BOX, -BOX, SIDE, SIDE }, parts, n);
    int stale = 0;
    for (int i = 0; i < SIDE * SIDE; i++)
        stale += a_px[i] != b_px[i];
    if (stale)
        fprintf(stderr, "remaining %.4f -> %.4f, glow %.1f -> %.1f: %d pixels not repainted by the bands\n",
                was->remaining, now->remaining, was->glow_r, now->glow_r, stale);
    CHECK_EQ_INT(stale, 0);
    CHECK(differ > 0 || n == 0);
    long area = 0;
    for (int i = 0; i < n; i++) {
        CHECK(r[i].x >= -BOX && r[i].y >= -BOX && r[i].x + r[i].w <= BOX && r[i].y + r[i].h <= BOX);
        area += (long)r[i].w * r[i].h;
    }
    return (double)area / (SIDE * SIDE);
}

static void test_changes_hold_every_changed_pixel(void)
{
    double worst_step = 0, worst_breath = 0;
    for (int i = 0; i < 60; i++) {
        diskpix_t was = base(), now = base();
        was.r = now.r = 200 + (int)(rand01() * 100);
        was.glow_r = now.glow_r = i % 3 ? 0 : was.r + 10 + rand01() * 40;
        was.remaining = rand01();
        /* a 2-pixel step at the rim, as the pacing makes it */
        now.remaining = was.remaining - 2.0 / (2 * M_PI * was.r);
        worst_step = fmax(worst_step, check_changes(&was, &now));
        if (was.glow_r > 0) { /* the glow moving by a pixel, the pie still */
            now = was;
            now.glow_r = was.glow_r + (i % 2 ? 1 : -1);
            worst_breath = fmax(worst_breath, check_changes(&was, &now));
            now.remaining = was.remaining - 0.01; /* both at once */
            check_changes(&was, &now);
        }
        now = was; /* a jump (Next, Back, a new phase) */
        now.remaining = rand01();
        check_changes(&was, &now);
    }
    printf("largest changed share: %.1f%% for a disk step, %.1f%% for a glow step\n", worst_step * 100,
           worst_breath * 100);
    CHECK(worst_step < 0.05);   /* a step repaints a sliver, not the disk */
    CHECK(worst_breath < 0.45); /* the glow repaints its ring, not the middle */
    diskpix_t was = base(), now = base();
    layout_rect_t r[DISKPIX_MAX_RECTS];
    CHECK_EQ_INT(diskpix_changes(&was, &now, BOX, r), 0);
    now.bg.r++; /* a background fade: everything */
    CHECK_EQ_INT(diskpix_changes(&was, &now, BOX, r), 1);
    CHECK(r[0].w == SIDE && r[0].h == SIDE);
    check_changes(&was, &now);
    was.glow_r = 330; /* the last minutes' colour coming in: the disk, not the glow round it */
    now = was;
    now.fill.g -= 3, now.faint.g -= 1, now.remaining = 0.7;
    CHECK(check_changes(&was, &now) < 0.75);
    now = was;
    now.remaining = 1.5; /* out of range is the same as full */
    CHECK_EQ_INT(diskpix_changes(&was, &now, BOX, r), 0);
}

/* Whole rows (shaded in runs) give exactly what each pixel gives on its own. */
static void test_runs_match_single_pixels(void)
{
    enum { R = 60, B = 80, S = 2 * B };
    static uint32_t whole[S * S];
    double fractions[] = { 1.0, 0.97, 0.75, 0.6, 0.5, 0.37, 0.25, 0.12, 0.01, 0.0 };
    int mismatched = 0;
    for (size_t k = 0; k < sizeof fractions / sizeof fractions[0]; k++) {
        diskpix_t p = base();
        p.r = R, p.glow_r = 75, p.remaining = fractions[k];
        diskpix_shade(&p, whole, S, -B, -B, S, S);
        for (int y = -B; y < B; y++)
            for (int x = -B; x < B; x++) {
                uint32_t one;
                diskpix_shade(&p, &one, 1, x, y, 1, 1);
                mismatched += one != whole[(y + B) * S + (x + B)];
            }
    }
    CHECK_EQ_INT(mismatched, 0);
}

int main(void)
{
    test_runs_match_single_pixels();
    test_edge_where_the_time_says();
    test_rim_glow_and_background();
    test_changes_hold_every_changed_pixel();
    return check_summary();
}
