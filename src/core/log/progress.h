/* Separations that grow as the child grows comfortable: from one client's sessions of one
 * plan in the log, where today's separations start (docs/separations.md). Rows are fed one at
 * a time, in any order; only the latest session with a separation is kept. libc only: no
 * clock, no file; the log is the only thing it goes on. */
#ifndef SAFEBASE_CORE_PROGRESS_H
#define SAFEBASE_CORE_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/log/record.h"

#define PROGRESS_MIN_MS 5000       /* a proposal is never shorter (unless the plan's own is) */
#define PROGRESS_MAX_TITLE 256     /* bytes kept of the plan title */

typedef struct {
    char client[RECORD_MAX_CLIENT + 1];  /* "" = no client: nothing is kept */
    char plan[PROGRESS_MAX_TITLE];
    char plan_also[PROGRESS_MAX_TITLE]; /* the same plan's title in another language, or "" */
    bool found;                 /* a session of this client and plan with a separation */
    int64_t start_ms;           /* its start, ms since 1970 UTC (the latest such session) */
    int64_t first_ms;           /* its first separation */
    int64_t last_reached_ms;    /* its longest separation reached; 0 = none reached */
    bool last_reconnect;        /* a reconnect came during one of its separations */
    int64_t reconnect_at_ms;    /* the separation it came in */
} progress_t;

/* Starts with nothing found, for the client label and plan title (both matched ASCII
 * case-insensitively, as history does; NULL or "" client: no client). */
void progress_init(progress_t *p, const char *client, const char *plan_title);

/* Counts the plan's sessions logged under another title too: a built-in plan read in the
 * user's language is the same plan as its English original (a session logged in English
 * before the language changed still counts). NULL or "": nothing more. */
void progress_also(progress_t *p, const char *plan_title);

/* Feeds one row of the log (logread's record_row_t). Keeps the latest session by its start
 * time (rows from two devices may come in any order; a tie goes to the row fed last). Rows of
 * another client or plan, rows without the separation columns (older logs) and sessions that
 * had no separation (ended before one started) are passed over. */
void progress_feed(progress_t *p, const record_row_t *row);

/* Today's first separation for the plan (its own first growing separation first_ms, its grow
 * grow_ms and rounds, its grow_max_ms or 0). After a session with no reconnect in a
 * separation: the longest it reached (or where it started, if it reached none). After one
 * with a reconnect: one grow below the separation where it came, but not below first_ms (when
 * the reconnect came below first_ms, because the adult had chosen shorter ones: one grow below
 * it all the same). With no client, no grow or no session yet: first_ms. At least
 * PROGRESS_MIN_MS (or first_ms, if shorter), at most grow_max_ms and PLAN_MAX_PHASE_MS. Fills
 * why (if not NULL) with a sentence for the ready screen, e.g. "Separations today: 1 min to
 * 1 min 40 s; last time up to 1 min, no reconnect". */
int64_t progress_propose(const progress_t *p, int64_t first_ms, int64_t grow_ms, int rounds,
                         int64_t grow_max_ms, char *why, size_t whysize);

#endif
