/* core/sound/truepeak against libebur128's own ebur128_true_peak: random noise, sweeps near
 * Nyquist, clipped squares, silence, a spike, bursts after silence, fed in odd block sizes at
 * 44.1, 48, 96 and 192 kHz, and the built-in music read at its own rate: the same peak on
 * every channel, to the bit (the task asks for 0.01 dB; the interpolator is libebur128's). */
#include <ebur128.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "core/sound/truepeak.h"
#include "platform/sound/trackread.h"

#define PI 3.14159265358979323846
#define MAXN 48000

static float sig[MAXN * 2];
static uint32_t rng = 777u;

static double uniform(void) /* in [-1, 1) */
{
    rng = rng * 1664525u + 1013904223u;
    return (double)(rng >> 8) / (double)(1u << 23) - 1.0;
}

static double db(double x)
{
    return x > 0.0 ? 20.0 * log10(x) : -HUGE_VAL;
}

/* Feeds n stereo frames of sig, in blocks of 1 to pieces frames, to libebur128 and to the
 * gated true peak, and checks both channels agree. */
static void compare(const char *what, long rate, int n, int pieces)
{
    ebur128_state *st = ebur128_init(2, (unsigned long)rate, EBUR128_MODE_TRUE_PEAK);
    truepeak_t tp;
    CHECK(st != NULL);
    CHECK(truepeak_init(&tp, 2, rate, true));
    if (!st)
        return;
    for (int done = 0, m; done < n; done += m) {
        m = 1 + (int)((uniform() + 1.0) * 0.5 * pieces);
        m = m > n - done ? n - done : m;
        CHECK(ebur128_add_frames_float(st, sig + done * 2, (size_t)m) == EBUR128_SUCCESS);
        truepeak_add(&tp, sig + done * 2, (size_t)m);
    }
    for (unsigned c = 0; c < 2; c++) {
        double want = -1.0;
        CHECK(ebur128_true_peak(st, c, &want) == EBUR128_SUCCESS);
        double got = truepeak_channel(&tp, (int)c);
        CHECK(got == want);
        CHECK(fabs(db(got) - db(want)) < 0.01 || (got == 0.0 && want == 0.0));
        if (got != want)
            fprintf(stderr, "  (%s at %ld Hz, channel %u: libebur128 %.9g, ours %.9g)\n", what, rate, c, want, got);
    }
    ebur128_destroy(&st);
}

static void test_signals(void)
{
    static const long rates[] = { 44100, 48000, 96000, 192000 };
    static const int pieces[] = { 1, 7, 1023, 4099 };
    for (size_t r = 0; r < sizeof rates / sizeof rates[0]; r++) {
        long rate = rates[r];
        for (size_t p = 0; p < sizeof pieces / sizeof pieces[0]; p++) {
            int n = p == 0 ? 4000 : MAXN;
            double level = 0.5;
            for (int i = 0; i < n * 2; i++) {
                if (i % 997 == 0)
                    level = 0.05 + 0.95 * (uniform() + 1.0) * 0.5;
                sig[i] = (float)(level * uniform());
            }
            compare("noise", rate, n, pieces[p]);
            double phase = 0.0;
            for (int i = 0; i < n; i++) {
                double f = 0.40 + 0.09 * i / n, amp = 0.3 + 0.6 * i / n;
                phase += 2.0 * PI * f;
                sig[i * 2] = (float)(amp * sin(phase));
                sig[i * 2 + 1] = (float)(amp * cos(phase + 0.3));
            }
            compare("sweep near Nyquist", rate, n, pieces[p]);
            for (int i = 0; i < n; i++) {
                double v = 10.0 * sin(2.0 * PI * 997.0 * i / (double)rate);
                v = v > 1.0 ? 1.0 : v < -1.0 ? -1.0 : v;
                sig[i * 2] = (float)v;
                sig[i * 2 + 1] = (float)(-0.5 * v);
            }
            compare("clipped square", rate, n, pieces[p]);
            for (int i = 0; i < n * 2; i++)
                sig[i] = 0.0f;
            compare("silence", rate, n, pieces[p]);
            sig[(n / 2) * 2] = -0.5f;
            compare("a spike", rate, n, pieces[p]);
            for (int k = 0; k < 4; k++)
                sig[(n / 2 + 37 + k) * 2 + 1] = k < 2 ? 0.4f : -0.4f;
            compare("a burst after silence", rate, n, pieces[p]);
        }
    }
}

/* The built-in music, read at its own rate as the loudness thread reads it. */
static void test_music(const char *name)
{
    char path[512], why[200];
    snprintf(path, sizeof path, "../assets/music/%s", name); /* ctest runs it in tests/ */
    trackread_t *r = trackread_open_native(path, why, sizeof why);
    CHECK(r != NULL);
    if (!r) {
        fprintf(stderr, "  (%s: %s)\n", path, why);
        return;
    }
    long rate = trackread_rate(r);
    ebur128_state *st = ebur128_init(2, (unsigned long)rate, EBUR128_MODE_TRUE_PEAK);
    truepeak_t tp;
    bool ready = st != NULL && truepeak_init(&tp, 2, rate, true);
    CHECK(ready);
    if (!ready) {
        if (st)
            ebur128_destroy(&st);
        trackread_close(r);
        return;
    }
    int n;
    int64_t frames = 0;
    while ((n = trackread_read(r, sig, MAXN)) > 0) {
        ebur128_add_frames_float(st, sig, (size_t)n);
        truepeak_add(&tp, sig, (size_t)n);
        frames += n;
    }
    CHECK(frames > rate);
    for (unsigned c = 0; c < 2; c++) {
        double want = -1.0;
        CHECK(ebur128_true_peak(st, c, &want) == EBUR128_SUCCESS);
        CHECK(truepeak_channel(&tp, (int)c) == want);
        CHECK(want > 0.01);
    }
    printf("%s at %ld Hz: true peak %.3f dBTP, the filter ran on %.1f%% of it\n", name, rate,
           db(truepeak_max(&tp)), 100.0 * (double)tp.filtered / (2.0 * (double)tp.frames));
    ebur128_destroy(&st);
    trackread_close(r);
}

int main(void)
{
    test_signals();
    test_music("safebase-calm.ogg");
    test_music("safebase-drift.ogg");
    return check_summary();
}
