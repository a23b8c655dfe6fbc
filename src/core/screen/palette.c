/* Theme colours and WCAG 2.x contrast arithmetic. The calm theme keeps text at 4.5:1 or more,
 * the high-contrast theme at 7:1 or more (tests/core/screen/test_palette.c holds them to it). libc only. */
#include "core/screen/palette.h"

#include <math.h>

void palette_for(theme_t theme, palette_t *p)
{
    static const palette_t calm = {
        .phase_bg = {
            [PHASE_CONNECT] = { 112, 62, 66 },  /* warm rose: closeness */
            [PHASE_SEPARATE] = { 40, 72, 104 }, /* calm blue: space */
            [PHASE_PLAY] = { 44, 90, 70 },      /* green: play */
            [PHASE_SETTLE] = { 72, 64, 104 },   /* lavender: arriving, breathing */
            [PHASE_CLOSE] = { 46, 54, 74 },     /* dusk: winding down */
        },
        .menu_bg = { 38, 48, 58 },
        .blank = { 10, 12, 16 },
        .ink = { 246, 241, 232 },
        .ink_soft = { 214, 208, 198 },
        .disk = { 250, 234, 206 },
        .disk_ending = { 244, 200, 150 },
        .panel = { 12, 16, 22 },
        .panel_alpha = 200,
        .faint_alpha = 44,
        .pause_dim = 0.55,
    };
    static const palette_t contrast = {
        .phase_bg = {
            [PHASE_CONNECT] = { 46, 10, 18 },
            [PHASE_SEPARATE] = { 4, 20, 46 },
            [PHASE_PLAY] = { 4, 32, 16 },
            [PHASE_SETTLE] = { 26, 14, 46 },
            [PHASE_CLOSE] = { 14, 16, 24 },
        },
        .menu_bg = { 0, 0, 0 },
        .blank = { 0, 0, 0 },
        .ink = { 255, 255, 255 },
        .ink_soft = { 255, 236, 150 },
        .disk = { 255, 255, 255 },
        .disk_ending = { 255, 214, 110 },
        .panel = { 0, 0, 0 },
        .panel_alpha = 235,
        .faint_alpha = 70,
        .pause_dim = 0.45,
    };
    *p = theme == THEME_CONTRAST ? contrast : calm;
}

static double channel(uint8_t v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double colour_luminance(colour_t c)
{
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double colour_contrast(colour_t a, colour_t b)
{
    double la = colour_luminance(a), lb = colour_luminance(b);
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}

static uint8_t mix_channel(uint8_t a, uint8_t b, double t)
{
    double v = a + (b - a) * t;
    return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : lround(v));
}

colour_t colour_mix(colour_t a, colour_t b, double t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return (colour_t){ mix_channel(a.r, b.r, t), mix_channel(a.g, b.g, t), mix_channel(a.b, b.b, t) };
}

colour_t colour_over(colour_t bg, colour_t c, uint8_t alpha)
{
    return colour_mix(bg, c, alpha / 255.0);
}
