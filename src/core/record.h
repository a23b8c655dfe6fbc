/* One session as a line of the log: the CSV columns users' spreadsheets depend on.
 * Columns are only ever added at the end, never renamed or reordered.
 * libc only: times come in as numbers (epoch seconds and UTC offset); nothing reads a clock. */
#ifndef SAFEBASE_CORE_RECORD_H
#define SAFEBASE_CORE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RECORD_HEADER "started,ended,plan,planned_seconds,duration_seconds,paused_seconds,outcome,phases_completed,phases_total"
#define RECORD_MAX_LINE 4096

typedef struct {
    int64_t started_epoch_ms;   /* wall clock, ms since 1970 UTC */
    int64_t ended_epoch_ms;
    int utc_offset_s;           /* local offset from UTC at the start, e.g. 3600 for +01:00 */
    const char *plan;           /* plan title, borrowed */
    int64_t planned_ms;
    int64_t duration_ms;        /* active time, pauses excluded */
    int64_t paused_ms;
    const char *outcome;        /* "completed", "ended_early", "interrupted" */
    int phases_completed, phases_total;
} record_t;

/* Writes "YYYY-MM-DDTHH:MM:SS+HH:MM" for epoch_ms at the given offset. Returns buf. */
char *record_format_time(int64_t epoch_ms, int utc_offset_s, char *buf, size_t size);

/* Writes one CSV field, quoted as RFC 4180 says when it holds a comma, quote, CR or LF, or
 * starts or ends with a space. Returns the bytes written (excluding the NUL), or -1 if it does not fit. */
int record_csv_field(const char *value, char *buf, size_t size);

/* Writes the record as one CSV line ending in "\n". Returns its length, or -1 if it does not
 * fit in size bytes (nothing partial is left in buf then). */
int record_format(const record_t *r, char *buf, size_t size);

#endif
