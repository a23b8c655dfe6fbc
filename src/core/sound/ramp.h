/* Gain ramps: every level change in the sound is a smooth S-shaped move from one gain to
 * another over a number of frames, so nothing ever jumps (no click, no sudden loudness).
 * libc only; the audio thread steps them one frame at a time. */
#ifndef SAFEBASE_CORE_RAMP_H
#define SAFEBASE_CORE_RAMP_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    float value;     /* the gain now */
    float start;     /* where the current move began */
    float target;    /* where it is going */
    int64_t pos;     /* frames into the move */
    int64_t len;     /* frames the move lasts (0 = settled) */
} ramp_t;

/* A ramp standing still at value. */
void ramp_init(ramp_t *r, float value);

/* Starts a move from the current value to target over frames (at least 1). A ramp already
 * on its way to target keeps its pace (asking again does not restart it). */
void ramp_to(ramp_t *r, float target, int64_t frames);

/* Like ramp_to, but makes sure the ramp arrives within frames: a slower move to the same
 * target is replaced by one from the current value. Used when a sound must be silent by a
 * known moment (the end of its data). */
void ramp_within(ramp_t *r, float target, int64_t frames);

/* Frames until the ramp arrives (0 when settled). */
int64_t ramp_left(const ramp_t *r);

/* Advances one frame and returns the gain for it. */
float ramp_next(ramp_t *r);

/* True when the ramp has arrived at its target and is standing still. */
bool ramp_settled(const ramp_t *r);

/* Decibels to a linear gain: -12 dB -> 0.251. */
float ramp_db(float db);

#endif
