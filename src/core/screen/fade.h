/* Fades: a value moving gently from where it is to a target over a set time, eased, or in
 * small steps (reduced motion). Every change of background or brightness goes through one, so
 * nothing on screen ever flashes. libc only: time is an argument. */
#ifndef SAFEBASE_CORE_FADE_H
#define SAFEBASE_CORE_FADE_H

#include <stdbool.h>
#include <stdint.h>

#define FADE_MIN_MS 1000          /* no change of brightness is faster than this */
#define FADE_FRAME_MS 50          /* a smooth fade's frames come at most 20 a second (in its middle)... */
#define FADE_MAX_FRAMES 16        /* ...and are at most this many, each moving the value by the same
                                   * share: between the calm theme's phase colours 1 to 2.7 CIE76
                                   * units a step, about the smallest difference people see */

typedef struct {
    double from, to;
    int64_t start_ms, length_ms;
    int steps;                    /* 0 = smooth; N = N even steps (reduced motion) */
} fade_t;

/* A fade resting at value. */
void fade_init(fade_t *f, double value);

/* Starts moving from the value at now_ms towards target over length_ms (at least FADE_MIN_MS),
 * smoothly (steps 0) or in steps. Setting the target it already moves to changes nothing. */
void fade_to(fade_t *f, double target, int64_t now_ms, int64_t length_ms, int steps);

/* The value at now_ms: eased with smoothstep, and held between the fade's frames (so a redraw
 * for something else between them shows the same value). A smooth fade's frames are even
 * steps of the value, not of time: they come close together in its middle, where the value
 * moves fastest, and further apart at its gentle ends, so each frame changes the screen by
 * the same small amount. */
double fade_value(const fade_t *f, int64_t now_ms);

/* The next moment (absolute ms) after now_ms when the value will look different, or -1 when
 * it rests. */
int64_t fade_next_change(const fade_t *f, int64_t now_ms);

#endif
