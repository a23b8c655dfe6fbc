/* A look-ahead peak limiter. Each frame's needed gain (ceiling / peak, at most 1) is held for
 * the look-ahead window, released slowly, and averaged over the window; with the output
 * delayed by one window less a frame, every frame meets its own need exactly when it leaves,
 * and the gain only ever moves by small steps. */
#include "core/limiter.h"

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

void limiter_process(limiter_t *l, float *frames, int n)
{
    for (int f = 0; f < n; f++) {
        float *x = &frames[f * 2];
        float peak = fmaxf(fabsf(x[0]), fabsf(x[1]));
        float need = peak > l->ceiling ? l->ceiling / peak : 1.0f;
        int p = l->pos, out = p + 1 == LIMITER_LOOKAHEAD ? 0 : p + 1;
        if (need == 1.0f && l->hot == 0 && l->uneven == 0 && l->held == 1.0) {
            /* calm (nearly always): the gain is exactly unity, only the delay runs */
            l->delay[p][0] = x[0];
            l->delay[p][1] = x[1];
            x[0] = clamp(l->delay[out][0], l->ceiling);
            x[1] = clamp(l->delay[out][1], l->ceiling);
            l->sum = LIMITER_LOOKAHEAD;
            l->gain = 1.0f;
            l->pos = out;
            continue;
        }
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
