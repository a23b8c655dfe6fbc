/* True peak as libebur128 1.2.6 computes it (ebur128.c: interp_create, interp_process,
 * ebur128_true_peak), the same coefficients summed in the same order, so every interpolated
 * value is bit for bit libebur128's. The gated pass filters only the stretches whose largest
 * input, times the filter's gain bound, could beat the maximum found so far. No allocation. */
#include "core/sound/truepeak.h"

#include <math.h>
#include <string.h>

#define PI 3.14159265358979323846    /* M_PI, which libebur128 uses */
#define ALMOST_ZERO 0.000001         /* libebur128 leaves out coefficients this small */
#define GROUP 16                     /* inputs per gating group: a chunk of outputs gated at once */
#define ROUNDING 1.000001            /* headroom over the exact bound for the rounding of the
                                      * double sum (~1e-15) and of the float it becomes (~6e-8) */

/* Lays the phases that are more than a copy of an input side by side for filter_lanes: each
 * must read inputs 0, 1, 2... back in tap order, all the same number of them, at most four
 * phases. Returns false when libebur128's phases are not like that. */
static bool lay_lanes(truepeak_t *tp)
{
    int lanes = 0;
    for (int f = 0; f < tp->factor; f++) {
        const truepeak_phase_t *p = &tp->phase[f];
        if (p->count == 1 && p->coeff[0] == 1.0)
            continue; /* a copy of the input (the sample peak has it) */
        if (lanes == 4 || (lanes > 0 && p->count != tp->lane_taps))
            return false;
        for (int t = 0; t < p->count; t++) {
            if (p->index[t] != t)
                return false;
            tp->lane[t][lanes] = p->coeff[t];
        }
        tp->lane_taps = p->count;
        lanes++;
    }
    return true;
}

bool truepeak_init(truepeak_t *tp, int channels, long rate, bool gated)
{
    memset(tp, 0, sizeof *tp);
    if (channels < 1 || channels > TRUEPEAK_MAX_CHANNELS || rate < 16)
        return false;
    tp->channels = channels;
    tp->gated = gated;
    tp->factor = rate < 96000 ? 4 : rate < 192000 ? 2 : 1;
    tp->span = 1;
    if (tp->factor == 1)
        return true;
    /* interp_create(49, factor, channels), expression for expression */
    const unsigned taps = TRUEPEAK_TAPS, factor = (unsigned)tp->factor;
    for (unsigned j = 0; j < taps; j++) {
        double m = (double)j - (double)(taps - 1) / 2.0;
        double c = 1.0;
        if (fabs(m) > ALMOST_ZERO)
            c = sin(m * PI / factor) / (m * PI / factor);
        c *= 0.5 * (1 - cos(2 * PI * j / (taps - 1)));
        if (fabs(c) > ALMOST_ZERO) {
            truepeak_phase_t *p = &tp->phase[j % factor];
            p->index[p->count] = (int)(j / factor);
            p->coeff[p->count] = c;
            p->count++;
            if ((int)(j / factor) + 1 > tp->span)
                tp->span = (int)(j / factor) + 1;
        }
    }
    for (int f = 0; f < tp->factor; f++) {
        double sum = 0.0;
        for (int t = 0; t < tp->phase[f].count; t++)
            sum += fabs(tp->phase[f].coeff[t]);
        if (sum > tp->bound)
            tp->bound = sum;
    }
    tp->bound *= ROUNDING;
    if (!lay_lanes(tp))
        tp->gated = false; /* (not with libebur128's 49 taps) the plain pass, slower, as exact */
    return true;
}

/* |one interpolated value| as libebur128 makes it: a double sum in tap order, stored as a
 * float. x points at the newest input the output reads. */
static double interpolate(const truepeak_phase_t *p, const float *x)
{
    double acc = 0.0;
    for (int t = 0; t < p->count; t++)
        acc += (double)x[-p->index[t]] * p->coeff[t];
    return fabs((double)(float)acc);
}

/* The plain pass over the inputs at work[q0, q1): every phase of every output, as
 * libebur128 runs them. */
