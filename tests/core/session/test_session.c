/* Timeline tests of the session engine: a fake clock, scripted inputs, asserted cues and views.
 * Nothing here sleeps; an hour-long session runs in microseconds. */
#include "check.h"
#include "core/session/session.h"

#include <stdlib.h>

/* Builds a plan by hand so these tests do not depend on the parser. */
typedef struct {
    plan_t plan;
    plan_phase_t phases[8];
} fixture_t;

static void add_phase(fixture_t *f, const char *name, phase_kind_t kind, int64_t ms)
{
    plan_phase_t *p = &f->phases[f->plan.nphases++];
    p->name = (char *)name;
    p->kind = kind;
    p->duration_ms = ms;
    p->round = p->rounds = 1;
    f->plan.phases = f->phases;
}

static void fixture_init(fixture_t *f)
{
    memset(f, 0, sizeof *f);
    f->plan.title = (char *)"Test";
    f->plan.fade_ms = 1500;
    f->plan.phases = f->phases;
}

/* connect 10 s, separate 20 s, connect 30 s */
static void csc(fixture_t *f)
{
    fixture_init(f);
    add_phase(f, "Connect", PHASE_CONNECT, 10000);
    add_phase(f, "Separate", PHASE_SEPARATE, 20000);
    add_phase(f, "Reunion", PHASE_CONNECT, 30000);
}

static int count_cues(const session_cues_t *c, cue_kind_t kind)
{
    int n = 0;
    for (int i = 0; i < c->count; i++)
        n += c->items[i].kind == kind;
    return n;
}

static const session_cue_t *find_cue(const session_cues_t *c, cue_kind_t kind)
{
    for (int i = 0; i < c->count; i++)
        if (c->items[i].kind == kind)
            return &c->items[i];
    return NULL;
}

static void test_runs_to_completion(void)
{
    fixture_t f;
    csc(&f);
    session_t s;
    session_cues_t c;
    session_init(&s, &f.plan);
    CHECK_EQ_INT(session_update(&s, 500, INPUT_NONE, &c), 0);
    CHECK_EQ_INT(s.state, SESSION_READY);
    session_update(&s, 1000, INPUT_START, &c);
    CHECK_EQ_INT(s.state, SESSION_RUNNING);
    CHECK_EQ_INT(count_cues(&c, CUE_STARTED), 1);
    CHECK_EQ_INT(count_cues(&c, CUE_PHASE_CHANGED), 1);
    CHECK_EQ_INT(count_cues(&c, CUE_CHIME), 1);
    CHECK_EQ_INT(session_next_deadline(&s), 11000);

    session_update(&s, 10999, INPUT_NONE, &c);
    CHECK_EQ_INT(s.phase, 0);
    CHECK_EQ_INT(c.count, 0);
    session_update(&s, 11000, INPUT_NONE, &c);
    CHECK_EQ_INT(s.phase, 1);
    const session_cue_t *pc = find_cue(&c, CUE_PHASE_CHANGED);
    CHECK(pc != NULL);
    if (pc) {
        CHECK_EQ_INT(pc->at_ms, 11000);
        CHECK_EQ_INT(pc->phase, 1);
    }
    session_view_t v;
    session_view(&s, 21000, &v);
    CHECK_EQ_STR(v.phase_name, "Separate");
    CHECK_EQ_INT(v.phase_remaining_ms, 10000);
    CHECK_EQ_INT(v.plan_remaining_ms, 40000);
    CHECK(v.phase_fraction > 0.499 && v.phase_fraction < 0.501);
    CHECK_EQ_STR(v.next_phase_name, "Reunion");

    /* a late frame jumps over a whole boundary and the end: each at its own moment */
    session_update(&s, 70000, INPUT_NONE, &c);
    CHECK_EQ_INT(s.state, SESSION_FINISHED);
    CHECK_EQ_INT(s.outcome, OUTCOME_COMPLETED);
    CHECK_EQ_INT(s.ended_ms, 61000);
    CHECK_EQ_INT(session_active_ms(&s, 99999), 60000);
    CHECK_EQ_INT(s.phases_completed, 3);
    const session_cue_t *fin = find_cue(&c, CUE_FINISHED);
    CHECK(fin && fin->at_ms == 61000);
    pc = find_cue(&c, CUE_PHASE_CHANGED);
    CHECK(pc && pc->at_ms == 31000 && pc->phase == 2);
    CHECK_EQ_INT(session_next_deadline(&s), -1);
}

/* Deterministic pseudo-random steps, so a failure repeats. */
static unsigned lcg(unsigned *state)
{
    *state = *state * 1103515245u + 12345u;
    return (*state >> 8) & 0xffffff;
}

