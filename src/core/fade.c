/* Eased and stepped fades from a start time and a length. Decides values and the next moment
 * a value changes; never reads a clock. */
#include "core/fade.h"

void fade_init(fade_t *f, double value)
{
    *f = (fade_t){ .from = value, .to = value, .start_ms = 0, .length_ms = 0, .steps = 0 };
}

static double progress(const fade_t *f, int64_t now_ms)
{
    if (f->length_ms <= 0 || now_ms >= f->start_ms + f->length_ms)
        return 1.0;
    if (now_ms <= f->start_ms)
        return 0.0;
    double t = (double)(now_ms - f->start_ms) / (double)f->length_ms;
    if (f->steps > 0) {
        int k = (int)(t * f->steps);
        t = (double)k / f->steps;
    }
    return t;
}

double fade_value(const fade_t *f, int64_t now_ms)
{
    double t = progress(f, now_ms);
    double eased = t * t * (3.0 - 2.0 * t);
    return f->from + (f->to - f->from) * eased;
}

void fade_to(fade_t *f, double target, int64_t now_ms, int64_t length_ms, int steps)
{
    if (target == f->to)
        return;
    f->from = fade_value(f, now_ms);
    f->to = target;
    f->start_ms = now_ms;
    f->length_ms = length_ms < FADE_MIN_MS ? FADE_MIN_MS : length_ms;
    f->steps = steps < 0 ? 0 : steps;
}

int64_t fade_next_change(const fade_t *f, int64_t now_ms)
{
    int64_t end = f->start_ms + f->length_ms;
    if (f->from == f->to || f->length_ms <= 0 || now_ms >= end)
        return -1;
    if (now_ms < f->start_ms)
        return f->start_ms;
    if (f->steps <= 0) {
        int64_t next = now_ms + FADE_FRAME_MS;
        return next < end ? next : end;
    }
    int64_t step_ms = f->length_ms / f->steps;
    if (step_ms <= 0)
        return end;
    int64_t k = (now_ms - f->start_ms) / step_ms + 1;
    int64_t next = f->start_ms + k * step_ms;
    return next < end ? next : end;
}
