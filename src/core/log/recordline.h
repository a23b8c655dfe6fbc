/* How a session becomes one record of the log: at a checkpoint (an "interrupted" record of it
 * so far), as it finished (with the end screen's rating and note), or ended now (at exit).
 * libc only: the times come in as arguments; it reads no clock and keeps nothing. */
#ifndef SAFEBASE_CORE_RECORDLINE_H
#define SAFEBASE_CORE_RECORDLINE_H

#include <stddef.h>
#include <stdint.h>

#include "core/plan/plan.h"
#include "core/session/session.h"

typedef enum {
    RECORDLINE_CHECKPOINT,   /* the session so far, outcome "interrupted" */
    RECORDLINE_FINAL,        /* as it finished: its own outcome, the rating and the note */
    RECORDLINE_ENDED_NOW     /* cut short now (the app is closing): outcome "ended_early" */
} recordline_kind_t;

typedef struct {
    const session_t *session;   /* borrowed; started (and, for FINAL, finished) */
    const plan_t *plan;         /* borrowed */
    int64_t start_epoch_ms;     /* the wall clock when the session started */
    int utc_offset_s;           /* the local offset from UTC then */
    const char *client;         /* borrowed; NULL or "" = none */
    int rating;                 /* FINAL only: 1..5, 0 = none */
    const char *note;           /* FINAL only: as typed (spaces at its ends are dropped); NULL = none */
} recordline_src_t;

/* Writes the session as one log line ending in "\n" into line (now_ms is the session's clock,
 * used by CHECKPOINT and ENDED_NOW). Returns its length, or -1 if it does not fit. */
int recordline_format(const recordline_src_t *src, recordline_kind_t kind, int64_t now_ms, char *line,
                      size_t size);

#endif
