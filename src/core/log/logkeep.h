/* Keeps every session safe from its start to its line in the log: the policy only. Events and
 * now_ms go in; actions come out (save the journal, append this line, tell the user...), the
 * platform carries them out in order and hands each result back. libc only: no clock, no
 * file, no printing; the journal it changes is the platform's, borrowed.
 *
 * The executor, whole (todo starts empty and every call appends to it):
 *
 *     logkeep_action_t a;
 *     while (logkeep_take(&todo, &a)) {
 *         switch (a.kind) {
 *         case LOGKEEP_SAVE_JOURNAL: logkeep_saved(k, journalfile_save(jf, err, n), now, &todo); break;
 *         case LOGKEEP_PROBE: logkeep_probed(k, logfile_probe(log, err, n), now, &todo); break;
 *         case LOGKEEP_APPEND: logkeep_appended(k, logfile_append(log, a.line, err, n), now, &todo); break;
 *         case LOGKEEP_APPEND_ONCE: logkeep_appended_once(k, once(logfile_append_once(log, a.line, err, n)),
 *                                                         now, &todo); break;
 *         case LOGKEEP_LEAVE_END: show the menu; break;
 *         case LOGKEEP_TELL: say a.tell in words (with err, a.count, a.detail); break;
 *         }
 *     }
 */
#ifndef SAFEBASE_CORE_LOGKEEP_H
#define SAFEBASE_CORE_LOGKEEP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/log/journal.h"
#include "core/log/record.h"
#include "core/log/recordline.h"

#define LOGKEEP_CHECKPOINT_MS 5000              /* a running session goes to the journal this often */
#define LOGKEEP_RETRY_MS 30000                  /* records the log refused are tried again this often */
#define LOGKEEP_END_QUIET_MS (3 * 60 * 1000)    /* an unanswered end screen saves itself after this */
#define LOGKEEP_MAX_ACTIONS 32                  /* actions waiting in a list at once (far more than needed) */
#define LOGKEEP_MAX_DETAIL 400

typedef enum {
    LOGKEEP_SAVE_JOURNAL,   /* write the journal (as it is when carried out) to disk; answer logkeep_saved */
    LOGKEEP_PROBE,          /* can the log be written? answer logkeep_probed */
    LOGKEEP_APPEND,         /* append .line to the log; answer logkeep_appended */
    LOGKEEP_APPEND_ONCE,    /* append .line unless the very same line is in the log; answer logkeep_appended_once */
    LOGKEEP_LEAVE_END,      /* leave the end screen for the menu (its record is already taken care of) */
    LOGKEEP_TELL            /* tell the user .tell (words are the platform's) */
} logkeep_do_t;

typedef enum {
    LOGKEEP_TELL_LOG_UNWRITABLE,  /* the probe failed: "the log cannot be written now: this session is kept safe" */
    LOGKEEP_TELL_NOT_IN_LOG,      /* an append failed: "not in the log yet: the session is kept safe (in the journal)" */
    LOGKEEP_TELL_JOURNAL_FAILED,  /* the journal cannot be saved: "the session is only in memory until the log can be written" */
    LOGKEEP_TELL_LOG_BACK,        /* retried records went in: "the log can be written again" (.count of them) */
    LOGKEEP_TELL_KEPT,            /* closing, or recovery stopped: .count records stay in the journal for the next start */
    LOGKEEP_TELL_RECOVERED,       /* recovery added .detail ("a session cut off on 2024-03-04 at 09:30 (Plan, 5 min)") */
    LOGKEEP_TELL_DAMAGED          /* recovery: a damaged record (.detail: why) is left in the journal */
} logkeep_tell_t;

typedef struct {
    logkeep_do_t kind;
    logkeep_tell_t tell;            /* TELL */
    const char *line;               /* APPEND, APPEND_ONCE: borrowed from the keeper, valid until answered */
    int count;                      /* TELL_LOG_BACK, TELL_KEPT: how many records */
    char detail[LOGKEEP_MAX_DETAIL]; /* TELL_RECOVERED, TELL_DAMAGED */
} logkeep_action_t;

/* A queue of actions: calls append, the executor takes from the front. Zero it to start. */
typedef struct {
    logkeep_action_t items[LOGKEEP_MAX_ACTIONS];
    int head, count;                /* items[head .. head + count) wait */
    int dropped;                    /* actions that found no room (a bug: never expected) */
} logkeep_actions_t;

typedef enum { LOGKEEP_ONCE_WRITTEN, LOGKEEP_ONCE_ALREADY_THERE, LOGKEEP_ONCE_FAILED } logkeep_once_t;

/* The session as the platform knows it when it starts. */
typedef struct {
    const session_t *session;       /* borrowed until its record is in the journal as HELD or written */
    const plan_t *plan;             /* borrowed, as long */
    int64_t start_epoch_ms;         /* the wall clock at its start */
    int utc_offset_s;
    const char *client;             /* copied; NULL or "" = none */
    bool ask;                       /* the end screen asks for a rating and note (false: --exit-at-end) */
} logkeep_session_t;

