/* Tests of the history maths with a fake "today": week marks (days with a session, Monday
 * first; nothing counts days without), ranges, client and plan filters, minutes per plan and
 * per day, the last ten in time order, and one client's trend. Rows are made by the real
 * record writer and reader. */
#include "check.h"
#include "core/log/history.h"

#define MIN_MS 60000LL

static int D(int y, int m, int d) { return record_days_from_civil(y, m, d); }

/* A row that started on day at hh:mm (UTC+1), lasting minutes. */
static const record_row_t *row(int day, int hh, int mm, const char *plan, const char *client,
                               double minutes, int rating, int look_backs)
{
    static record_row_t r;
    int64_t start = ((int64_t)day * 86400 + hh * 3600 + mm * 60 - 3600) * 1000;
    record_t rec = {
        .started_epoch_ms = start, .ended_epoch_ms = start + (int64_t)(minutes * MIN_MS),
        .utc_offset_s = 3600, .plan = plan, .planned_ms = 15 * MIN_MS,
        .duration_ms = (int64_t)(minutes * MIN_MS), .outcome = "completed", .phases_completed = 1,
        .phases_total = 1, .client = client, .rating = rating, .look_backs = look_backs,
    };
    char line[1024], err[160];
    int n = record_format(&rec, line, sizeof line);
    bool ok = record_parse(line, (size_t)n - 1, &r, err, sizeof err);
    CHECK(ok);
    return &r;
}

static history_query_t query(int today)
{
    history_query_t q = { .today = today, .since = HISTORY_NO_DAY, .until = HISTORY_NO_DAY };
    return q;
}

static void test_weekday(void)
{
    CHECK_EQ_INT(history_weekday(0), 3);                 /* 1970-01-01: a Thursday */
    CHECK_EQ_INT(history_weekday(D(2024, 3, 4)), 0);     /* a Monday */
    CHECK_EQ_INT(history_weekday(D(2024, 3, 10)), 6);    /* a Sunday */
    CHECK_EQ_INT(history_weekday(D(1969, 12, 29)), 0);   /* before 1970 too */
}

static void test_week_marks(void)
{
    static history_t h;
    history_query_t q = query(D(2024, 3, 6)); /* today: Wednesday */
    history_init(&h, &q);
    CHECK_EQ_INT(h.monday, D(2024, 3, 4));
    history_add(&h, row(D(2024, 3, 3), 18, 0, "Special playtime", "", 15, 0, 0)); /* last Sunday */
    history_add(&h, row(D(2024, 3, 4), 9, 30, "Special playtime", "", 12, 0, 0));
    history_add(&h, row(D(2024, 3, 6), 8, 0, "Special playtime", "", 10, 0, 0));
    history_add(&h, row(D(2024, 3, 6), 19, 0, "Safe-base dance", "", 20, 0, 0));
    bool want[7] = { true, false, true, false, false, false, false };
    CHECK(memcmp(h.week, want, sizeof want) == 0);
    CHECK_EQ_INT(h.week_sessions, 3);
    CHECK_EQ_INT(h.week_ms, 42 * MIN_MS);
    CHECK_EQ_INT(h.sessions, 4);
    CHECK_EQ_INT(h.total_ms, 57 * MIN_MS);
    CHECK_EQ_INT(h.daily_ms[HISTORY_DAYS - 1], 30 * MIN_MS);   /* today */
    CHECK_EQ_INT(h.daily_ms[HISTORY_DAYS - 3], 12 * MIN_MS);   /* Monday */
    CHECK_EQ_INT(h.daily_ms[HISTORY_DAYS - 4], 15 * MIN_MS);   /* Sunday */
    CHECK_EQ_INT(h.daily_ms[HISTORY_DAYS - 2], 0);
    /* a session just after midnight local time counts for that local day, not UTC's */
    history_init(&h, &q);
    history_add(&h, row(D(2024, 3, 5), 0, 30, "Special playtime", "", 10, 0, 0));
    CHECK(h.week[1] && !h.week[0]);
}