static void test_hour_in_irregular_steps(void)
{
    fixture_t f;
    fixture_init(&f);
    add_phase(&f, "Settle", PHASE_SETTLE, 5 * 60000 + 333);
    add_phase(&f, "Connect", PHASE_CONNECT, 20 * 60000 + 7);
    add_phase(&f, "Separate", PHASE_SEPARATE, 15 * 60000 + 991);
    add_phase(&f, "Reunion", PHASE_CONNECT, 20 * 60000 - 1331);
    int64_t total = plan_total_ms(&f.plan);
    CHECK_EQ_INT(total, 3600000);
    for (int with_pauses = 0; with_pauses <= 1; with_pauses++) {
        session_t s;
        session_cues_t c;
        session_init(&s, &f.plan);
        unsigned seed = 42u + (unsigned)with_pauses;
        int64_t now = 123456, paused = 0, pause_start = 0;
        session_update(&s, now, INPUT_START, &c);
        int steps = 0;
        while (s.state != SESSION_FINISHED && steps < 10000000) {
            now += 1 + lcg(&seed) % 997;
            session_input_t in = INPUT_NONE;
            if (with_pauses && lcg(&seed) % 500 == 0) {
                in = INPUT_PAUSE;
                if (s.state == SESSION_RUNNING)
                    pause_start = now;
                else
                    paused += now - pause_start;
            }
            session_update(&s, now, in, &c);
            steps++;
        }
        CHECK_EQ_INT(s.outcome, OUTCOME_COMPLETED);
        int64_t planned_end = 123456 + total + paused;
        CHECK(llabs(s.ended_ms - planned_end) <= 1);
        CHECK_EQ_INT(session_active_ms(&s, now), total);
        CHECK_EQ_INT(s.paused_total_ms, paused);
        CHECK(now - s.ended_ms < 997);
        if (with_pauses)
            CHECK(paused > 0);
    }
}

static void test_pause_freezes_and_shifts(void)
{
    fixture_t f;
    csc(&f);
    session_t s;
    session_cues_t c;
    session_view_t v;
    session_init(&s, &f.plan);
    session_update(&s, 0, INPUT_START, &c);
    session_update(&s, 4000, INPUT_PAUSE, &c);
    CHECK_EQ_INT(count_cues(&c, CUE_PAUSED), 1);
    CHECK_EQ_INT(session_next_deadline(&s), -1);
    session_view(&s, 60000, &v);
    CHECK(v.paused);
    CHECK_EQ_INT(v.phase_remaining_ms, 6000);
    session_update(&s, 100000, INPUT_NONE, &c); /* far past the unpaused deadline */
    CHECK_EQ_INT(s.phase, 0);
    CHECK_EQ_INT(session_paused_ms(&s, 100000), 96000);
    session_update(&s, 100000, INPUT_PAUSE, &c); /* pause while paused resumes */
    CHECK_EQ_INT(s.state, SESSION_RUNNING);
    CHECK_EQ_INT(count_cues(&c, CUE_RESUMED), 1);
    CHECK_EQ_INT(s.phase_end_ms, 106000);
    session_update(&s, 105999, INPUT_NONE, &c);
    CHECK_EQ_INT(s.phase, 0);
    session_update(&s, 106000, INPUT_NONE, &c);
    CHECK_EQ_INT(s.phase, 1);
}

static void test_next_and_back(void)
{
    fixture_t f;
    csc(&f);
    session_t s;
    session_cues_t c;
    session_init(&s, &f.plan);
    session_update(&s, 0, INPUT_START, &c);
    session_update(&s, 2000, INPUT_NEXT, &c);
    CHECK_EQ_INT(s.phase, 1);
    CHECK_EQ_INT(s.phase_end_ms, 22000);
    CHECK_EQ_INT(count_cues(&c, CUE_CHIME), 1);
    session_update(&s, 4000, INPUT_BACK, &c); /* within 3 s: previous phase */
    CHECK_EQ_INT(s.phase, 0);
    CHECK_EQ_INT(s.phase_end_ms, 14000);
    session_update(&s, 8000, INPUT_BACK, &c); /* 4 s in: restart this phase */
    CHECK_EQ_INT(s.phase, 0);
    CHECK_EQ_INT(s.phase_end_ms, 18000);
    session_update(&s, 8500, INPUT_BACK, &c); /* back on the first phase: restart */
    CHECK_EQ_INT(s.phase, 0);
    CHECK_EQ_INT(s.phase_end_ms, 18500);
    session_update(&s, 9000, INPUT_NEXT, &c);
    session_update(&s, 9100, INPUT_NEXT, &c);
    CHECK_EQ_INT(s.phase, 2);
    session_update(&s, 9200, INPUT_NEXT, &c); /* next on the last phase: nothing ends */
    CHECK_EQ_INT(s.phase, 2);
    CHECK_EQ_INT(s.state, SESSION_RUNNING);
    CHECK_EQ_INT(c.count, 0);
    CHECK_EQ_INT(s.phases_completed, 2);

    /* next while paused: the new phase waits, whole, for the resume */
    session_update(&s, 9300, INPUT_BACK, &c);
    CHECK_EQ_INT(s.phase, 1);
    session_update(&s, 10000, INPUT_PAUSE, &c);
    session_update(&s, 15000, INPUT_NEXT, &c);
    CHECK_EQ_INT(s.phase, 2);
    session_update(&s, 50000, INPUT_PAUSE, &c);
    session_view_t v;
    session_view(&s, 50000, &v);
    CHECK_EQ_INT(v.phase_remaining_ms, 30000);
}

