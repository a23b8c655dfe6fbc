/* A track's true peak (EBU R128 / ITU-R BS.1770), exactly as libebur128 1.2.6 computes it:
 * its 49-tap polyphase interpolator (4x below 96 kHz, 2x below 192 kHz, none above), but run
 * only where the sample peak says an interpolated value could raise the maximum found so far.
 * libc only; no allocation: the state is a fixed-size struct the caller owns. */
#ifndef SAFEBASE_CORE_TRUEPEAK_H
#define SAFEBASE_CORE_TRUEPEAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRUEPEAK_MAX_CHANNELS 8
#define TRUEPEAK_TAPS 49            /* libebur128's interpolator */
#define TRUEPEAK_PHASE_TAPS 25      /* taps of one phase at most: ceil(49 / 2) */
#define TRUEPEAK_BLOCK 1024         /* frames taken per channel at a time */

typedef struct {
    int count;                              /* non-zero taps of this phase */
    int index[TRUEPEAK_PHASE_TAPS];         /* how many inputs back each reads */
    double coeff[TRUEPEAK_PHASE_TAPS];
} truepeak_phase_t;

typedef struct {
    int channels;
    int factor;                /* outputs per input: 4, 2, or 1 (no interpolation) */
    int span;                  /* inputs one output reads: the largest index + 1 */
    bool gated;                /* skip windows that cannot raise the maximum */
    double bound;              /* no output exceeds bound x the largest |input| it reads */
    truepeak_phase_t phase[4]; /* libebur128's subfilters, as it builds them */
    int lane_taps;             /* the gated pass's filter: the phases that are more than a copy */
    double lane[TRUEPEAK_PHASE_TAPS][4]; /* of an input, side by side, tap t of each in lane[t] */
    float hist[TRUEPEAK_MAX_CHANNELS][TRUEPEAK_PHASE_TAPS];  /* last span - 1 inputs (zeros first) */
    double peak[TRUEPEAK_MAX_CHANNELS];     /* largest |sample| or |interpolated value| so far */
    float work[TRUEPEAK_PHASE_TAPS + TRUEPEAK_BLOCK];        /* one channel's history + block */
    int64_t frames;            /* frames taken */
    int64_t filtered;          /* input positions (summed over channels) run through the filter */
} truepeak_t;

/* Starts a measurement of channels interleaved channels at rate Hz. gated: skip the filter
 * where it cannot change the result (the result is the same either way; ungated is the plain
 * reference pass). Returns false, leaving tp unusable, for 0 or more than
 * TRUEPEAK_MAX_CHANNELS channels or a rate below 16 Hz. */
bool truepeak_init(truepeak_t *tp, int channels, long rate, bool gated);

/* Takes frames interleaved frames (full scale +-1; any count, in any pieces). */
void truepeak_add(truepeak_t *tp, const float *in, size_t frames);

/* Channel c's true peak so far, linear (1.0 = full scale): what libebur128's
 * ebur128_true_peak gives for the same input (the larger of the sample and interpolated peaks). */
double truepeak_channel(const truepeak_t *tp, int c);

/* The largest of truepeak_channel over all channels. */
double truepeak_max(const truepeak_t *tp);

#endif
