/* Tests of the true peak: the gated pass gives exactly the full pass's maximum (random noise,
 * sweeps near Nyquist whose peaks fall between samples, clipped squares, silence, a spike,
 * odd block sizes, 44.1 to 192 kHz), the interpolator finds the peaks between samples, and
 * the gate really skips quiet stretches. libebur128 itself: tests/platform/sound. */
#include "check.h"
#include "core/sound/truepeak.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#define PI 3.14159265358979323846
#define MAXN 96000

static float sig[MAXN * 2];

static uint32_t rng = 12345u;

static double uniform(void) /* in [-1, 1) */
{
    rng = rng * 1664525u + 1013904223u;
    return (double)(rng >> 8) / (double)(1u << 23) - 1.0;
}

/* Runs n frames of sig through a pass fed in pieces: pieces == 0 means one call, else
 * lengths drawn from 1 to pieces. Returns the pass (for its per-channel peaks). */
static truepeak_t *run(truepeak_t *tp, int channels, long rate, bool gated, int n, int pieces)
{
    CHECK(truepeak_init(tp, channels, rate, gated));
    int done = 0;
    while (done < n) {
        int m = pieces ? 1 + (int)((uniform() + 1.0) * 0.5 * pieces) : n;
        if (m > n - done)
            m = n - done;
        truepeak_add(tp, sig + (size_t)done * (size_t)channels, (size_t)m);
        done += m;
    }
    return tp;
}

static truepeak_t full, gated, pieces;

/* Channel by channel: the same maximum as the full pass in one call, to the bit. */
static void agree(const truepeak_t *tp, const char *what, const char *how)
{
    for (int c = 0; c < full.channels; c++) {
        double want = truepeak_channel(&full, c), got = truepeak_channel(tp, c);
        CHECK(got == want);
        if (got != want)
            fprintf(stderr, "  (%s, %s, channel %d: full %.9g, this %.9g)\n", what, how, c, want, got);
    }
}

/* The gated pass in one call and in odd pieces, and the full pass in pieces, against the
 * full pass in one call. Returns the fraction of inputs the gated pass filtered. */
static double same(const char *what, int channels, long rate, int n)
{
    run(&full, channels, rate, false, n, 0);
    run(&gated, channels, rate, true, n, 0);
    agree(&gated, what, "gated");
    static const int sizes[] = { 1, 7, 1025, 4099 };
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        agree(run(&pieces, channels, rate, true, n, sizes[s]), what, "gated, in pieces");
        if (s % 2)
            agree(run(&pieces, channels, rate, false, n, sizes[s]), what, "full, in pieces");
    }
    CHECK(truepeak_max(&gated) == truepeak_max(&full));
    return (double)gated.filtered / ((double)n * channels);
}

static const long rates[] = { 44100, 48000, 96000, 192000 };
#define NRATES (int)(sizeof rates / sizeof rates[0])

static void test_random(void)
{
    for (int r = 0; r < NRATES; r++)
        for (int trial = 0; trial < 2; trial++) {
            /* noise with a level that moves, so the maximum keeps being beaten */
            int n = 5000 + trial * 3001;
            double level = 0.1;
            for (int i = 0; i < n * 2; i++) {
                if (i % 997 == 0)
                    level = 0.05 + 0.95 * (uniform() + 1.0) * 0.5;
                sig[i] = (float)(level * uniform());
            }
            same("noise", 2, rates[r], n);
            same("noise, mono", 1, rates[r], n);
            same("noise, 6 channels", 6, rates[r], n / 3);
        }
    /* slowly rising noise: every stretch can beat the last, nothing may be skipped wrongly */
    int n = 30000;
    for (int i = 0; i < n * 2; i++)
        sig[i] = (float)((double)i / (n * 2) * uniform());
    same("rising noise", 2, 48000, n);
}

