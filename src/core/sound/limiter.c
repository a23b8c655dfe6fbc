/* A look-ahead peak limiter. Each frame's needed gain (ceiling / peak, at most 1) is held for
 * the look-ahead window, released slowly, and averaged over the window; with the output
 * delayed by one window less a frame, every frame meets its own need exactly when it leaves,
 * and the gain only ever moves by small steps. */
#include "core/sound/limiter.h"

#include <math.h>

void limiter_init(limiter_t *l, float ceiling, int release_frames)
{
    for (int i = 0; i < LIMITER_LOOKAHEAD; i++) {
        l->delay[i][0] = l->delay[i][1] = 0.0f;
        l->need[i] = 1.0f;
        l->smooth[i] = 1.0;
    }
    l->sum = LIMITER_LOOKAHEAD;
    l->held = 1.0;
    l->pos = 0;
    l->hot = 0;
    l->uneven = 0;
    l->gain = 1.0f;
    l->release = release_frames > 0 ? 1.0 - exp(-1.0 / release_frames) : 1.0;
    limiter_set_ceiling(l, ceiling);
}

void limiter_set_ceiling(limiter_t *l, float ceiling)
{
    l->ceiling = ceiling > 1e-6f ? ceiling : 1e-6f;
}

static float window_min(const limiter_t *l)
{
    if (l->hot == 0)
        return 1.0f;
    float m = 1.0f;
    for (int i = 0; i < LIMITER_LOOKAHEAD; i++)
        if (l->need[i] < m)
            m = l->need[i];
    return m;
}

static float clamp(float v, float c)
{
    return v > c ? c : v < -c ? -c : v;
}

/* How many frames from x on are calm: both samples within the ceiling (each needs unity). */
static int calm_run(const float *x, int n, float ceiling)
{
    int k = 0;
    while (k < n && fabsf(x[2 * k]) <= ceiling && fabsf(x[2 * k + 1]) <= ceiling)
        k++;
    return k;
}

/* Calm frames while all in the look-ahead is calm too: the gain is exactly unity, only the
 * delay runs (what leaves is calm already: no clamping). */
static void delay_only(limiter_t *l, float *x, int k)
{
    int p = l->pos;
    for (int f = 0; f < k; f++) {
        int out = p + 1 == LIMITER_LOOKAHEAD ? 0 : p + 1;
        float a = l->delay[out][0], b = l->delay[out][1];
        l->delay[p][0] = x[2 * f];
        l->delay[p][1] = x[2 * f + 1];
        x[2 * f] = a;
        x[2 * f + 1] = b;
        p = out;
    }
    l->pos = p;
    l->sum = LIMITER_LOOKAHEAD;
    l->gain = 1.0f;
}

void limiter_process(limiter_t *l, float *frames, int n)
{
    for (int f = 0; f < n; f++) {
        if (l->hot == 0 && l->uneven == 0 && l->held == 1.0) { /* calm (nearly always) */
            int k = calm_run(&frames[f * 2], n - f, l->ceiling);
            delay_only(l, &frames[f * 2], k);
            f += k;
            if (f >= n)
                break;
        }
        float *x = &frames[f * 2];
        float a0 = fabsf(x[0]), a1 = fabsf(x[1]), peak = a0 > a1 ? a0 : a1;
        float need = peak > l->ceiling ? l->ceiling / peak : 1.0f;
        int p = l->pos, out = p + 1 == LIMITER_LOOKAHEAD ? 0 : p + 1;
        l->hot += (need < 1.0f) - (l->need[p] < 1.0f);
        l->need[p] = need;
        l->delay[p][0] = x[0];
        l->delay[p][1] = x[1];
        float hold = window_min(l);
        l->held = hold < l->held ? hold : l->held + (hold - l->held) * l->release;
        if (hold - l->held < 1e-6)
            l->held = hold; /* home: exactly unity again, and the fast path */
        l->sum += l->held - l->smooth[p];
        l->uneven += (l->held != 1.0) - (l->smooth[p] != 1.0);
        l->smooth[p] = l->held;
        float g = (float)(l->sum / LIMITER_LOOKAHEAD);
        g = g > 1.0f ? 1.0f : g;
        x[0] = clamp(l->delay[out][0] * g, l->ceiling);
        x[1] = clamp(l->delay[out][1] * g, l->ceiling);
        l->gain = g;
        l->pos = out;
    }
}
