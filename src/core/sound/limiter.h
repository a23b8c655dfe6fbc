/* The safety limiter on the master output: whatever the music and cues add up to, no sample
 * leaves above the ceiling (the master volume cap), and the gain moves smoothly (a short
 * look-ahead lowers it before a peak arrives; it comes back slowly), so it never clicks.
 * libc only; no allocation: the state is a fixed-size struct the caller owns. */
#ifndef SAFEBASE_CORE_LIMITER_H
#define SAFEBASE_CORE_LIMITER_H

#define LIMITER_LOOKAHEAD 64   /* frames the output is delayed (1.3 ms at 48 kHz) */

typedef struct {
    float ceiling;             /* highest absolute sample value let out */
    double release;            /* per-frame coefficient of the slow return to unity */
    float delay[LIMITER_LOOKAHEAD][2];   /* the look-ahead: input frames not yet let out */
    float need[LIMITER_LOOKAHEAD];       /* the gain each of those frames needs */
    double smooth[LIMITER_LOOKAHEAD];    /* the held-and-released gain, averaged below */
    double sum;                /* sum of smooth[] */
    double held;               /* the released gain now */
    int pos;
    int hot;                   /* frames in the look-ahead that need less than unity */
    int uneven;                /* entries of smooth[] other than exactly 1 */
    float gain;                /* the gain applied to the last frame out (for tests, meters) */
} limiter_t;

/* A limiter letting nothing out above ceiling (> 0), returning to unity over about
 * release_frames after a peak. Starts silent (the look-ahead holds zeros). */
void limiter_init(limiter_t *l, float ceiling, int release_frames);

/* Changes the ceiling (the master volume cap) without disturbing the look-ahead. */
void limiter_set_ceiling(limiter_t *l, float ceiling);

/* Limits n interleaved stereo frames in place; the output lags the input by
 * LIMITER_LOOKAHEAD - 1 frames. */
void limiter_process(limiter_t *l, float *frames, int n);

#endif