static void test_sweeps(void)
{
    for (int r = 0; r < NRATES; r++) {
        long rate = rates[r];
        int n = (int)(rate / 10); /* a tenth of a second */
        /* a sweep from 0.40 to 0.49 of the rate, getting louder: its peaks fall between samples */
        double phase = 0.0;
        for (int i = 0; i < n; i++) {
            double f = 0.40 + 0.09 * i / n, amp = 0.3 + 0.6 * i / n;
            phase += 2.0 * PI * f;
            sig[i * 2] = (float)(amp * sin(phase));
            sig[i * 2 + 1] = (float)(amp * cos(phase + 0.3));
        }
        same("sweep near Nyquist", 2, rate, n);
        /* a quarter of the rate at 45 degrees: every sample at 0.707 of a peak that lies between */
        for (int i = 0; i < n; i++)
            sig[i * 2] = sig[i * 2 + 1] = (float)(0.9 * sin(PI / 2.0 * i + PI / 4.0));
        same("rate / 4 at 45 degrees", 2, rate, n);
        double sp = 0.9 * sin(PI / 4.0);
        if (rate < 192000) /* interpolated: found the peak between the samples, near 0.9 */
            CHECK(truepeak_max(&full) > 0.88 && truepeak_max(&full) < 0.92);
        else /* not interpolated above 192 kHz: the sample peak */
            CHECK(fabs(truepeak_max(&full) - sp) < 1e-6);
        /* a louder sample peak first, then a quieter one whose true peak beats it */
        for (int i = 0; i < n; i++)
            sig[i * 2] = sig[i * 2 + 1] = i < 100 ? (float)(0.75 * uniform()) : (float)(0.9 * sin(PI / 2.0 * i + PI / 4.0)) * 0.99f;
        sig[50] = 0.8f;
        same("late peak between samples", 2, rate, n);
        if (rate < 192000)
            CHECK(truepeak_max(&gated) > 0.85);
    }
}

static void test_squares(void)
{
    for (int r = 0; r < NRATES; r++) {
        int n = 20000;
        /* a sine driven ten times into clipping: flat tops, the interpolator rings above 1 */
        for (int i = 0; i < n; i++) {
            double v = 10.0 * sin(2.0 * PI * 997.0 * i / (double)rates[r]);
            v = v > 1.0 ? 1.0 : v < -1.0 ? -1.0 : v;
            sig[i * 2] = (float)v;
            sig[i * 2 + 1] = (float)(-v * 0.5);
        }
        same("clipped square", 2, rates[r], n);
        if (rates[r] < 192000)
            CHECK(truepeak_channel(&full, 0) > 1.0);
        CHECK(truepeak_channel(&full, 1) >= 0.5);
    }
}

static void test_silence_and_spike(void)
{
    for (int r = 0; r < NRATES; r++) {
        int n = 10000;
        for (int i = 0; i < n * 2; i++)
            sig[i] = 0.0f;
        double frac = same("silence", 2, rates[r], n);
        CHECK(truepeak_max(&full) == 0.0);
        CHECK(frac == 0.0); /* nothing to filter */
        sig[4001 * 2] = -0.5f; /* one sample: the filter's own taps come out, none above it */
        same("a spike", 2, rates[r], n);
        CHECK(truepeak_channel(&full, 0) == 0.5);
        CHECK(truepeak_channel(&full, 1) == 0.0);
        sig[9999 * 2 + 1] = 0.25f; /* the very last sample counts (libebur128's sample peak) */
        same("a spike at the end", 2, rates[r], n);
        CHECK(truepeak_channel(&full, 1) == 0.25);
    }
}

static void test_bursts(void)
{
    /* four samples whose peak lies between them (a quarter of the rate at 45 degrees), after
     * silence, at every offset from a block's start and across a block's end: whichever
     * stretch of outputs reads them, it must not be skipped */
    int n = 1100;
    static const float burst[4] = { 0.5f, 0.5f, -0.5f, -0.5f };
    for (int r = 0; r < NRATES; r++)
        for (int at = 0; at < 1040; at = at == 40 ? 1000 : at + 1) {
            for (int i = 0; i < n * 2; i++)
                sig[i] = 0.0f;
            for (int k = 0; k < 4; k++)
                sig[(at + k) * 2] = sig[(at + k) * 2 + 1] = burst[k];
            same("a burst after silence", 2, rates[r], n);
            if (rates[r] < 192000)
                CHECK(truepeak_max(&full) > 0.6);
        }
}

