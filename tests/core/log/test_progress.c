/* Tests of separations that grow across sessions: sessions run through core/session, become
 * log lines (recordline), are read back (record_parse) and fed to progress; and log rows made
 * by hand: two devices out of order, other clients and plans, older rows. */
#include "check.h"
#include "core/log/progress.h"
#include "core/log/recordline.h"

#include <stdlib.h>

#define S 1000LL
#define DAY (86400LL * S)
#define T0 1709541000000LL  /* 2024-03-04T08:30:00Z */

static const char PLAN[] =
    "[plan]\ntitle = Connect, separate, connect\n"
    "[phase Arrive]\nkind = settle\nduration = 30s\n"
    "[repeat 3]\n[phase Together]\nkind = connect\nduration = 30s\n"
    "[phase Apart]\nkind = separate\nduration = 20s\ngrow = 20s\nwarn = 10s\n[end repeat]\n"
    "[phase Goodbye]\nkind = close\nduration = 30s\n";
/* phases: 0 Arrive, 1 Together, 2 Apart (20 s), 3 Together, 4 Apart (40 s), 5 Together,
 * 6 Apart (60 s), 7 Goodbye */

static plan_t parse(const char *text)
{
    plan_t p;
    plan_errors_t errs;
    bool ok = plan_parse(text, strlen(text), &p, &errs);
    CHECK(ok);
    if (!ok)
        fprintf(stderr, "plan: %d: %s\n", errs.items[0].line, errs.items[0].message);
    return p;
}

/* What happens in a session: the phase index where a reconnect comes (-1: none), the phase
 * index where the adult ends it (-1: it runs to its end). */
typedef struct {
    int reconnect_in, end_in;
} script_t;

static int64_t end_of(const session_t *s)
{
    return s->phase_end_ms;
}

/* Runs the plan as scripted and returns its log line read back. */
static void run(const plan_t *plan, script_t sc, const char *client, int64_t start_epoch,
                record_row_t *row, session_t *out)
{
    session_t s;
    session_cues_t c;
    session_init(&s, plan);
    session_update(&s, 0, INPUT_START, &c);
    while (s.state == SESSION_RUNNING) {
        int64_t mid = s.phase_start_ms + 5 * S;
        if (s.phase == sc.reconnect_in) {
            sc.reconnect_in = -1;
            session_update(&s, mid, INPUT_RECONNECT, &c);
        } else if (s.phase == sc.end_in) {
            session_update(&s, mid, INPUT_END, &c);
        } else {
            session_update(&s, end_of(&s), INPUT_NONE, &c);
        }
    }
    recordline_src_t src = { .session = &s, .plan = plan, .start_epoch_ms = start_epoch,
                             .utc_offset_s = 3600, .client = client };
    char line[RECORD_MAX_LINE], err[160];
    int n = recordline_format(&src, RECORDLINE_FINAL, 0, line, sizeof line);
    CHECK(n > 0);
    CHECK(record_parse(line, n > 0 ? (size_t)n - 1 : 0, row, err, sizeof err));
    if (out)
        *out = s;
}

/* A hand-made row; 0 = an empty field; ncols 9, 15 or 18. */
static void hand_row(record_row_t *row, int64_t start_epoch, const char *client, const char *plan,
                     int64_t first, int64_t longest, int64_t reconnect, int ncols)
{
    record_t r = { .started_epoch_ms = start_epoch, .ended_epoch_ms = start_epoch + 600 * S,
                   .utc_offset_s = 3600, .plan = plan, .planned_ms = 600 * S,
                   .duration_ms = 600 * S, .outcome = "completed", .phases_completed = 8,
                   .phases_total = 8, .client = client, .reconnects = reconnect > 0,
                   .first_separation_ms = first, .longest_separation_ms = longest,
                   .reconnect_separation_ms = reconnect };
    char line[RECORD_MAX_LINE], err[160];
    int n = record_format(&r, line, sizeof line);
    CHECK(n > 0);
    /* an older row: cut after its last column */
    int commas = 0, len = n - 1;
    bool quoted = false;
    for (int i = 0; i < n - 1 && ncols < RECORD_COLUMNS; i++) {
        quoted ^= line[i] == '"';
        if (!quoted && line[i] == ',' && ++commas == ncols) {
            len = i;
            break;
        }
    }
    CHECK(record_parse(line, (size_t)len, row, err, sizeof err));
    CHECK_EQ_INT(row->nfields, ncols);
}