static void test_range_and_filters(void)
{
    static history_t h;
    history_query_t q = query(D(2024, 3, 20));
    q.since = D(2024, 3, 1);
    q.until = D(2024, 3, 7);
    q.client = "robin";
    history_init(&h, &q);
    CHECK_EQ_INT(h.ref_day, D(2024, 3, 7)); /* the week shown is the one the range ends in */
    CHECK(!history_add(&h, row(D(2024, 2, 29), 9, 0, "Special playtime", "Robin", 10, 0, 0)));
    CHECK(history_add(&h, row(D(2024, 3, 1), 9, 0, "Special playtime", "Robin", 10, 0, 0)));
    CHECK(history_add(&h, row(D(2024, 3, 7), 9, 0, "Safe-base dance", "ROBIN", 20, 0, 0)));
    CHECK(!history_add(&h, row(D(2024, 3, 8), 9, 0, "Special playtime", "Robin", 10, 0, 0)));
    CHECK(!history_add(&h, row(D(2024, 3, 5), 9, 0, "Special playtime", "Sam", 10, 0, 0)));
    CHECK(!history_add(&h, row(D(2024, 3, 5), 9, 0, "Special playtime", "", 10, 0, 0)));
    CHECK_EQ_INT(h.sessions, 2);
    CHECK_EQ_INT(h.total_ms, 30 * MIN_MS);
    CHECK_EQ_INT(h.nplans, 2);
    CHECK_EQ_STR(h.plans[1].name, "Safe-base dance");
    CHECK_EQ_INT(h.plans[1].ms, 20 * MIN_MS);
    CHECK(h.week[3] && !h.week[4]); /* Thursday the 7th marked; the 8th is past the range */
    q.client = NULL;
    q.plan = "special PLAYTIME";
    history_init(&h, &q);
    history_add(&h, row(D(2024, 3, 5), 9, 0, "Special playtime", "Sam", 10, 0, 0));
    history_add(&h, row(D(2024, 3, 5), 9, 0, "Safe-base dance", "Sam", 10, 0, 0));
    CHECK_EQ_INT(h.sessions, 1);
}

static void test_plans_and_last(void)
{
    static history_t h;
    history_query_t q = query(D(2024, 3, 31));
    history_init(&h, &q);
    char name[32];
    for (int i = 0; i < HISTORY_PLANS + 3; i++) {
        snprintf(name, sizeof name, "Plan %d", i);
        history_add(&h, row(D(2024, 3, 1) + i % 28, 9, i, name, "", 1, 0, 0));
    }
    CHECK_EQ_INT(h.nplans, HISTORY_PLANS);
    CHECK_EQ_INT(h.other_sessions, 3);
    CHECK_EQ_INT(h.other_ms, 3 * MIN_MS);
    CHECK_EQ_INT(h.nlast, HISTORY_LAST);
    CHECK_EQ_INT(h.last[0].day, D(2024, 3, 19));      /* newest first */
    CHECK_EQ_STR(h.last[0].plan, "Plan 18");
    CHECK_EQ_INT(h.last[9].day, D(2024, 3, 10));
    /* a session recovered later (appended out of order) still sorts by its start */
    history_add(&h, row(D(2024, 3, 15), 12, 0, "Recovered", "", 5, 0, 0));
    CHECK_EQ_STR(h.last[4].plan, "Recovered");
    CHECK_EQ_INT(h.last[9].day, D(2024, 3, 11));
    CHECK_EQ_STR(h.first[0].plan, "Plan 0");
}

static void test_trend(void)
{
    static history_t h;
    history_query_t q = query(D(2024, 4, 30));
    history_init(&h, &q);
    /* eight sessions of Robin: longer, better rated, more look-backs as weeks go by */
    for (int i = 0; i < 8; i++)
        history_add(&h, row(D(2024, 4, 1) + i * 3, 10, 0, "Safe-base dance", "Robin", 10 + i,
                            i == 0 ? 0 : 1 + i / 2, i));
    history_trend_t first, last;
    CHECK(history_trend(&h, &first, &last));
    CHECK_EQ_INT(first.sessions, 4);
    CHECK_EQ_INT(last.sessions, 4);
    CHECK_EQ_INT(first.rated, 3);                                 /* the unrated one left out */
    CHECK_EQ_INT((int)(first.rating * 100 + 0.5), 167);           /* (1 + 2 + 2) / 3 */
    CHECK_EQ_INT((int)(last.rating * 100 + 0.5), 350);            /* (3 + 3 + 4 + 4) / 4 */
    CHECK_EQ_INT((int)(first.minutes * 10 + 0.5), 115);           /* 10..13 */
    CHECK_EQ_INT((int)(last.minutes * 10 + 0.5), 155);            /* 14..17 */
    CHECK_EQ_INT((int)(last.look_backs * 10 + 0.5), 55);
    /* two clients mixed: no single trend */
    history_add(&h, row(D(2024, 4, 29), 10, 0, "Safe-base dance", "Sam", 10, 3, 0));
    CHECK(!history_trend(&h, &first, &last));
    /* one session is not a trend */
    history_init(&h, &q);
    history_add(&h, row(D(2024, 4, 1), 10, 0, "Safe-base dance", "Robin", 10, 3, 0));
    CHECK(!history_trend(&h, &first, &last));
}

int main(void)
{
    test_weekday();
    test_week_marks();
    test_range_and_filters();
    test_plans_and_last();
    test_trend();
    return check_summary();
}
