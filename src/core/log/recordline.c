/* The session as a record: which times, counts and words go into each column for a
 * checkpoint, a finished session and one ended now. Decides nothing about when. libc only. */
#include "core/log/recordline.h"

#include <stdio.h>
#include <string.h>

#include "core/log/record.h"

/* The note without spaces at its ends, into buf. */
static const char *trimmed(const char *note, char *buf, size_t size)
{
    const char *s = note ? note : "";
    while (*s == ' ')
        s++;
    snprintf(buf, size, "%s", s);
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = '\0';
    return buf;
}

int recordline_format(const recordline_src_t *src, recordline_kind_t kind, int64_t now_ms, char *line,
                      size_t size)
{
    const session_t *s = src->session;
    bool final = kind == RECORDLINE_FINAL;
    char note[RECORD_MAX_NOTE + 1];
    int64_t end = final ? s->ended_ms : now_ms;
    record_t r = {
        .started_epoch_ms = src->start_epoch_ms,
        .ended_epoch_ms = src->start_epoch_ms + (end - s->started_ms),
        .utc_offset_s = src->utc_offset_s,
        .plan = src->plan->title,
        .planned_ms = plan_total_ms(src->plan),
        .duration_ms = session_active_ms(s, end),
        .paused_ms = final ? s->paused_total_ms : session_paused_ms(s, now_ms),
        .outcome = final ? session_outcome_name(s->outcome)
                         : kind == RECORDLINE_ENDED_NOW ? "ended_early" : "interrupted",
        .phases_completed = s->phases_completed,
        .phases_total = src->plan->nphases,
        .client = src->client ? src->client : "",
        .rating = final ? src->rating : 0,
        .look_backs = s->look_backs, .extends = s->extends, .reconnects = s->reconnects,
        .note = final ? trimmed(src->note, note, sizeof note) : NULL,
        .first_separation_ms = s->first_separation_ms,
        .longest_separation_ms = s->longest_separation_ms,
        .reconnect_separation_ms = s->reconnect_separation_ms,
    };
    return record_format(&r, line, size);
}