static int64_t propose(const progress_t *p, const plan_t *plan, char *why, size_t size)
{
    int64_t first = 0;
    int rounds = 0;
    int64_t grow = plan_separation_grow(plan, &first, &rounds);
    return progress_propose(p, first, grow, rounds, plan->grow_max_ms, why, size);
}

static void test_session_columns(void)
{
    plan_t plan = parse(PLAN);
    record_row_t row;
    session_t s;
    /* all the way through: first 20 s, longest 60 s, no reconnect */
    run(&plan, (script_t){ -1, -1 }, "Robin", T0, &row, &s);
    CHECK_EQ_INT(row.nfields, RECORD_COLUMNS);
    CHECK_EQ_STR(row.field[COL_FIRST_SEPARATION], "20.0");
    CHECK_EQ_STR(row.field[COL_LONGEST_SEPARATION], "60.0");
    CHECK_EQ_STR(row.field[COL_RECONNECT_SEPARATION], "");
    /* a reconnect in the 40 s separation: it is not reached; the 60 s one is */
    run(&plan, (script_t){ 4, -1 }, "Robin", T0, &row, &s);
    CHECK_EQ_INT(s.reconnects, 1);
    CHECK_EQ_INT(row.first_separation_ms, 20 * S);
    CHECK_EQ_INT(row.longest_separation_ms, 60 * S);
    CHECK_EQ_INT(row.reconnect_separation_ms, 40 * S);
    /* a reconnect in the first, then ended in the second: nothing reached */
    run(&plan, (script_t){ 2, 4 }, "Robin", T0, &row, &s);
    CHECK_EQ_STR(row.field[COL_FIRST_SEPARATION], "20.0");
    CHECK_EQ_STR(row.field[COL_LONGEST_SEPARATION], "");
    CHECK_EQ_STR(row.field[COL_RECONNECT_SEPARATION], "20.0");
    /* a reconnect in a connect phase (it extends it) is not one in a separation */
    run(&plan, (script_t){ 1, 3 }, "Robin", T0, &row, &s);
    CHECK_EQ_INT(s.reconnects, 1);
    CHECK_EQ_INT(row.reconnect_separation_ms, 0);
    CHECK_EQ_INT(row.longest_separation_ms, 20 * S);
    /* ended before any separation: all three empty */
    run(&plan, (script_t){ -1, 1 }, "Robin", T0, &row, &s);
    CHECK_EQ_STR(row.field[COL_FIRST_SEPARATION], "");
    CHECK_EQ_STR(row.field[COL_LONGEST_SEPARATION], "");
    CHECK_EQ_STR(row.field[COL_RECONNECT_SEPARATION], "");
    /* NEXT past a separation counts it reached; extends do not change its planned length */
    session_cues_t c;
    session_init(&s, &plan);
    session_update(&s, 0, INPUT_START, &c);
    session_update(&s, 1 * S, INPUT_NEXT, &c);
    session_update(&s, 2 * S, INPUT_NEXT, &c);  /* into Apart 20 s */
    session_update(&s, 3 * S, INPUT_EXTEND, &c);
    session_update(&s, 4 * S, INPUT_NEXT, &c);
    CHECK_EQ_INT(s.first_separation_ms, 20 * S);
    CHECK_EQ_INT(s.longest_separation_ms, 20 * S);
    /* a checkpoint carries the columns as they are so far */
    recordline_src_t src = { .session = &s, .plan = &plan, .start_epoch_ms = T0, .client = "Robin" };
    char line[RECORD_MAX_LINE];
    CHECK(recordline_format(&src, RECORDLINE_CHECKPOINT, 5 * S, line, sizeof line) > 0);
    CHECK(strstr(line, ",interrupted,3,8,Robin,,0,1,0,,20.0,20.0,\n") != NULL);
    plan_free(&plan);
}

