/* The session screen's own clock ticks: digit changes and disk steps computed from the time
 * left, so both land on the same moments. Decides times only. */
#include "core/session/pace.h"

#include <math.h>

int64_t pace_disk_step_ms(int64_t length_ms, int radius_px, bool reduced_motion)
{
    if (reduced_motion || length_ms <= 0)
        return PACE_MAX_STEP_MS;
    double rim = 2.0 * M_PI * (radius_px > 1 ? radius_px : 1);
    int64_t step = (int64_t)((double)length_ms * PACE_RIM_PX / rim);
    if (step < PACE_MIN_STEP_MS)
        return PACE_MIN_STEP_MS;
    return step > PACE_MAX_STEP_MS ? PACE_MAX_STEP_MS : step;
}

static int64_t round_up(int64_t v, int64_t step)
{
    return v <= 0 ? 0 : ((v - 1) / step + 1) * step;
}

double pace_disk_remaining(const session_view_t *v, int64_t step_ms)
{
    if (v->phase_length_ms <= 0)
        return 0.0;
    int64_t shown = round_up(v->phase_remaining_ms, step_ms > 0 ? step_ms : 1);
    double f = (double)shown / (double)v->phase_length_ms;
    return f > 1.0 ? 1.0 : f;
}

static int64_t to_boundary(int64_t remaining, int64_t step)
{
    if (remaining <= 0)
        return 1;
    int64_t t = remaining - ((remaining - 1) / step) * step;
    return t > 0 ? t : 1;
}

int64_t pace_session_wait(const session_view_t *v, int64_t step_ms, bool time_shown)
{
    if (v->state != SESSION_RUNNING || v->paused)
        return -1;
    int64_t rem = v->phase_remaining_ms;
    int64_t wait = to_boundary(rem, step_ms > 0 ? step_ms : PACE_MAX_STEP_MS);
    if (time_shown) {
        int64_t digit = to_boundary(rem, 1000);
        wait = digit < wait ? digit : wait;
    }
    return wait;
}

int64_t pace_merge(int64_t breath_ms, int64_t tick_ms)
{
    if (breath_ms < 0)
        return tick_ms;
    if (tick_ms < 0 || breath_ms > tick_ms)
        return tick_ms < 0 ? breath_ms : tick_ms;
    return tick_ms - breath_ms <= PACE_MERGE_MS ? tick_ms : breath_ms;
}
