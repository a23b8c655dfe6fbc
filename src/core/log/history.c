/* Counts sessions for the history view from rows fed one at a time. Keeps only fixed-size
 * summaries (no list of rows), so a log of any length takes the same memory. Never judges:
 * it counts days with a session and never days without. libc only, no clock. */
#include "core/log/history.h"

#include <stdio.h>
#include <string.h>

#include "core/base/utf8.h"

int history_weekday(int day)
{
    int w = (day + 3) % 7; /* 1970-01-01 was a Thursday */
    return w < 0 ? w + 7 : w;
}

bool history_same_name(const char *a, const char *b)
{
    for (;; a++, b++) {
        char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a + 32) : *a;
        char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b + 32) : *b;
        if (x != y)
            return false;
        if (!x)
            return true;
    }
}

void history_init(history_t *h, const history_query_t *q)
{
    memset(h, 0, sizeof *h);
    h->q = *q;
    h->ref_day = q->today;
    if (q->until != HISTORY_NO_DAY && q->until < h->ref_day)
        h->ref_day = q->until;
    h->monday = h->ref_day - history_weekday(h->ref_day);
}


static bool passes_filters(const history_t *h, const record_row_t *row)
{
    return (!h->q.client || history_same_name(row->field[COL_CLIENT], h->q.client)) &&
           (!h->q.plan || history_same_name(row->field[COL_PLAN], h->q.plan));
}

bool history_selects(const history_t *h, const record_row_t *row)
{
    return passes_filters(h, row) && (h->q.since == HISTORY_NO_DAY || row->day >= h->q.since) &&
           (h->q.until == HISTORY_NO_DAY || row->day <= h->q.until);
}

static void count_plan(history_t *h, const char *name, int64_t ms)
{
    for (int i = 0; i < h->nplans; i++) {
        if (strncmp(h->plans[i].name, name, HISTORY_NAME - 1) == 0) {
            h->plans[i].sessions++;
            h->plans[i].ms += ms;
            return;
        }
    }
    if (h->nplans < HISTORY_PLANS) {
        history_plan_t *p = &h->plans[h->nplans++];
        utf8_copy(p->name, sizeof p->name, name);
        p->sessions = 1;
        p->ms = ms;
        return;
    }
    h->other_sessions++;
    h->other_ms += ms;
}

static void summarise(const record_row_t *row, history_session_t *s)
{
    s->started_epoch_ms = row->started_epoch_ms;
    s->day = row->day;
    s->minute = row->minute;
    s->duration_ms = row->duration_ms;
    s->rating = row->rating;
    s->look_backs = row->look_backs;
    utf8_copy(s->outcome, sizeof s->outcome, row->field[COL_OUTCOME]);
    utf8_copy(s->plan, sizeof s->plan, row->field[COL_PLAN]);
    utf8_copy(s->client, sizeof s->client, row->field[COL_CLIENT]);
}

/* Keeps the n best sessions in list (capacity cap), ordered so that list[0] is the best:
 * newest first when newest, oldest first otherwise. Rows mostly come in time order, so most
 * rows are rejected by the first comparison. */
static void keep(history_session_t *list, int *n, int cap, const record_row_t *row, bool newest)
{
    int64_t t = row->started_epoch_ms;
    int i = *n;
    while (i > 0 && (newest ? list[i - 1].started_epoch_ms < t : list[i - 1].started_epoch_ms > t))
        i--;
    if (i >= cap)
        return;
    int last = *n < cap ? *n : cap - 1;
    memmove(&list[i + 1], &list[i], (size_t)(last - i) * sizeof list[0]);
    summarise(row, &list[i]);
    if (*n < cap)
        (*n)++;
}

static void note_client(history_t *h, const char *client)
{
    if (h->sessions == 1)
        utf8_copy(h->client, sizeof h->client, client);
    else if (!history_same_name(h->client, client))
        h->clients_differ = true;
}

bool history_add(history_t *h, const record_row_t *row)
{
    if (!passes_filters(h, row))
        return false;
    int back = h->ref_day - row->day;
    if (back >= 0 && back < HISTORY_DAYS)
        h->daily_ms[HISTORY_DAYS - 1 - back] += row->duration_ms;
    if (row->day >= h->monday && row->day <= h->ref_day) {
        h->week[row->day - h->monday] = true;
        h->week_sessions++;
        h->week_ms += row->duration_ms;
    }
    if (!history_selects(h, row))
        return false;
    h->sessions++;
    h->total_ms += row->duration_ms;
    count_plan(h, row->field[COL_PLAN], row->duration_ms);
    note_client(h, row->field[COL_CLIENT]);
    keep(h->last, &h->nlast, HISTORY_LAST, row, true);
    keep(h->first, &h->nfirst, HISTORY_TREND, row, false);
    return true;
}

static void average(const history_session_t *list, int k, history_trend_t *t)
{
    memset(t, 0, sizeof *t);
    t->sessions = k;
    for (int i = 0; i < k; i++) {
        t->minutes += (double)list[i].duration_ms / 60000.0;
        t->look_backs += list[i].look_backs;
        if (list[i].rating > 0) {
            t->rating += list[i].rating;
            t->rated++;
        }
    }
    if (k > 0) {
        t->minutes /= k;
        t->look_backs /= k;
    }
    if (t->rated > 0)
        t->rating /= t->rated;
}

bool history_trend(const history_t *h, history_trend_t *first, history_trend_t *last)
{
    if (h->clients_differ || !h->client[0] || h->sessions < 2)
        return false;
    int k = (int)(h->sessions / 2 < HISTORY_TREND ? h->sessions / 2 : HISTORY_TREND);
    average(h->first, k, first);
    average(h->last, k, last);
    return true;
}