static void test_no_client_and_first_time(void)
{
    plan_t plan = parse(PLAN);
    record_row_t row;
    char why[160];
    progress_t p;
    run(&plan, (script_t){ -1, -1 }, "Robin", T0, &row, NULL);
    progress_init(&p, NULL, plan.title);
    progress_feed(&p, &row);
    CHECK(!p.found);
    CHECK_EQ_INT(propose(&p, &plan, why, sizeof why), 20 * S);
    CHECK_EQ_STR(why, "Separations as the plan has them");
    progress_init(&p, "", plan.title);
    progress_feed(&p, &row);
    CHECK(!p.found);
    progress_init(&p, "Robin", plan.title);
    CHECK_EQ_INT(propose(&p, &plan, why, sizeof why), 20 * S);
    CHECK_EQ_STR(why, "Separations as the plan has them (no session yet for Robin)");
    CHECK_EQ_INT(propose(&p, &plan, NULL, 0), 20 * S);
    /* a plan whose separations do not grow runs as written */
    progress_feed(&p, &row);
    CHECK(p.found);
    CHECK_EQ_INT(progress_propose(&p, 20 * S, 0, 3, 0, why, sizeof why), 20 * S);
    CHECK_EQ_STR(why, "Separations as the plan has them");
    plan_free(&plan);
}

static void test_reached_and_reconnect(void)
{
    plan_t plan = parse(PLAN);
    record_row_t row;
    char why[160];
    progress_t p;
    /* no reconnect: today starts where it reached */
    run(&plan, (script_t){ -1, -1 }, "Robin", T0, &row, NULL);
    progress_init(&p, "robin", "CONNECT, separate, connect");
    progress_feed(&p, &row);
    CHECK(p.found && !p.last_reconnect);
    CHECK_EQ_INT(p.last_reached_ms, 60 * S);
    CHECK_EQ_INT(propose(&p, &plan, why, sizeof why), 60 * S);
    CHECK_EQ_STR(why, "Separations today: 1 min to 1 min 40 s; last time up to 1 min, no reconnect");
    /* a reconnect at 40 s, the next day: one step below it (20 s) */
    run(&plan, (script_t){ 4, -1 }, "Robin", T0 + DAY, &row, NULL);
    progress_feed(&p, &row);
    CHECK(p.last_reconnect);
    CHECK_EQ_INT(propose(&p, &plan, why, sizeof why), 20 * S);
    CHECK_EQ_STR(why, "Separations today: 20 s to 1 min; last time a reconnect at 40 s");
    /* a reconnect in the plan's own first: not below it */
    run(&plan, (script_t){ 2, -1 }, "Robin", T0 + 2 * DAY, &row, NULL);
    progress_feed(&p, &row);
    CHECK_EQ_INT(propose(&p, &plan, why, sizeof why), 20 * S);
    CHECK_EQ_STR(why, "Separations today: 20 s to 1 min; last time a reconnect at 20 s");
    /* ... unless the adult had gone below the plan's own: then one step below that, at least 5 s */
    CHECK_EQ_INT(progress_propose(&p, 30 * S, 20 * S, 3, 0, why, sizeof why), 5 * S);
    /* ended with a separation started but none reached, no reconnect: start where it started */
    hand_row(&row, T0 + 3 * DAY, "Robin", plan.title, 80 * S, 0, 0, RECORD_COLUMNS);
    progress_feed(&p, &row);
    CHECK_EQ_INT(propose(&p, &plan, why, sizeof why), 80 * S);
    CHECK_EQ_STR(why, "Separations today: 1 min 20 s to 2 min; last time it ended during the first, "
                      "1 min 20 s, no reconnect");
    plan_free(&plan);
}

static void test_ended_before_separation(void)
{
    plan_t plan = parse(PLAN);
    record_row_t row;
    progress_t p;
    progress_init(&p, "Robin", plan.title);
    run(&plan, (script_t){ -1, -1 }, "Robin", T0, &row, NULL);      /* reached 60 s */
    progress_feed(&p, &row);
    run(&plan, (script_t){ -1, 1 }, "Robin", T0 + DAY, &row, NULL);  /* ended in Together */
    progress_feed(&p, &row);
    CHECK_EQ_INT(p.start_ms, T0);
    CHECK_EQ_INT(propose(&p, &plan, NULL, 0), 60 * S);
    /* and fed first, it is passed over the same way */
    progress_init(&p, "Robin", plan.title);
    progress_feed(&p, &row);
    CHECK(!p.found);
    plan_free(&plan);
}