static void test_extend_and_reconnect(void)
{
    fixture_t f;
    csc(&f);
    add_phase(&f, "Alone", PHASE_SEPARATE, 10000);
    session_t s;
    session_cues_t c;
    session_init(&s, &f.plan);
    session_update(&s, 0, INPUT_START, &c);
    session_update(&s, 1000, INPUT_EXTEND, &c);
    CHECK_EQ_INT(s.phase_end_ms, 70000);
    CHECK_EQ_INT(s.extends, 1);
    session_update(&s, 2000, INPUT_PAUSE, &c);
    session_update(&s, 3000, INPUT_EXTEND, &c); /* while paused */
    session_update(&s, 5000, INPUT_PAUSE, &c);
    CHECK_EQ_INT(s.phase_end_ms, 133000);
    session_update(&s, 6000, INPUT_RECONNECT, &c); /* in a connect phase: extend it */
    CHECK_EQ_INT(s.phase, 0);
    CHECK_EQ_INT(s.phase_end_ms, 193000);
    session_update(&s, 7000, INPUT_NEXT, &c);
    CHECK_EQ_INT(s.phase, 1);
    session_update(&s, 9000, INPUT_RECONNECT, &c); /* separate: straight to the next connect */
    CHECK_EQ_INT(s.phase, 2);
    CHECK_EQ_INT(s.phase_end_ms, 39000);
    CHECK_EQ_INT(count_cues(&c, CUE_PHASE_CHANGED), 1);
    CHECK_EQ_INT(s.reconnects, 2);
    CHECK_EQ_INT(s.phases_completed, 1); /* the separation was cut short, not completed */
    session_update(&s, 39000, INPUT_NONE, &c);
    CHECK_EQ_INT(s.phase, 3);
    session_update(&s, 40000, INPUT_RECONNECT, &c); /* no connect phase after: extend */
    CHECK_EQ_INT(s.phase, 3);
    CHECK_EQ_INT(s.phase_end_ms, 109000);
}

static void test_end(void)
{
    fixture_t f;
    csc(&f);
    session_t s;
    session_cues_t c;
    session_init(&s, &f.plan);
    session_update(&s, 100, INPUT_END, &c); /* end before start: nothing to end */
    CHECK_EQ_INT(s.state, SESSION_READY);
    CHECK_EQ_INT(c.count, 0);
    session_update(&s, 1000, INPUT_START, &c);
    session_update(&s, 3000, INPUT_PAUSE, &c);
    session_update(&s, 8000, INPUT_END, &c); /* end while paused */
    CHECK_EQ_INT(s.state, SESSION_FINISHED);
    CHECK_EQ_INT(s.outcome, OUTCOME_ENDED_EARLY);
    CHECK_EQ_INT(session_active_ms(&s, 9000), 2000);
    CHECK_EQ_INT(session_paused_ms(&s, 9000), 5000);
    CHECK_EQ_INT(s.phases_completed, 0);
    CHECK_EQ_INT(count_cues(&c, CUE_FINISHED), 1);
    for (int in = INPUT_START; in <= INPUT_LOOK_BACK; in++) { /* nothing moves a finished session */
        CHECK_EQ_INT(session_update(&s, 20000, (session_input_t)in, &c), 0);
        CHECK_EQ_INT(s.state, SESSION_FINISHED);
    }
    CHECK_EQ_INT(session_active_ms(&s, 30000), 2000);
}

