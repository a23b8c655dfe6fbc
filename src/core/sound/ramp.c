/* S-shaped gain ramps (raised cosine between start and target): the slope is zero at both
 * ends, so a fade neither starts nor stops with a jolt. No allocation, no clock. */
#include "core/sound/ramp.h"

#include <math.h>

void ramp_init(ramp_t *r, float value)
{
    r->value = r->start = r->target = value;
    r->pos = r->len = 0;
}

void ramp_to(ramp_t *r, float target, int64_t frames)
{
    if (target == r->target && (r->len == 0 || r->pos < r->len))
        return; /* already going there: do not restart the move */
    r->start = r->value;
    r->target = target;
    r->pos = 0;
    r->len = frames < 1 ? 1 : frames;
}

void ramp_within(ramp_t *r, float target, int64_t frames)
{
    if (frames < 1)
        frames = 1;
    if (target == r->target && r->len > 0 && r->len - r->pos <= frames)
        return; /* already arriving in time */
    if (target == r->target && r->len == 0 && r->value == target)
        return;
    r->start = r->value;
    r->target = target;
    r->pos = 0;
    r->len = frames;
}

int64_t ramp_left(const ramp_t *r)
{
    return r->len - r->pos;
}

float ramp_next(ramp_t *r)
{
    if (r->len == 0)
        return r->value;
    r->pos++;
    if (r->pos >= r->len) {
        r->value = r->target;
        r->len = r->pos = 0;
        return r->value;
    }
    double t = (double)r->pos / (double)r->len;
    double s = 0.5 - 0.5 * cos(M_PI * t);
    r->value = (float)(r->start + (r->target - r->start) * s);
    return r->value;
}

bool ramp_settled(const ramp_t *r)
{
    return r->len == 0;
}

float ramp_db(float db)
{
    return powf(10.0f, db / 20.0f);
}
