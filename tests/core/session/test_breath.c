/* The breathing guide: the set pace (6 a minute is a 10 s breath), starting empty, full at the
 * turn, eased (no jump between frames, slow at the turns), and frame periods that keep the
 * shape's edge moving a pixel at a time. */
#include "check.h"
#include "core/session/breath.h"

#include <math.h>

int main(void)
{
    CHECK(breath_level(6, 0) < 1e-9);
    CHECK(fabs(breath_level(6, 4000) - 1.0) < 1e-9); /* in over 4 s */
    CHECK(breath_level(6, 10000) < 1e-9);            /* out over 6 s: a 10 s breath */
    CHECK(fabs(breath_level(6, 2000) - 0.5) < 1e-9);
    CHECK(fabs(breath_level(6, 7000) - 0.5) < 1e-9);
    CHECK(breath_inhaling(6, 3999) && !breath_inhaling(6, 4001));
    CHECK(fabs(breath_level(5, 12000 + 4800) - 1.0) < 1e-9); /* 5 a minute: a 12 s breath */
    CHECK(breath_level(0, 5000) == 0.0);
    CHECK(!breath_inhaling(0, 100));

    double prev = 0, biggest = 0;
    for (int64_t t = 0; t <= 30000; t += 33) {
        double v = breath_level(6, t);
        biggest = fmax(biggest, fabs(v - prev));
        prev = v;
    }
    CHECK(biggest < 0.015); /* at 30 frames a second no step is more than 1.5% */
    /* slow at the turns: the first 200 ms of the in-breath moves less than the middle 200 ms */
    CHECK(breath_level(6, 200) < (breath_level(6, 2100) - breath_level(6, 1900)) / 4);

    CHECK(breath_frame_ms(6, 48) >= BREATH_MIN_FRAME_MS && breath_frame_ms(6, 48) <= 60); /* 1080p */
    CHECK_EQ_INT(breath_frame_ms(6, 400), BREATH_MIN_FRAME_MS); /* a huge shape: 30 fps at most */
    CHECK(breath_frame_ms(6, 4) > 200);                        /* tiny window: few frames */
    CHECK_EQ_INT(breath_frame_ms(0, 48), BREATH_MAX_FRAME_MS);

    /* frames come as the shape moves BREATH_STEP_PX: often mid-breath, rarely at the turns, and
     * never more than that between two (nothing jerks) */
    int frames = 0;
    double widest = 0;
    for (int64_t t = 0; t < 10000;) {
        int64_t dt = breath_next_change(6, t, 48);
        double move = fabs(breath_level(6, t + dt) - breath_level(6, t)) * 48;
        widest = move > widest ? move : widest;
        t += dt;
        frames++;
    }
    CHECK(frames > 48 * 2 / BREATH_STEP_PX / 2 && frames < 10000 / BREATH_MIN_FRAME_MS);
    CHECK(widest < BREATH_STEP_PX + 0.5);
    CHECK(breath_next_change(6, 2000, 48) < breath_next_change(6, 3990, 48));
    CHECK(fabs(breath_level(6, 2000 + breath_next_change(6, 2000, 48)) - breath_level(6, 2000)) * 48 >= BREATH_STEP_PX);
    CHECK_EQ_INT(breath_next_change(0, 0, 48), BREATH_MAX_FRAME_MS);
    /* the glow stays in its room: never over the disk's rim, never past the halo; its travel is
     * the distance the frames are paced by */
    CHECK_EQ_INT(breath_glow_radius(300, 348, 1.0), 347);
    CHECK(breath_glow_radius(300, 348, 0.0) > 300);
    CHECK_EQ_INT(breath_glow_radius(300, 348, 1.0) - breath_glow_radius(300, 348, 0.0), breath_glow_travel(300, 348));
    CHECK_EQ_INT(breath_glow_radius(300, 348, 2.0), 347);
    CHECK_EQ_INT(breath_glow_radius(10, 10, 0.5), 10); /* no room: no glow beyond the disk */
    CHECK_EQ_INT(breath_glow_travel(10, 10), 0);
    return check_summary();
}
