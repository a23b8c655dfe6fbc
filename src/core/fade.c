/* Eased and stepped fades from a start time and a length. Decides values and the next moment
 * a value changes; never reads a clock. */
#include "core/fade.h"

void fade_init(fade_t *f, double value)
{
    *f = (fade_t){ .from = value, .to = value, .start_ms = 0, .length_ms = 0, .steps = 0 };
}

/* How many frames the fade shows: its steps, or for a smooth fade one every FADE_FRAME_MS and
 * never more than FADE_MAX_FRAMES (a long fade takes longer, smaller steps, not more of them). */
static int64_t frames(const fade_t *f)
{
    if (f->steps > 0)
        return f->steps;
    int64_t period = f->length_ms / FADE_MAX_FRAMES;
    if (period < FADE_FRAME_MS)
        period = FADE_FRAME_MS;
    int64_t n = (f->length_ms + period - 1) / period;
    return n < 1 ? 1 : n;
}

/* The share of the fade done at now_ms, held at the last frame's value between frames. */
static double progress(const fade_t *f, int64_t now_ms)
{
    if (f->length_ms <= 0 || now_ms >= f->start_ms + f->length_ms)
        return 1.0;
    if (now_ms <= f->start_ms)
        return 0.0;
    int64_t n = frames(f), k = (now_ms - f->start_ms) * n / f->length_ms;
    return (double)k / (double)n;
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
    int64_t n = frames(f), k = (now_ms - f->start_ms) * n / f->length_ms;
    int64_t next = f->start_ms + ((k + 1) * f->length_ms + n - 1) / n; /* the first ms of frame k + 1 */
    return next < end ? next : end;
}
