/* Fades: nothing jumps (every change takes at least a second), the value moves steadily and
 * eased, reduced-motion fades step a few times, and the next-change time lets the loop sleep. */
#include "check.h"
#include "core/screen/fade.h"

#include <math.h>

int main(void)
{
    fade_t f;
    fade_init(&f, 0.0);
    CHECK_EQ_INT(fade_next_change(&f, 1000), -1); /* at rest: no frames */

    fade_to(&f, 1.0, 1000, 200, 0); /* asked for 200 ms: held to the 1 s floor */
    CHECK_EQ_INT(f.length_ms, FADE_MIN_MS);
    CHECK(fade_value(&f, 1000) == 0.0);
    CHECK(fabs(fade_value(&f, 1500) - 0.5) < 0.08); /* eased: half way at half time, to a step */
    CHECK(fade_value(&f, 1250) < 0.25 && fade_value(&f, 1750) > 0.75);
    CHECK(fade_value(&f, 2000) == 1.0);
    double prev = 0, biggest = 0;
    for (int64_t t = 1000; t <= 2000; t += FADE_FRAME_MS) {
        double v = fade_value(&f, t);
        CHECK(v >= prev);
        biggest = fmax(biggest, v - prev);
        prev = v;
    }
    CHECK(biggest < 0.08); /* no step above 8% */
    int64_t first = fade_next_change(&f, 1000);
    CHECK(first > 1000 + FADE_FRAME_MS); /* the gentle start: the first step comes later... */
    CHECK(fade_value(&f, first - 1) == 0.0 && fade_value(&f, first) > 0.0); /* ...exactly then */
    CHECK_EQ_INT(fade_next_change(&f, 1990), 2000);
    CHECK_EQ_INT(fade_next_change(&f, 2000), -1);

    /* a long fade takes longer steps, no more of them; between its frames the value holds, so
     * a redraw for something else (a disk step) does not repaint the whole screen */
    fade_t slow;
    fade_init(&slow, 0.0);
    fade_to(&slow, 1.0, 0, 3000, 0);
    int changes = 0;
    double last = 0;
    for (int64_t t = 0; t <= 3000; t++) {
        double v = fade_value(&slow, t);
        if (v != last) {
            changes++;
            CHECK_EQ_INT(fade_next_change(&slow, t - 1), t); /* the loop wakes exactly then */
        }
        last = v;
    }
    CHECK_EQ_INT(changes, FADE_MAX_FRAMES);
    CHECK(fade_value(&slow, 1499) == fade_value(&slow, 1401));

    /* a smooth fade's frames are even steps of the value, never closer than FADE_FRAME_MS */
    for (int64_t len = 1000; len <= 4000; len += 500) {
        fade_t e;
        fade_init(&e, 0.0);
        fade_to(&e, 1.0, 0, len, 0);
        double v0 = 0, step = -1;
        int64_t t0 = 0;
        bool even = true, apart = true;
        for (int64_t t = fade_next_change(&e, 0); t > 0; t = fade_next_change(&e, t)) {
            double v = fade_value(&e, t);
            step = step < 0 ? v - v0 : step;
            even &= fabs((v - v0) - step) < 1e-9;
            apart &= t - t0 >= FADE_FRAME_MS - 1;
            v0 = v, t0 = t;
        }
        CHECK(even);
        CHECK(apart);
        CHECK(v0 == 1.0 && t0 == len);
        CHECK(step <= 1.0 / 13 + 1e-9); /* about the biggest of 20-a-second time-even frames (0.075) */
    }

    /* retargeting mid-way starts from where it is: no jump */
    fade_to(&f, 0.0, 3000, 1000, 0);
    double mid = fade_value(&f, 3500);
    fade_to(&f, 1.0, 3500, 1000, 0);
    CHECK(fabs(fade_value(&f, 3500) - mid) < 1e-9);
    fade_to(&f, 1.0, 3600, 1000, 0); /* same target: carries on */
    CHECK_EQ_INT(f.start_ms, 3500);

    /* reduced motion: 8 steps over 2 s, each at most an eighth-ish of the way */
    fade_t r;
    fade_init(&r, 0.0);
    fade_to(&r, 1.0, 0, 2000, 8);
    CHECK(fade_value(&r, 200) == 0.0);
    CHECK(fade_value(&r, 250) > 0.0);
    CHECK_EQ_INT(fade_next_change(&r, 0), 250);
    CHECK_EQ_INT(fade_next_change(&r, 260), 500);
    prev = 0;
    biggest = 0;
    for (int64_t t = 0; t <= 2000; t += 250) {
        double v = fade_value(&r, t);
        biggest = fmax(biggest, v - prev);
        prev = v;
    }
    CHECK(biggest < 0.2);
    CHECK(fade_value(&r, 2000) == 1.0);
    return check_summary();
}
