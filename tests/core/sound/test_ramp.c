/* Tests of the gain ramps: they arrive on time, never overshoot, and never step by more than
 * a fade of that length needs (which is what keeps fades free of clicks). */
#include "check.h"
#include "core/sound/ramp.h"

#include <math.h>

static void test_fade_in(void)
{
    ramp_t r;
    ramp_init(&r, 0.0f);
    CHECK(ramp_settled(&r));
    ramp_to(&r, 1.0f, 48000);
    float prev = 0.0f, max_step = 0.0f;
    int frames = 0;
    while (!ramp_settled(&r)) {
        float v = ramp_next(&r);
        CHECK(v >= prev - 1e-7f && v <= 1.0f);
        if (v - prev > max_step)
            max_step = v - prev;
        prev = v;
        frames++;
    }
    CHECK_EQ_INT(frames, 48000);
    CHECK(prev == 1.0f);
    /* a raised cosine's steepest step is pi/2 per length: about 3.3e-5 per frame here */
    CHECK(max_step < 1.6f / 48000.0f * 1.0001f * 1.0f + 1e-6f);
    /* gentle start: after 5% of the fade the level is still under 1% */
    ramp_init(&r, 0.0f);
    ramp_to(&r, 1.0f, 1000);
    for (int i = 0; i < 50; i++)
        ramp_next(&r);
    CHECK(r.value < 0.01f);
}

static void test_retarget_midway(void)
{
    ramp_t r;
    ramp_init(&r, 1.0f);
    ramp_to(&r, 0.0f, 100);
    for (int i = 0; i < 50; i++)
        ramp_next(&r);
    float mid = r.value;
    CHECK(mid > 0.4f && mid < 0.6f);
    ramp_to(&r, 0.0f, 100000); /* same target: keeps its pace */
    CHECK_EQ_INT(r.len, 100);
    ramp_to(&r, 1.0f, 100); /* reverse: starts from where it is, no jump */
    float v = ramp_next(&r);
    CHECK(fabsf(v - mid) < 0.01f);
}

static void test_within(void)
{
    ramp_t r;
    ramp_init(&r, 1.0f);
    ramp_to(&r, 0.0f, 48000); /* a slow fade out ... */
    for (int i = 0; i < 100; i++)
        ramp_next(&r);
    float at = r.value;
    ramp_within(&r, 0.0f, 480); /* ... but the sound ends in 480 frames */
    CHECK_EQ_INT(ramp_left(&r), 480);
    float prev = at, max_step = 0.0f;
    for (int i = 0; i < 480; i++) {
        float v = ramp_next(&r);
        max_step = fmaxf(max_step, fabsf(v - prev));
        prev = v;
    }
    CHECK(r.value == 0.0f && ramp_settled(&r));
    CHECK(max_step < at * 1.6f / 480.0f + 1e-6f); /* still an S-curve: no jump */
    /* already arriving sooner: left alone */
    ramp_init(&r, 1.0f);
    ramp_to(&r, 0.0f, 100);
    ramp_within(&r, 0.0f, 1000);
    CHECK_EQ_INT(ramp_left(&r), 100);
    ramp_init(&r, 0.0f);
    ramp_within(&r, 0.0f, 10);
    CHECK(ramp_settled(&r));
}

static void test_db(void)
{
    CHECK(fabsf(ramp_db(-12.0f) - 0.2512f) < 0.001f);
    CHECK(fabsf(ramp_db(0.0f) - 1.0f) < 1e-6f);
    CHECK(fabsf(ramp_db(-10.0f) - 0.3162f) < 0.001f);
}

int main(void)
{
    test_fade_in();
    test_retarget_midway();
    test_within();
    test_db();
    return check_summary();
}
