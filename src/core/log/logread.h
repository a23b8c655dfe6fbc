/* Reads a session log as a stream: bytes go in, in chunks of any size, and each record comes
 * out parsed, or as a bad line with the reason and its line number. Memory is constant (one
 * record); nothing is ever changed in the log. libc only: the caller reads the file. */
#ifndef SAFEBASE_CORE_LOGREAD_H
#define SAFEBASE_CORE_LOGREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/log/record.h"

#define LOGREAD_MAX_LINES 20    /* physical lines one quoted record may span */

typedef enum {
    LOGREAD_ROW,      /* .row is a good record */
    LOGREAD_HEADER,   /* a header line of either form (at the top, or pasted in later) */
    LOGREAD_BAD       /* .why says what is wrong; the line is skipped */
} logread_kind_t;

typedef struct {
    logread_kind_t kind;
    long line;                 /* the 1-based line the record starts on */
    const record_row_t *row;   /* LOGREAD_ROW: valid during the callback only */
    const char *why;           /* LOGREAD_BAD */
} logread_event_t;

typedef void (*logread_fn)(void *ctx, const logread_event_t *ev);

typedef struct {
    char line[RECORD_MAX_LINE + 1];   /* a physical line split across chunks */
    size_t line_len;
    bool line_long;                   /* the current physical line is too long: skipped */
    char rec[RECORD_MAX_LINE + 1];    /* a record whose quoted field spans lines */
    size_t rec_len;
    int rec_lines;
    long rec_start;                   /* its first line; 0 when there is none */
    long lineno;                      /* physical lines seen */
    bool seen_record;                 /* a first non-empty line has been seen */
    bool skip_first;                  /* a tail read: the first line is partial and skipped */
    record_row_t row;
    char why[240];
} logread_t;

/* Starts reading. skip_first_line is for reading a tail from the middle of a file: its first
 * (partial) line is dropped without a word. */
void logread_init(logread_t *r, bool skip_first_line);

/* Feeds data[0..len); calls fn for each record completed by it. */
void logread_feed(logread_t *r, const char *data, size_t len, logread_fn fn, void *ctx);

/* Ends the input: a last line without a newline is read too (a torn line is reported bad). */
void logread_finish(logread_t *r, logread_fn fn, void *ctx);

#endif
