/* What the log says about the sessions in a range of days: how many, how many minutes (in
 * all, on average, per plan), which days of a week had one (marks, never a streak), minutes
 * per day for four weeks, the last ten, and for one client how rating, length and look-backs
 * changed. Rows go in one at a time: constant memory for any log. libc only; "today" is an
 * argument. */
#ifndef SAFEBASE_CORE_HISTORY_H
#define SAFEBASE_CORE_HISTORY_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/log/record.h"

#define HISTORY_LAST 10        /* the latest sessions listed */
#define HISTORY_TREND 5        /* sessions compared at each end of one client's sessions */
#define HISTORY_PLANS 16       /* plans counted by name; more go under "other plans" */
#define HISTORY_DAYS 28        /* the bar chart: four weeks */
#define HISTORY_NAME 128       /* bytes kept of a plan title */
#define HISTORY_NO_DAY INT_MIN /* since/until not given */

typedef struct {
    int today;            /* the local date now, days since 1970-01-01 */
    int since, until;     /* inclusive days; HISTORY_NO_DAY for an open end */
    const char *client;   /* borrowed; NULL = every client */
    const char *plan;     /* borrowed plan title; NULL = every plan */
} history_query_t;

typedef struct {
    int64_t started_epoch_ms;
    int day, minute;      /* local date and time of the start */
    int64_t duration_ms;
    int rating;           /* 0 = none */
    int look_backs;
    char outcome[16];
    char plan[HISTORY_NAME];
    char client[RECORD_MAX_CLIENT + 1];
} history_session_t;

typedef struct {
    char name[HISTORY_NAME];
    long sessions;
    int64_t ms;
} history_plan_t;

/* Averages over some sessions of one client. */
typedef struct {
    int sessions, rated;
    double rating, minutes, look_backs;   /* rating averages the rated sessions only */
} history_trend_t;

typedef struct {
    history_query_t q;
    int ref_day;                  /* the day the week and the chart end on: today, or until if earlier */
    int monday;                   /* the Monday of ref_day's week */
    long sessions;                /* in the range, after the filters */
    int64_t total_ms;
    history_plan_t plans[HISTORY_PLANS];
    int nplans;
    long other_sessions;          /* sessions of plans past HISTORY_PLANS */
    int64_t other_ms;
    bool week[7];                 /* Monday first: a session that day */
    long week_sessions;
    int64_t week_ms;
    int64_t daily_ms[HISTORY_DAYS];  /* [HISTORY_DAYS - 1] is ref_day */
    history_session_t last[HISTORY_LAST];   /* newest first */
    int nlast;
    history_session_t first[HISTORY_TREND]; /* oldest first */
    int nfirst;
    char client[RECORD_MAX_CLIENT + 1];     /* the one client label seen, if only one */
    bool clients_differ;          /* more than one label (or none and some) in the selection */
} history_t;

/* Starts counting for a query (its strings are borrowed and must outlive h). */
void history_init(history_t *h, const history_query_t *q);

/* True when the row passes the client and plan filters and lies in the range. */
bool history_selects(const history_t *h, const record_row_t *row);

/* Counts one row. Returns whether it was selected. */
bool history_add(history_t *h, const record_row_t *row);

/* Monday 0 .. Sunday 6 of a day. */
int history_weekday(int day);

/* For one client (h->q.client, or the only label in the selection): the first and the last
 * k sessions, k = min(HISTORY_TREND, sessions / 2). Returns false when there is no single
 * client or fewer than two sessions. */
bool history_trend(const history_t *h, history_trend_t *first, history_trend_t *last);

/* ASCII case-insensitive equality (labels and plan titles are matched this way). */
bool history_same_name(const char *a, const char *b);

#endif
