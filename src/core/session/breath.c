/* Breathing-guide timing: a half-cosine in, a half-cosine out. Decides sizes and frame
 * periods; draws nothing, reads no clock. */
#include "core/session/breath.h"

#include <math.h>

#define IN_SHARE 0.4

static double period_ms(double per_min)
{
    return 60000.0 / per_min;
}

static double phase_ms(double per_min, int64_t t_ms)
{
    double p = period_ms(per_min);
    double t = fmod((double)(t_ms < 0 ? 0 : t_ms), p);
    return t < 0 ? t + p : t;
}

double breath_level(double per_min, int64_t t_ms)
{
    if (per_min <= 0)
        return 0.0;
    double p = period_ms(per_min), t = phase_ms(per_min, t_ms), in = p * IN_SHARE;
    if (t < in)
        return 0.5 - 0.5 * cos(M_PI * t / in);
    return 0.5 + 0.5 * cos(M_PI * (t - in) / (p - in));
}

bool breath_inhaling(double per_min, int64_t t_ms)
{
    return per_min > 0 && phase_ms(per_min, t_ms) < period_ms(per_min) * IN_SHARE;
}

int64_t breath_frame_ms(double per_min, int amplitude_px)
{
    if (per_min <= 0 || amplitude_px <= 0)
        return BREATH_MAX_FRAME_MS;
    /* fastest speed: mid in-breath, amplitude * pi / (2 * in) pixels per ms */
    double in = period_ms(per_min) * IN_SHARE;
    double speed = amplitude_px * M_PI / (2.0 * in);
    double ms = 1.0 / speed;
    if (ms < BREATH_MIN_FRAME_MS)
        return BREATH_MIN_FRAME_MS;
    return ms > BREATH_MAX_FRAME_MS ? BREATH_MAX_FRAME_MS : (int64_t)ms;
}

int64_t breath_next_change(double per_min, int64_t t_ms, int amplitude_px)
{
    if (per_min <= 0 || amplitude_px <= 0)
        return BREATH_MAX_FRAME_MS;
    double now = breath_level(per_min, t_ms) * amplitude_px;
    for (int64_t dt = BREATH_MIN_FRAME_MS; dt < BREATH_MAX_FRAME_MS; dt += 8)
        if (fabs(breath_level(per_min, t_ms + dt) * amplitude_px - now) >= BREATH_STEP_PX)
            return dt;
    return BREATH_MAX_FRAME_MS;
}

static double glow_room(int disk_r, int halo_r)
{
    return halo_r - 1 - disk_r > 0 ? halo_r - 1 - disk_r : 0;
}

int breath_glow_radius(int disk_r, int halo_r, double level)
{
    level = level < 0 ? 0 : level > 1 ? 1 : level;
    return disk_r + (int)lround(glow_room(disk_r, halo_r) * (BREATH_GLOW_LEAST + (1 - BREATH_GLOW_LEAST) * level));
}

int breath_glow_travel(int disk_r, int halo_r)
{
    return (int)lround(glow_room(disk_r, halo_r) * (1 - BREATH_GLOW_LEAST));
}
