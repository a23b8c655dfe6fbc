/* The screen's own ticks over a session timeline: reduced motion moves the disk exactly when
 * the digits change, once a second; normal motion steps about two pixels at the rim, never
 * more than ten times a second; a paused or finished session asks for no frames at all; the
 * disk never runs ahead of the time. */
#include "check.h"
#include "core/session/breath.h"
#include "core/session/pace.h"

#include <math.h>

static session_view_t running(int64_t remaining, int64_t length)
{
    session_view_t v = { .state = SESSION_RUNNING, .phase_remaining_ms = remaining,
                         .phase_length_ms = length };
    v.phase_fraction = 1.0 - (double)remaining / (double)length;
    return v;
}

int main(void)
{
    CHECK_EQ_INT(pace_disk_step_ms(120000, 300, true), 1000);
    int64_t s = pace_disk_step_ms(300000, 300, false); /* 5 min on a 300 px disk: 2 px = 318 ms */
    CHECK(s >= 310 && s <= 325);
    CHECK_EQ_INT(pace_disk_step_ms(120000, 300, false), PACE_MIN_STEP_MS); /* 2 min: 127 ms, no faster than 5 a second */
    CHECK_EQ_INT(pace_disk_step_ms(4000, 300, false), PACE_MIN_STEP_MS);
    CHECK_EQ_INT(pace_disk_step_ms(3600000, 300, false), PACE_MAX_STEP_MS);

    /* reduced motion: one wake a second, exactly at the digit change, and the disk moves then */
    session_view_t v = running(59500, 60000);
    CHECK_EQ_INT(pace_session_wait(&v, 1000, true), 500);
    CHECK(fabs(pace_disk_remaining(&v, 1000) - 1.0) < 1e-9); /* still shows 1:00 and a full disk */
    v = running(59000, 60000);
    CHECK(fabs(pace_disk_remaining(&v, 1000) - 59.0 / 60.0) < 1e-9);
    CHECK_EQ_INT(pace_session_wait(&v, 1000, true), 1000);
    /* hidden time: the disk alone sets the pace */
    v = running(59500, 60000);
    CHECK_EQ_INT(pace_session_wait(&v, 200, false), 100);
    CHECK_EQ_INT(pace_session_wait(&v, 200, true), 100);

    /* over a whole phase, the disk never shows less time than is left, nor a step more */
    int wakes = 0;
    int64_t step = pace_disk_step_ms(60000, 300, false);
    for (int64_t rem = 60000; rem > 0;) {
        session_view_t w = running(rem, 60000);
        double shown = pace_disk_remaining(&w, step) * 60000;
        CHECK(shown >= (double)rem - 1e-6 && shown < (double)rem + step + 1e-6);
        int64_t next = pace_session_wait(&w, step, true);
        CHECK(next >= 1);
        rem -= next;
        wakes++;
    }
    CHECK(wakes <= 60000 / step + 61); /* the steps plus the digit changes, nothing more */

    session_view_t p = running(30000, 60000);
    p.paused = true;
    CHECK_EQ_INT(pace_session_wait(&p, step, true), -1);
    p = running(0, 60000);
    p.state = SESSION_FINISHED;
    CHECK_EQ_INT(pace_session_wait(&p, step, true), -1);
    /* the breathing guide waits for a disk step just after it: one frame, not two */
    CHECK_EQ_INT(pace_merge(75, 100), 100);
    CHECK_EQ_INT(pace_merge(30, 100), 30);   /* too long to wait: its own frame */
    CHECK_EQ_INT(pace_merge(150, 100), 100); /* the step first, the guide moves with it */
    CHECK_EQ_INT(pace_merge(75, -1), 75);
    CHECK_EQ_INT(pace_merge(-1, 400), 400);
    CHECK_EQ_INT(pace_merge(-1, -1), -1);
    /* a breathing phase with a 100-ms disk step: frames never closer than the merge allows */
    {
        int64_t t = 0, frames = 0, tick = 100;
        while (t < 10000) {
            int64_t b = breath_next_change(6, t, 33), to_tick = tick - t % tick;
            int64_t dt = pace_merge(b, to_tick);
            CHECK(dt > 0);
            t += dt;
            frames++;
        }
        CHECK(frames <= 10000 / 100 + 10000 / 1000); /* about the disk's 10 a second, not 10 + the guide's 8 */
        printf("breathing phase, 100-ms disk steps: %lld frames in 10 s\n", (long long)frames);
    }
    return check_summary();
}