/* Six days: each day's plan is shifted to the proposal, run, and logged. */
static void test_six_sessions(void)
{
    static const struct {
        int reconnect_round;   /* 0 = none */
        int64_t first;         /* the proposal that day */
    } days[6] = { { 0, 20 }, { 0, 60 }, { 2, 100 }, { 1, 100 }, { 0, 80 }, { 0, 120 } };
    record_row_t rows[6];
    for (int d = 0; d < 6; d++) {
        progress_t p;
        progress_init(&p, "Robin", "Connect, separate, connect");
        for (int k = d - 1; k >= 0; k--)  /* in any order */
            progress_feed(&p, &rows[k]);
        plan_t plan = parse(PLAN);
        int64_t first = propose(&p, &plan, NULL, 0);
        CHECK_EQ_INT(first, days[d].first * S);
        if (first != 20 * S)
            CHECK(plan_shift_separations(&plan, first));
        CHECK_EQ_INT(plan.phases[2].duration_ms, first);
        CHECK_EQ_INT(plan.phases[6].duration_ms, first + 40 * S);
        int r = days[d].reconnect_round;
        run(&plan, (script_t){ r ? 2 * r : -1, -1 }, "Robin", T0 + d * DAY, &rows[d], NULL);
        plan_free(&plan);
    }
}

static void test_grow_max(void)
{
    plan_t plan = parse("[plan]\ntitle = Capped\ngrow_max = 1m30s\n"
                        "[repeat 3]\n[phase Together]\nkind = connect\nduration = 30s\n"
                        "[phase Apart]\nkind = separate\nduration = 20s\ngrow = 40s\n[end repeat]\n");
    CHECK_EQ_INT(plan.grow_max_ms, 90 * S);
    CHECK_EQ_INT(plan.phases[5].duration_ms, 90 * S);  /* 100 s as written, capped */
    record_row_t row;
    char why[160];
    progress_t p;
    progress_init(&p, "Robin", "Capped");
    hand_row(&row, T0, "Robin", "Capped", 60 * S, 80 * S, 0, RECORD_COLUMNS);
    progress_feed(&p, &row);
    CHECK_EQ_INT(propose(&p, &plan, why, sizeof why), 80 * S);
    CHECK_EQ_STR(why, "Separations today: 1 min 20 s to 1 min 30 s; last time up to 1 min 20 s, no reconnect");
    hand_row(&row, T0 + DAY, "Robin", "Capped", 90 * S, 120 * S, 0, RECORD_COLUMNS);
    progress_feed(&p, &row);
    CHECK_EQ_INT(propose(&p, &plan, why, sizeof why), 90 * S);
    CHECK_EQ_STR(why, "Separations today: 1 min 30 s; last time up to 2 min, no reconnect");
    CHECK(plan_shift_separations(&plan, 90 * S));
    CHECK_EQ_INT(plan.phases[1].duration_ms + plan.phases[3].duration_ms + plan.phases[5].duration_ms, 270 * S);
    plan_free(&plan);
}