static void filter(truepeak_t *tp, double *peak, int q0, int q1)
{
    for (int q = q0; q < q1; q++)
        for (int f = 0; f < tp->factor; f++) {
            double v = interpolate(&tp->phase[f], tp->work + q);
            if (v > *peak)
                *peak = v;
        }
    tp->filtered += q1 - q0;
}

/* The gated pass's filter over the inputs at work[q0, q1): the phases laid side by side, each
 * lane still summed in libebur128's order (so bit for bit the same values), in one sweep of
 * the taps. The identity phase is left out: its values are input samples, already counted. */
static void filter_lanes(truepeak_t *tp, double *peak, int q0, int q1)
{
    for (int q = q0; q < q1; q++) {
        const float *x = tp->work + q;
        double acc[4] = { 0.0, 0.0, 0.0, 0.0 };
        for (int t = 0; t < tp->lane_taps; t++) {
            double v = (double)x[-t];
            for (int l = 0; l < 4; l++)
                acc[l] += v * tp->lane[t][l];
        }
        for (int l = 0; l < 4; l++) {
            double v = fabs((double)(float)acc[l]);
            if (v > *peak)
                *peak = v;
        }
    }
    tp->filtered += q1 - q0;
}

/* Channel c of m frames: history and samples into work, the largest |sample| of each GROUP,
 * the sample peak, the filter. The outputs of the inputs of group k read at most those inputs
 * and the span - 1 before them (in the back groups before k, or the history); none of their
 * values can exceed bound x the largest |input| there, so when that is no more than the peak
 * already found (this block's samples included) the chunk cannot change it and is skipped. */
static void add_channel(truepeak_t *tp, int c, const float *in, int m)
{
    int h = tp->span - 1, groups = (m + GROUP - 1) / GROUP;
    double *peak = &tp->peak[c];
    float gmax[TRUEPEAK_BLOCK / GROUP + 1], hmax = 0.0f, smax = 0.0f;
    for (int i = 0; i < h; i++) {
        tp->work[i] = tp->hist[c][i];
        float a = fabsf(tp->hist[c][i]);
        hmax = a > hmax ? a : hmax;
    }
    for (int g = 0; g < groups; g++) {
        int end = (g + 1) * GROUP < m ? (g + 1) * GROUP : m;
        float mx = 0.0f;
        for (int i = g * GROUP; i < end; i++) {
            float v = in[(size_t)i * (size_t)tp->channels];
            tp->work[h + i] = v;
            float a = fabsf(v);
            mx = a > mx ? a : mx;
        }
        gmax[g] = mx;
        smax = mx > smax ? mx : smax;
    }
    if ((double)smax > *peak)
        *peak = smax;
    if (tp->factor > 1 && !tp->gated)
        filter(tp, peak, h, h + m);
    int back = (h + GROUP - 1) / GROUP;
    for (int k = 0; tp->factor > 1 && tp->gated && k < groups; k++) {
        float w = gmax[k];
        for (int b = k - back; b < k; b++) {
            float v = b >= 0 ? gmax[b] : hmax;
            w = v > w ? v : w;
        }
        if ((double)w * tp->bound > *peak)
            filter_lanes(tp, peak, h + k * GROUP, h + ((k + 1) * GROUP < m ? (k + 1) * GROUP : m));
    }
    memcpy(tp->hist[c], tp->work + m, sizeof(float) * (size_t)h);
}

void truepeak_add(truepeak_t *tp, const float *in, size_t frames)
{
    while (frames > 0) {
        int m = frames < TRUEPEAK_BLOCK ? (int)frames : TRUEPEAK_BLOCK;
        for (int c = 0; c < tp->channels; c++)
            add_channel(tp, c, in + c, m);
        in += (size_t)m * (size_t)tp->channels;
        frames -= (size_t)m;
        tp->frames += m;
    }
}

double truepeak_channel(const truepeak_t *tp, int c)
{
    return c >= 0 && c < tp->channels ? tp->peak[c] : 0.0;
}

double truepeak_max(const truepeak_t *tp)
{
    double mx = 0.0;
    for (int c = 0; c < tp->channels; c++)
        mx = tp->peak[c] > mx ? tp->peak[c] : mx;
    return mx;
}
