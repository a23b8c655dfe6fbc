/* Where a client's separations start today, from the log alone: the latest session of the
 * plan with a separation, and whether a reconnect came in one (docs/separations.md). Never
 * pushes: after a reconnect it steps back. libc only; no clock, no allocation. */
#include "core/log/progress.h"

#include <stdio.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/log/history.h"
#include "core/plan/plan.h"

void progress_init(progress_t *p, const char *client, const char *plan_title)
{
    memset(p, 0, sizeof *p);
    snprintf(p->client, sizeof p->client, "%s", client ? client : "");
    snprintf(p->plan, sizeof p->plan, "%s", plan_title ? plan_title : "");
}

void progress_also(progress_t *p, const char *plan_title)
{
    snprintf(p->plan_also, sizeof p->plan_also, "%s", plan_title ? plan_title : "");
}

void progress_feed(progress_t *p, const record_row_t *row)
{
    if (!p->client[0] || row->nfields < RECORD_COLUMNS || row->first_separation_ms <= 0)
        return;
    if (!history_same_name(row->field[COL_CLIENT], p->client))
        return;
    if (!history_same_name(row->field[COL_PLAN], p->plan) &&
        !(p->plan_also[0] && history_same_name(row->field[COL_PLAN], p->plan_also)))
        return;
    if (p->found && row->started_epoch_ms < p->start_ms)
        return;
    p->found = true;
    p->start_ms = row->started_epoch_ms;
    p->first_ms = row->first_separation_ms;
    p->last_reached_ms = row->longest_separation_ms;
    p->last_reconnect = row->reconnect_separation_ms > 0;
    p->reconnect_at_ms = row->reconnect_separation_ms;
}

static int64_t at_most(int64_t ms, int64_t grow_max_ms)
{
    if (grow_max_ms > 0 && ms > grow_max_ms)
        ms = grow_max_ms;
    return ms < PLAN_MAX_PHASE_MS ? ms : PLAN_MAX_PHASE_MS;
}

/* The start after a reconnect in a separation of length r. */
static int64_t stepped_back(int64_t r, int64_t first_ms, int64_t grow_ms)
{
    int64_t s = r - grow_ms;
    if (s < first_ms && first_ms <= r)
        s = first_ms;   /* one step below, but not below the plan's own first */
    return s;
}

int64_t progress_propose(const progress_t *p, int64_t first_ms, int64_t grow_ms, int rounds,
                         int64_t grow_max_ms, char *why, size_t whysize)
{
    char from[32], to[32], last[32], ignored[8];
    if (!why || whysize == 0) {
        why = ignored;
        whysize = sizeof ignored;
    }
    if (!p->client[0] || grow_ms <= 0 || first_ms <= 0) {
        /* TRANSLATORS: on the ready screen, how long today's separations will be and why */
        snprintf(why, whysize, "%s", _("Separations as the plan has them"));
        return first_ms;
    }
    if (!p->found) {
        /* TRANSLATORS: %s is the client's label */
        snprintf(why, whysize, _("Separations as the plan has them (no session yet for %s)"),
                 p->client);
        return first_ms;
    }
    int64_t s = p->last_reconnect ? stepped_back(p->reconnect_at_ms, first_ms, grow_ms)
                                  : p->last_reached_ms > 0 ? p->last_reached_ms : p->first_ms;
    int64_t least = first_ms < PROGRESS_MIN_MS ? first_ms : PROGRESS_MIN_MS;
    if (s < least)
        s = least;
    s = at_most(s, grow_max_ms);
    int64_t end = at_most(s + grow_ms * (rounds > 1 ? rounds - 1 : 0), grow_max_ms);
    duration_format_length(s, from, sizeof from);
    duration_format_length(end, to, sizeof to);
    char today[80];
    if (end > s)
        /* TRANSLATORS: a range of lengths: "20 s to 1 min" */
        snprintf(today, sizeof today, _("%s to %s"), from, to);
    else
        snprintf(today, sizeof today, "%s", from);
    if (p->last_reconnect)
        /* TRANSLATORS: the first %s is a length or a range ("20 s to 1 min"), the second a
           length: how far into a separation the child came back last time */
        snprintf(why, whysize, _("Separations today: %s; last time a reconnect at %s"), today,
                 duration_format_length(p->reconnect_at_ms, last, sizeof last));
    else if (p->last_reached_ms > 0)
        /* TRANSLATORS: the first %s is a length or a range, the second the longest separation
           reached last time */
        snprintf(why, whysize, _("Separations today: %s; last time up to %s, no reconnect"), today,
                 duration_format_length(p->last_reached_ms, last, sizeof last));
    else
        /* TRANSLATORS: the first %s is a length or a range, the second the length of the first
           separation, during which last time's session ended */
        snprintf(why, whysize, _("Separations today: %s; last time it ended during the first, %s, "
                 "no reconnect"), today, duration_format_length(p->first_ms, last, sizeof last));
    return s;
}