static void test_two_devices_and_others(void)
{
    plan_t plan = parse(PLAN);
    const char *title = plan.title;
    record_row_t rows[9];
    /* Robin's sessions on two laptops, fed laptop by laptop: 1, 3, 5 then 2, 4 */
    hand_row(&rows[0], T0 + 1 * DAY, "Robin", title, 20 * S, 60 * S, 0, RECORD_COLUMNS);
    hand_row(&rows[1], T0 + 3 * DAY, "Robin", title, 60 * S, 100 * S, 0, RECORD_COLUMNS);
    hand_row(&rows[2], T0 + 5 * DAY, "ROBIN", title, 100 * S, 100 * S, 120 * S, RECORD_COLUMNS);
    hand_row(&rows[3], T0 + 2 * DAY, "Robin", title, 60 * S, 80 * S, 0, RECORD_COLUMNS);
    hand_row(&rows[4], T0 + 4 * DAY, "Robin", title, 100 * S, 140 * S, 0, RECORD_COLUMNS);
    /* later, but another client, another plan, and older rows without the columns */
    hand_row(&rows[5], T0 + 6 * DAY, "Sam", title, 20 * S, 20 * S, 0, RECORD_COLUMNS);
    hand_row(&rows[6], T0 + 6 * DAY, "Robin", "Safe-base dance", 20 * S, 200 * S, 0, RECORD_COLUMNS);
    hand_row(&rows[7], T0 + 7 * DAY, "Robin", title, 0, 0, 0, RECORD_COLUMNS_V2);
    hand_row(&rows[8], T0 + 7 * DAY, "", title, 0, 0, 0, RECORD_COLUMNS_V1);
    char why[160];
    progress_t p;
    progress_init(&p, "Robin", title);
    for (int i = 0; i < 9; i++)
        progress_feed(&p, &rows[i]);
    CHECK_EQ_INT(p.start_ms, T0 + 5 * DAY);
    CHECK(p.last_reconnect);
    CHECK_EQ_INT(propose(&p, &plan, why, sizeof why), 100 * S);
    CHECK_EQ_STR(why, "Separations today: 1 min 40 s to 2 min 20 s; last time a reconnect at 2 min");
    /* the same rows backwards: the same answer */
    progress_t q;
    progress_init(&q, "Robin", title);
    for (int i = 8; i >= 0; i--)
        progress_feed(&q, &rows[i]);
    CHECK_EQ_INT(q.start_ms, p.start_ms);
    CHECK_EQ_INT(propose(&q, &plan, NULL, 0), 100 * S);
    /* only old rows: nothing to go on */
    progress_init(&q, "Robin", title);
    progress_feed(&q, &rows[7]);
    progress_feed(&q, &rows[8]);
    CHECK(!q.found);
    /* Sam has one session of his own */
    progress_init(&q, "sam", title);
    for (int i = 0; i < 9; i++)
        progress_feed(&q, &rows[i]);
    CHECK_EQ_INT(propose(&q, &plan, NULL, 0), 20 * S);
    CHECK(q.found);
    plan_free(&plan);
}

/* A built-in plan read in German is the same plan as its English original: sessions logged
 * under either title count, other plans still do not. */
static void test_other_language(void)
{
    plan_t plan = parse(PLAN);
    record_row_t rows[3];
    hand_row(&rows[0], T0 + 1 * DAY, "Robin", plan.title, 20 * S, 60 * S, 0, RECORD_COLUMNS);
    hand_row(&rows[1], T0 + 2 * DAY, "Robin", "Verbinden, trennen, verbinden", 60 * S, 80 * S, 0, RECORD_COLUMNS);
    hand_row(&rows[2], T0 + 3 * DAY, "Robin", "Safe-base dance", 20 * S, 200 * S, 0, RECORD_COLUMNS);
    progress_t p;
    progress_init(&p, "Robin", "Verbinden, trennen, verbinden");
    progress_feed(&p, &rows[0]);
    CHECK(!p.found); /* the English session is another plan, unless told */
    progress_also(&p, plan.title);
    for (int i = 0; i < 3; i++)
        progress_feed(&p, &rows[i]);
    CHECK(p.found);
    CHECK_EQ_INT(p.start_ms, T0 + 2 * DAY);
    CHECK_EQ_INT(propose(&p, &plan, NULL, 0), 80 * S);
    progress_init(&p, "Robin", "Verbinden, trennen, verbinden");
    progress_also(&p, plan.title);
    progress_feed(&p, &rows[0]);
    CHECK_EQ_INT(propose(&p, &plan, NULL, 0), 60 * S); /* only the English one: it counts */
    plan_free(&plan);
}

int main(void)
{
    test_session_columns();
    test_no_client_and_first_time();
    test_reached_and_reconnect();
    test_ended_before_separation();
    test_six_sessions();
    test_grow_max();
    test_two_devices_and_others();
    test_other_language();
    return check_summary();
}
