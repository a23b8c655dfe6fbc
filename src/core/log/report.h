/* The printable report: one self-contained HTML page (inline CSS and SVG charts, no script,
 * nothing fetched) of the sessions of one client, or one section per client, built from log
 * rows fed one at a time. Everything from the log is HTML-escaped. libc only, no clock: the
 * date the page is made on is an argument; the page is a growing buffer the caller frees. */
#ifndef SAFEBASE_CORE_REPORT_H
#define SAFEBASE_CORE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/log/history.h"
#include "core/log/record.h"

#define REPORT_NO_DAY HISTORY_NO_DAY   /* since/until not given */
#define REPORT_NAME 128                /* bytes kept of a plan title */
#define REPORT_SEPARATIONS 3           /* first, longest, at the reconnect */

typedef struct {
    int today;            /* the date the page is made on, days since 1970-01-01 */
    int since, until;     /* inclusive days; REPORT_NO_DAY for an open end */
    const char *client;   /* borrowed; NULL = every client, one section each */
    const char *plan;     /* borrowed plan title; NULL = every plan */
} report_query_t;

/* One selected session, as the report keeps it. */
typedef struct {
    int64_t started_epoch_ms;
    int day, minute;                 /* local date and time of the start */
    int64_t duration_ms;
    int rating;                      /* 0 = none */
    int look_backs, extends, reconnects;
    double separation_s[REPORT_SEPARATIONS]; /* first, longest, at the reconnect; < 0 = not logged */
    char outcome[16];
    char plan[REPORT_NAME];
    char client[RECORD_MAX_CLIENT + 1];
    char note[RECORD_MAX_NOTE * 2 + 1];
} report_session_t;

typedef struct {
    report_query_t q;
    report_session_t *sessions;      /* every selected session, in the order fed */
    size_t count, cap;
    bool out_of_memory;              /* a session could not be kept */
    int sep_col[REPORT_SEPARATIONS]; /* the log columns of the separations; -1 = none (yet) */
    long logs_missing;               /* logs that do not exist yet (said on the page) */
} report_t;

/* Starts a report (the query's strings are borrowed and must outlive r). Finds the
 * separation columns by their names in the log's header, when the log has them. */
void report_init(report_t *r, const report_query_t *q);

/* Frees what the report holds. */
void report_free(report_t *r);

/* True when the row passes the client, plan and date filters. */
bool report_selects(const report_t *r, const record_row_t *row);

/* Keeps one row if selected. Returns whether it was kept (false also when out of memory:
 * r->out_of_memory is then set). */
bool report_add(report_t *r, const record_row_t *row);

/* The whole page, NUL-terminated, in a buffer the caller frees; its length in *len when len
 * is not NULL. NULL when out of memory. Sorts the kept sessions by their start. */
char *report_html(report_t *r, size_t *len);

#endif