typedef enum { LOGKEEP_IDLE, LOGKEEP_LIVE, LOGKEEP_OPEN, LOGKEEP_RECOVERING } logkeep_state_t;

typedef enum { LOGKEEP_AWAIT_NOTHING, LOGKEEP_AWAIT_APPEND, LOGKEEP_AWAIT_ONCE } logkeep_await_t;

/* The keeper. Caller-owned; fields are private to logkeep.c. */
typedef struct {
    journal_t *journal;             /* borrowed: the platform's, saved by it when asked */
    logkeep_state_t state;          /* IDLE, LIVE (running or paused), OPEN (finished, answer not written) */
    recordline_src_t src;           /* the session (LIVE, OPEN) */
    char client[RECORD_MAX_CLIENT + 1];
    char note[RECORD_MAX_NOTE + 1];
    bool ask;
    bool commit;                    /* the HELD record is to be appended */
    bool retrying;                  /* a pass over the PENDING records is under way */
    int retry_written;
    bool closing, closed;           /* closing asked; its last word said */
    int recover_at, recovered;      /* recovery: the next entry to try */
    logkeep_await_t awaiting;       /* the append whose answer is awaited */
    int told;                       /* the last problem told, -1 = none (each is told once) */
    bool unsaved;                   /* the last save failed: the journal on disk is behind */
    int64_t next_checkpoint_ms, next_retry_ms, last_input_ms;
    char line[RECORD_MAX_LINE];     /* the record being appended (what an APPEND's .line points to) */
    char outside[RECORD_MAX_LINE];  /* a final record the full journal could not take... */
    bool has_outside;               /* ...still to be appended */
    char scratch[RECORD_MAX_LINE];  /* a record being made */
    record_row_t row;               /* recovery: the record being appended, parsed */
} logkeep_t;

/* Starts a keeper on journal (borrowed; the platform's journalfile owns it and saves it when
 * asked). PENDING records it already holds are retried at the first tick. */
void logkeep_init(logkeep_t *k, journal_t *journal);

/* Takes the first waiting action into *a. Returns false when none is left. */
bool logkeep_take(logkeep_actions_t *todo, logkeep_action_t *a);

/* Events. Each appends to *todo what the platform must do, in order. */
void logkeep_started(logkeep_t *k, const logkeep_session_t *s, int64_t now_ms, logkeep_actions_t *todo);
void logkeep_changed(logkeep_t *k, int64_t now_ms, logkeep_actions_t *todo);   /* phase, pause, resume */
void logkeep_finished(logkeep_t *k, int64_t now_ms, logkeep_actions_t *todo);  /* session_t is FINISHED */
/* The end screen took an input; rating (0..5) and note (borrowed for the call) are its answer now. */
void logkeep_answer(logkeep_t *k, int rating, const char *note, int64_t now_ms, logkeep_actions_t *todo);
/* The end screen was answered (Done) or left in any way: its record is written now. */
void logkeep_end_left(logkeep_t *k, int64_t now_ms, logkeep_actions_t *todo);
/* Once per turn of the loop: checkpoints, the quiet timeout, retries. */
void logkeep_tick(logkeep_t *k, int64_t now_ms, logkeep_actions_t *todo);
/* The app is closing: a running session is written as ended_early, an unanswered one as it is;
 * when all is done, TELL_KEPT says what stays in the journal (nothing is said when empty). */
void logkeep_closing(logkeep_t *k, int64_t now_ms, logkeep_actions_t *todo);

/* The next moment (absolute ms) logkeep_tick has something to do, or -1. */
int64_t logkeep_next_deadline(const logkeep_t *k);

/* Answers: the results of the actions carried out. */
void logkeep_saved(logkeep_t *k, bool ok, int64_t now_ms, logkeep_actions_t *todo);
void logkeep_probed(logkeep_t *k, bool ok, int64_t now_ms, logkeep_actions_t *todo);
void logkeep_appended(logkeep_t *k, bool ok, int64_t now_ms, logkeep_actions_t *todo);
void logkeep_appended_once(logkeep_t *k, logkeep_once_t r, int64_t now_ms, logkeep_actions_t *todo);

/* Recovery at the next start: k was just made by logkeep_init on a dead app's journal (read
 * back with journal_decode). Appends each of its records once, oldest first; a damaged one is
 * named and left, a refused one stops it (the rest stays); says what was added; ends with a
 * SAVE_JOURNAL (an empty journal is removed). Answer as above; recovered() counts the writes. */
void logkeep_recover(logkeep_t *k, logkeep_actions_t *todo);

/* Records appended by recovery so far. */
int logkeep_recovered(const logkeep_t *k);

#endif