static void test_warnings_and_prompts(void)
{
    fixture_t f;
    csc(&f);
    static char *prompts[] = { "Come close", "Breathe together", "Smile" };
    f.phases[0].prompts[0] = prompts[0];
    f.phases[0].prompts[1] = prompts[1];
    f.phases[0].prompts[2] = prompts[2];
    f.phases[0].nprompts = 3;
    f.phases[1].warn_ms = 5000;
    f.plan.end_warning_ms = 20000;
    session_t s;
    session_cues_t c;
    session_view_t v;
    session_init(&s, &f.plan);
    session_update(&s, 0, INPUT_START, &c);
    session_view(&s, 0, &v);
    CHECK_EQ_STR(v.prompt, "Come close");
    CHECK_EQ_INT(session_next_deadline(&s), 3333);
    session_update(&s, 3400, INPUT_NONE, &c);
    CHECK_EQ_INT(count_cues(&c, CUE_PROMPT_CHANGED), 1);
    session_view(&s, 3400, &v);
    CHECK_EQ_STR(v.prompt, "Breathe together");
    session_update(&s, 24999, INPUT_NONE, &c);
    CHECK_EQ_INT(count_cues(&c, CUE_ENDING_SOON), 0);
    session_update(&s, 25000, INPUT_NONE, &c);
    const session_cue_t *w = find_cue(&c, CUE_ENDING_SOON);
    CHECK(w && w->at_ms == 25000 && !w->plan_end);
    session_view(&s, 25000, &v);
    CHECK(v.ending_soon);
    session_update(&s, 26000, INPUT_EXTEND, &c); /* more time: the warning re-arms */
    session_view(&s, 26000, &v);
    CHECK(!v.ending_soon);
    session_update(&s, 85000, INPUT_NONE, &c);
    CHECK_EQ_INT(count_cues(&c, CUE_ENDING_SOON), 1);
    session_update(&s, 90000, INPUT_NONE, &c); /* reunion 90..120 s: plan warning at 100 s */
    CHECK_EQ_INT(s.phase, 2);
    CHECK_EQ_INT(session_next_deadline(&s), 100000);
    session_update(&s, 100000, INPUT_NONE, &c);
    w = find_cue(&c, CUE_ENDING_SOON);
    CHECK(w && w->plan_end && w->at_ms == 100000);
    session_update(&s, 110000, INPUT_NONE, &c);
    CHECK_EQ_INT(count_cues(&c, CUE_ENDING_SOON), 0);
}

static void test_time_never_goes_back(void)
{
    fixture_t f;
    csc(&f);
    session_t s;
    session_cues_t c;
    session_init(&s, &f.plan);
    session_update(&s, 5000, INPUT_START, &c);
    session_update(&s, 12000, INPUT_NONE, &c);
    session_update(&s, 1000, INPUT_PAUSE, &c); /* a clock that jumped back */
    CHECK_EQ_INT(s.paused_at_ms, 12000);
    session_update(&s, 13000, INPUT_PAUSE, &c);
    CHECK_EQ_INT(s.paused_total_ms, 1000);
}

/* Every input in every state, including ones that make no sense: invariants hold. */
static void test_every_input_in_every_state(void)
{
    fixture_t f;
    csc(&f);
    for (int prep = 0; prep < 4; prep++) {
        for (int in = INPUT_NONE; in <= INPUT_LOOK_BACK; in++) {
            session_t s;
            session_cues_t c;
            session_init(&s, &f.plan);
            if (prep >= 1)
                session_update(&s, 0, INPUT_START, &c);
            if (prep == 2)
                session_update(&s, 1000, INPUT_PAUSE, &c);
            if (prep == 3)
                session_update(&s, 1000, INPUT_END, &c);
            session_state_t before = s.state;
            session_update(&s, 2000, (session_input_t)in, &c);
            CHECK(s.phase >= 0 && s.phase < f.plan.nphases);
            CHECK(c.dropped == 0);
            if (before == SESSION_READY)
                CHECK(s.state == (in == INPUT_START ? SESSION_RUNNING : SESSION_READY));
            if (before == SESSION_FINISHED)
                CHECK(s.state == SESSION_FINISHED && c.count == 0);
            if (in == INPUT_END && before != SESSION_READY)
                CHECK(s.state == SESSION_FINISHED);
            session_update(&s, 500000, INPUT_NONE, &c);
            if (before != SESSION_READY && s.state == SESSION_RUNNING)
                CHECK(0); /* 500 s is past any end reachable here */
            session_view_t v;
            session_view(&s, 500000, &v);
            CHECK(v.phase_fraction >= 0.0 && v.phase_fraction <= 1.0);
            CHECK(v.phase_remaining_ms >= 0);
        }
    }
}

int main(void)
{
    test_runs_to_completion();
    test_hour_in_irregular_steps();
    test_pause_freezes_and_shifts();
    test_next_and_back();
    test_extend_and_reconnect();
    test_end();
    test_warnings_and_prompts();
    test_time_never_goes_back();
    test_every_input_in_every_state();
    return check_summary();
}