static void test_worst_case(void)
{
    /* the input that drives the loudest phase to its bound (each tap's input at the sign of
     * its coefficient), first at 99.99%, then whole: the gate may skip nothing of the second */
    for (int r = 0; r < NRATES - 1; r++) {
        truepeak_t tp;
        truepeak_init(&tp, 1, rates[r], true);
        const truepeak_phase_t *worst = &tp.phase[0];
        double sum = 0.0;
        for (int f = 0; f < tp.factor; f++) {
            double s = 0.0;
            for (int t = 0; t < tp.phase[f].count; t++)
                s += fabs(tp.phase[f].coeff[t]);
            if (s > sum) {
                sum = s;
                worst = &tp.phase[f];
            }
        }
        CHECK(fabs(sum * 1.000001 - tp.bound) < 1e-12);
        int n = 3000;
        for (int i = 0; i < n; i++)
            sig[i] = 0.0f;
        for (int t = 0; t < worst->count; t++) {
            float s = worst->coeff[t] > 0.0 ? 0.6f : -0.6f;
            sig[1000 - worst->index[t]] = 0.9999f * s;
            sig[2500 - worst->index[t]] = s;
        }
        same("the worst case", 1, rates[r], n);
        CHECK(fabs(truepeak_max(&full) - 0.6 * sum) < 1e-6);
    }
}

static void test_gate_skips(void)
{
    /* music-like: a loud second, then a long quieter stretch that cannot beat it */
    int n = 96000;
    for (int i = 0; i < n; i++) {
        double amp = i < 24000 ? 0.9 : 0.3;
        sig[i * 2] = (float)(amp * sin(2.0 * PI * 440.0 * i / 48000.0));
        sig[i * 2 + 1] = (float)(amp * uniform());
    }
    double frac = same("loud then quiet", 2, 48000, n);
    CHECK(frac < 0.3);
    CHECK(full.filtered == (int64_t)n * 2);
}

static void test_init(void)
{
    truepeak_t tp;
    CHECK(!truepeak_init(&tp, 0, 48000, true));
    CHECK(!truepeak_init(&tp, TRUEPEAK_MAX_CHANNELS + 1, 48000, true));
    CHECK(!truepeak_init(&tp, 2, 15, true));
    CHECK(truepeak_init(&tp, 2, 44100, true));
    CHECK_EQ_INT(tp.factor, 4);
    CHECK_EQ_INT(tp.span, 12);
    CHECK(tp.bound > 1.0 && tp.bound < 2.0);
    CHECK(tp.gated); /* the three phases that interpolate, side by side, 12 taps each */
    CHECK_EQ_INT(tp.lane_taps, 12);
    CHECK(truepeak_init(&tp, 2, 95999, true));
    CHECK_EQ_INT(tp.factor, 4);
    CHECK(truepeak_init(&tp, 2, 96000, true));
    CHECK_EQ_INT(tp.factor, 2);
    CHECK(tp.gated);
    CHECK_EQ_INT(tp.lane_taps, 24);
    CHECK_EQ_INT(tp.span, 24);
    CHECK(truepeak_init(&tp, 2, 191999, true));
    CHECK_EQ_INT(tp.factor, 2);
    CHECK(truepeak_init(&tp, 2, 192000, true));
    CHECK_EQ_INT(tp.factor, 1);
    CHECK(truepeak_channel(&tp, 5) == 0.0);
}

int main(void)
{
    test_init();
    test_random();
    test_sweeps();
    test_squares();
    test_silence_and_spike();
    test_bursts();
    test_worst_case();
    test_gate_skips();
    return check_summary();
}
