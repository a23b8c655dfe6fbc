/* Eased and stepped fades from a start time and a length. Decides values and the next moment
 * a value changes; never reads a clock. */
#include "core/screen/fade.h"

#include <math.h>

void fade_init(fade_t *f, double value)
{
    *f = (fade_t){ .from = value, .to = value, .start_ms = 0, .length_ms = 0, .steps = 0 };
}

/* How many frames the fade shows: its steps (reduced motion), or for a smooth fade even steps
 * of the value, as many as fit with the closest two (in the middle, where smoothstep's slope
 * is 1.5) FADE_FRAME_MS apart, and at most FADE_MAX_FRAMES. */
static int64_t frames(const fade_t *f)
{
    if (f->steps > 0)
        return f->steps;
    int64_t n = f->length_ms * 2 / (3 * FADE_FRAME_MS);
    if (n > FADE_MAX_FRAMES)
        return FADE_MAX_FRAMES;
    return n < 1 ? 1 : n;
}

static double smoothstep(double t)
{
    return t * t * (3.0 - 2.0 * t);
}

/* The ms (from the start) when a smooth fade's step k of n shows: where smoothstep reaches k/n
 * (its inverse: 1/2 - sin(asin(1 - 2y) / 3)), rounded up to a whole ms. */
static int64_t step_at(const fade_t *f, int64_t k, int64_t n)
{
    if (k >= n)
        return f->length_ms;
    double y = (double)k / (double)n, t = 0.5 - sin(asin(1.0 - 2.0 * y) / 3.0);
    int64_t ms = (int64_t)ceil(t * (double)f->length_ms - 1e-9);
    return ms < 1 ? 1 : ms > f->length_ms ? f->length_ms : ms;
}

/* The frame showing at now_ms (0 .. n) and n. */
static int64_t frame_at(const fade_t *f, int64_t now_ms, int64_t *n_out)
{
    int64_t n = frames(f), dt = now_ms - f->start_ms;
    *n_out = n;
    if (f->length_ms <= 0 || dt >= f->length_ms)
        return n;
    if (dt <= 0)
        return 0;
    if (f->steps > 0) /* reduced motion: even steps of time */
        return dt * n / f->length_ms;
    int64_t k = (int64_t)(smoothstep((double)dt / (double)f->length_ms) * (double)n);
    while (k < n && step_at(f, k + 1, n) <= dt)
        k++;
    while (k > 0 && step_at(f, k, n) > dt)
        k--;
    return k;
}

double fade_value(const fade_t *f, int64_t now_ms)
{
    int64_t n, k = frame_at(f, now_ms, &n);
    double t = (double)k / (double)n;
    double eased = f->steps > 0 ? smoothstep(t) : t; /* a smooth fade's steps are already eased */
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
    int64_t n, k = frame_at(f, now_ms, &n);
    int64_t next = f->steps > 0 ? f->start_ms + ((k + 1) * f->length_ms + n - 1) / n /* the first ms of step k + 1 */
                                : f->start_ms + step_at(f, k + 1, n);
    return next < end ? next : end;
}
