/* One session as a line of the log: the CSV columns users' spreadsheets depend on, written
 * and read back. Columns are only ever added at the end, never renamed or reordered; rows of
 * the older 9- and 15-column forms stay valid. libc only: times come in as numbers; nothing reads a clock. */
#ifndef SAFEBASE_CORE_RECORD_H
#define SAFEBASE_CORE_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RECORD_HEADER_V1 "started,ended,plan,planned_seconds,duration_seconds,paused_seconds,outcome,phases_completed,phases_total"
#define RECORD_HEADER_V2 RECORD_HEADER_V1 ",client,rating,look_backs,extends,reconnects,note"
#define RECORD_HEADER RECORD_HEADER_V2 \
    ",first_separation_seconds,longest_separation_seconds,reconnect_separation_seconds"
#define RECORD_COLUMNS_V1 9
#define RECORD_COLUMNS_V2 15
#define RECORD_COLUMNS 18
#define RECORD_MAX_LINE 4096       /* bytes in one record, its newline included */
#define RECORD_MAX_NOTE 200        /* bytes in a note */
#define RECORD_MAX_CLIENT 64       /* bytes in a client label */

typedef enum {
    COL_STARTED, COL_ENDED, COL_PLAN, COL_PLANNED, COL_DURATION, COL_PAUSED, COL_OUTCOME,
    COL_PHASES_COMPLETED, COL_PHASES_TOTAL,
    COL_CLIENT, COL_RATING, COL_LOOK_BACKS, COL_EXTENDS, COL_RECONNECTS, COL_NOTE,
    COL_FIRST_SEPARATION, COL_LONGEST_SEPARATION, COL_RECONNECT_SEPARATION
} record_column_t;

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
    const char *client;         /* pseudonymous label, borrowed; NULL or "" = none */
    int rating;                 /* 1..5, 0 = not given */
    int look_backs, extends, reconnects;
    const char *note;           /* borrowed; NULL or "" = none */
    /* planned lengths of separate phases (docs/log-format.md); 0 = none (an empty field) */
    int64_t first_separation_ms;     /* the first separate phase that started */
    int64_t longest_separation_ms;   /* the longest one left without a reconnect during it */
    int64_t reconnect_separation_ms; /* the one during which the first reconnect in one came */
} record_t;

/* A record read back from the log. Every field is there as text (the columns an older row
 * lacks are ""), and the ones history and progress need also as numbers. */
typedef struct {
    char text[RECORD_MAX_LINE + RECORD_COLUMNS + 1]; /* the unquoted fields, each NUL-terminated */
    const char *field[RECORD_COLUMNS];   /* into text (or a constant "") */
    int nfields;                         /* 9, 15 or 18, as found */
    int64_t started_epoch_ms;            /* UTC (a time without an offset counts as UTC) */
    int day;                             /* the local date of the start, days since 1970-01-01 */
    int minute;                          /* the local time of the start, minutes after midnight */
    int64_t planned_ms, duration_ms, paused_ms;
    int phases_completed, phases_total;
    int rating;                          /* 0 = none */
    int look_backs, extends, reconnects;
    int64_t first_separation_ms, longest_separation_ms, reconnect_separation_ms; /* 0 = empty */
} record_row_t;

/* Writes "YYYY-MM-DDTHH:MM:SS+HH:MM" for epoch_ms at the given offset. Returns buf. */
char *record_format_time(int64_t epoch_ms, int utc_offset_s, char *buf, size_t size);

/* Writes one CSV field, quoted as RFC 4180 says when it holds a comma, quote, CR or LF, or
 * starts or ends with a space. Returns the bytes written (excluding the NUL), or -1 if it does not fit. */
int record_csv_field(const char *value, char *buf, size_t size);

/* Writes the record as one CSV line of RECORD_COLUMNS fields ending in "\n". Returns its
 * length, or -1 if it does not fit in size bytes (nothing partial is left in buf then). */
int record_format(const record_t *r, char *buf, size_t size);

/* Parses one record (its text without the final newline; quoted fields may hold newlines).
 * Accepts 9, 15 or 18 fields. Returns true with *row filled, or false with the reason (field
 * count, invalid UTF-8, a bad time or number, naming the column) in err. */
bool record_parse(const char *line, size_t len, record_row_t *row, char *err, size_t errsize);

/* True when line[0..len) is the header of any of the three forms. */
bool record_is_header(const char *line, size_t len);

/* Writes a parsed row back as a CSV line of RECORD_COLUMNS fields ending in "\n" (an older
 * row gains empty new columns). Returns its length, or -1 if it does not fit. */
int record_format_row(const record_row_t *row, char *buf, size_t size);

/* Days since 1970-01-01 of a calendar date, and back. */
int record_days_from_civil(int y, int m, int d);
void record_civil_from_days(int64_t days, int *y, int *m, int *d);

/* Parses "YYYY-MM-DD" (a real date) into days since 1970-01-01. Returns false otherwise. */
bool record_parse_date(const char *s, int *day);

/* Checks a client label: 1 to RECORD_MAX_CLIENT bytes of valid UTF-8 without control
 * characters. Returns false with the reason in err. */
bool record_label_ok(const char *label, char *err, size_t errsize);

#endif
