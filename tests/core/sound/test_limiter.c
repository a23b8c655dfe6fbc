/* Tests of the master limiter: nothing gets out above the ceiling whatever goes in, quiet
 * sound passes untouched (only delayed), and the gain moves in small steps (no click). */
#include "check.h"
#include "core/sound/limiter.h"

#include <math.h>

#define RATE 48000
#define DELAY (LIMITER_LOOKAHEAD - 1)

static float sine(int i, double hz, double amp)
{
    return (float)(amp * sin(2.0 * M_PI * hz * i / RATE));
}

static void test_quiet_passes(void)
{
    limiter_t l;
    limiter_init(&l, 0.5f, RATE / 10);
    enum { N = 4800 };
    static float buf[N * 2];
    for (int i = 0; i < N; i++)
        buf[i * 2] = buf[i * 2 + 1] = sine(i, 440.0, 0.49);
    limiter_process(&l, buf, N);
    float worst = 0.0f;
    for (int i = DELAY; i < N; i++)
        worst = fmaxf(worst, fabsf(buf[i * 2] - sine(i - DELAY, 440.0, 0.49)));
    CHECK(worst < 1e-6f);
    for (int i = 0; i < DELAY; i++)
        CHECK(buf[i * 2] == 0.0f); /* the look-ahead starts out silent */
    CHECK(l.gain == 1.0f);
}

static void test_never_above_ceiling(void)
{
    limiter_t l;
    const float ceiling = 0.3f;
    limiter_init(&l, ceiling, RATE / 10);
    enum { N = RATE };
    static float buf[N * 2];
    unsigned seed = 12345;
    for (int i = 0; i < N; i++) {
        /* music at 0.2, a burst of noise at 3.0 (10 dB over full scale), a lone spike */
        seed = seed * 1103515245u + 12345u;
        float noise = ((float)(seed >> 8) / (float)(1u << 24) - 0.5f) * 6.0f;
        float v = sine(i, 220.0, 0.2);
        if (i > 10000 && i < 14000)
            v += noise;
        if (i == 30000)
            v = -5.0f;
        buf[i * 2] = v;
        buf[i * 2 + 1] = -v * 0.5f;
    }
    limiter_process(&l, buf, N);
    float peak = 0.0f, step = 0.0f, prev = 1.0f;
    limiter_t probe;
    limiter_init(&probe, ceiling, RATE / 10);
    for (int i = 0; i < N * 2; i++)
        peak = fmaxf(peak, fabsf(buf[i]));
    CHECK(peak <= ceiling);
    /* the gain itself moves by at most 1/lookahead of its range per frame */
    for (int i = 0; i < N; i++) {
        float v = sine(i, 220.0, 0.2);
        float in[2] = { i == 30000 ? -5.0f : v, 0.0f };
        limiter_process(&probe, in, 1);
        step = fmaxf(step, fabsf(probe.gain - prev));
        prev = probe.gain;
    }
    CHECK(step <= 1.0f / LIMITER_LOOKAHEAD + 1e-6f);
    /* and it comes back: two seconds later the gain is unity again */
    for (int i = 0; i < 2 * RATE; i++) {
        float in[2] = { sine(i, 220.0, 0.2), 0.0f };
        limiter_process(&probe, in, 1);
    }
    CHECK(probe.gain == 1.0f);
}

static void test_ceiling_change(void)
{
    limiter_t l;
    limiter_init(&l, 1.0f, RATE / 10);
    float buf[2000 * 2];
    for (int i = 0; i < 2000; i++)
        buf[i * 2] = buf[i * 2 + 1] = sine(i, 100.0, 0.8);
    limiter_set_ceiling(&l, 0.25f); /* the master volume cap lowered */
    limiter_process(&l, buf, 2000);
    float peak = 0.0f;
    for (int i = 0; i < 4000; i++)
        peak = fmaxf(peak, fabsf(buf[i]));
    CHECK(peak <= 0.25f);
    CHECK(peak > 0.2f);
}

/* Calm, a burst, calm again, twice: every burst is held under the ceiling, and once calm the
 * sound passes exactly as it came in (only delayed) - the limiter's fast path and its way
 * back into limiting. */
static void test_again_and_again(void)
{
    limiter_t l;
    limiter_init(&l, 0.5f, RATE / 100);
    enum { N = RATE / 2 };
    static float in[N * 2], buf[N * 2];
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < N; i++) {
            float v = i >= N / 4 && i < N / 4 + 2000 ? sine(i, 200.0, 2.0) : sine(i, 300.0, 0.3);
            in[i * 2] = in[i * 2 + 1] = buf[i * 2] = buf[i * 2 + 1] = v;
        }
        limiter_process(&l, buf, N);
        float peak = 0, worst = 0;
        for (int i = 0; i < N * 2; i++)
            peak = fmaxf(peak, fabsf(buf[i]));
        for (int i = N - 2000; i < N; i++) /* the last 2000 frames: calm again, untouched */
            worst = fmaxf(worst, fabsf(buf[i * 2] - in[(i - DELAY) * 2]));
        CHECK(peak <= 0.5f);
        CHECK(worst == 0.0f);
        CHECK(l.gain == 1.0f);
    }
}

int main(void)
{
    test_again_and_again();
    test_quiet_passes();
    test_never_above_ceiling();
    test_ceiling_change();
    return check_summary();
}
