/* The themes' colours: WCAG contrast arithmetic against known values, text at 7:1 or more on
 * every background of the high-contrast theme (4.5:1 in the calm one), the disk visible
 * (3:1) on every phase colour, and each kind of phase its own colour. */
#include "check.h"
#include "core/screen/palette.h"

#include <math.h>

static void text_pairs(theme_t theme, double min_ratio)
{
    palette_t p;
    palette_for(theme, &p);
    colour_t bgs[PHASE_KIND_COUNT + 4];
    int n = 0;
    for (int k = 0; k < PHASE_KIND_COUNT; k++) {
        bgs[n++] = p.phase_bg[k];
        for (int j = 0; j < k; j++) /* one colour per kind */
            CHECK(colour_contrast(p.phase_bg[k], p.phase_bg[j]) > 1.0);
        /* the disk and the progress bar stand out from every phase background */
        CHECK(colour_contrast(p.disk, p.phase_bg[k]) >= 3.0);
        CHECK(colour_contrast(p.disk_ending, p.phase_bg[k]) >= 3.0);
        /* paused: the screen is dimmed; the words on it still read */
        bgs[n] = colour_mix(p.phase_bg[k], (colour_t){ 0, 0, 0 }, p.pause_dim);
        CHECK(colour_contrast(p.ink, bgs[n]) >= min_ratio);
    }
    bgs[n++] = p.menu_bg;
    bgs[n++] = p.blank;
    /* banners and help sit on a panel over any background */
    for (int k = 0; k < PHASE_KIND_COUNT; k++) {
        colour_t under = colour_over(p.phase_bg[k], p.panel, p.panel_alpha);
        CHECK(colour_contrast(p.ink, under) >= min_ratio);
        CHECK(colour_contrast(p.ink_soft, under) >= min_ratio);
    }
    for (int i = 0; i < n; i++) {
        double a = colour_contrast(p.ink, bgs[i]), b = colour_contrast(p.ink_soft, bgs[i]);
        CHECK(a >= min_ratio);
        CHECK(b >= min_ratio);
        if (a < min_ratio || b < min_ratio)
            fprintf(stderr, "  theme %d background %d: %.2f and %.2f\n", theme, i, a, b);
    }
}

int main(void)
{
    colour_t black = { 0, 0, 0 }, white = { 255, 255, 255 }, grey = { 118, 118, 118 };
    CHECK(fabs(colour_contrast(black, white) - 21.0) < 1e-9);
    CHECK(fabs(colour_contrast(white, white) - 1.0) < 1e-9);
    CHECK(fabs(colour_contrast(grey, white) - 4.54) < 0.01); /* WCAG's well-known #767676 */
    CHECK(fabs(colour_luminance((colour_t){ 255, 0, 0 }) - 0.2126) < 1e-9);

    text_pairs(THEME_CONTRAST, 7.0);
    text_pairs(THEME_CALM, 4.5);

    colour_t m = colour_mix(black, white, 0.5);
    CHECK_EQ_INT(m.r, 128);
    CHECK_EQ_INT(colour_mix(black, white, 2.0).g, 255);
    CHECK_EQ_INT(colour_over(black, white, 255).b, 255);
    return check_summary();
}
