/* The log keeping policy: when a session goes to the journal (LIVE checkpoints, the HELD final
 * record), when it is appended, what a refusal does (PENDING, retried append-once), what the
 * user is told. One append is asked at a time, so a line is never in flight twice.
 * libc only: decides and returns actions; the platform does the I/O and answers. */
#include "core/log/logkeep.h"

#include <stdio.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"

static logkeep_action_t *push(logkeep_actions_t *todo, logkeep_do_t kind)
{
    if (todo->count >= LOGKEEP_MAX_ACTIONS) {
        todo->dropped++;
        return NULL;
    }
    if (todo->head + todo->count >= LOGKEEP_MAX_ACTIONS) { /* room at the front: move up */
        memmove(todo->items, todo->items + todo->head, (size_t)todo->count * sizeof todo->items[0]);
        todo->head = 0;
    }
    logkeep_action_t *a = &todo->items[todo->head + todo->count++];
    memset(a, 0, sizeof *a);
    a->kind = kind;
    return a;
}

bool logkeep_take(logkeep_actions_t *todo, logkeep_action_t *a)
{
    if (todo->count == 0)
        return false;
    *a = todo->items[todo->head++];
    if (--todo->count == 0)
        todo->head = 0;
    return true;
}

static logkeep_action_t *say(logkeep_actions_t *todo, logkeep_tell_t what, int count)
{
    logkeep_action_t *a = push(todo, LOGKEEP_TELL);
    if (a) {
        a->tell = what;
        a->count = count;
    }
    return a;
}

/* Tells a problem once, until another one comes (or the slate is cleaned). */
static void problem(logkeep_t *k, logkeep_actions_t *todo, logkeep_tell_t what)
{
    if (k->told == (int)what)
        return;
    k->told = (int)what;
    say(todo, what, 0);
}

static void save(logkeep_actions_t *todo)
{
    push(todo, LOGKEEP_SAVE_JOURNAL);
}

static bool has_pending(const logkeep_t *k)
{
    return journal_find(k->journal, JOURNAL_PENDING) >= 0;
}

/* The index of the first entry of kind holding exactly line, or -1. */
static int find_line(const journal_t *j, journal_kind_t kind, const char *line)
{
    for (int i = 0; i < j->count; i++) {
        if (j->items[i].kind == kind && strcmp(j->items[i].line, line) == 0)
            return i;
    }
    return -1;
}

void logkeep_init(logkeep_t *k, journal_t *journal)
{
    memset(k, 0, sizeof *k);
    k->journal = journal;
    k->told = -1;
}

/* The session's record into k->scratch. Returns false if it cannot be made. */
static bool make(logkeep_t *k, recordline_kind_t kind, int64_t now)
{
    k->src.client = k->client;
    k->src.note = k->note;
    return recordline_format(&k->src, kind, now, k->scratch, sizeof k->scratch) > 0;
}

/* Puts k->scratch in the journal as kind (HELD replacing LIVE) and asks for one save. */
static void keep(logkeep_t *k, journal_kind_t kind, logkeep_actions_t *todo)
{
    if (kind == JOURNAL_HELD) {
        int held = journal_find(k->journal, JOURNAL_HELD);
        if (held >= 0 && (k->commit || k->awaiting == LOGKEEP_AWAIT_APPEND))
            k->journal->items[held].kind = JOURNAL_PENDING; /* an older one on its way: not replaced */
        journal_remove(k->journal, journal_find(k->journal, JOURNAL_LIVE));
    }
    if (journal_put(k->journal, kind, k->scratch)) {
        save(todo);
        return;
    }
    problem(k, todo, LOGKEEP_TELL_JOURNAL_FAILED);
    if (kind == JOURNAL_HELD) { /* the journal is full: the record waits here to be appended */
        snprintf(k->outside, sizeof k->outside, "%s", k->scratch);
        k->has_outside = true;
    }
}

static void checkpoint(logkeep_t *k, int64_t now, logkeep_actions_t *todo)
{
    k->next_checkpoint_ms = now + LOGKEEP_CHECKPOINT_MS;
    if (k->state == LOGKEEP_LIVE && make(k, RECORDLINE_CHECKPOINT, now)) {
        keep(k, JOURNAL_LIVE, todo);
    } else if (k->state == LOGKEEP_OPEN && make(k, RECORDLINE_FINAL, now)) {
        int held = journal_find(k->journal, JOURNAL_HELD);
        if (held < 0 || strcmp(k->journal->items[held].line, k->scratch) != 0)
            keep(k, JOURNAL_HELD, todo); /* the rating or the note changed */
    }
}

/* Asks for the next append, one at a time: a retry pass runs to its end first (oldest
 * first), then the HELD record; says TELL_KEPT once everything is done at closing. */
static void recover_step(logkeep_t *k, logkeep_actions_t *todo);
static void end_retry(logkeep_t *k, int64_t now, logkeep_actions_t *todo);

static void ask(logkeep_t *k, logkeep_do_t kind, const char *line, logkeep_actions_t *todo)
{
    logkeep_action_t *a = push(todo, kind);
    if (!a)
        return;
    snprintf(k->line, sizeof k->line, "%s", line);
    a->line = k->line;
    k->awaiting = kind == LOGKEEP_APPEND ? LOGKEEP_AWAIT_APPEND : LOGKEEP_AWAIT_ONCE;
}

static void pump(logkeep_t *k, int64_t now, logkeep_actions_t *todo)
{
    const journal_t *j = k->journal;
    if (k->awaiting != LOGKEEP_AWAIT_NOTHING)
        return;
    if (k->state == LOGKEEP_RECOVERING) {
        recover_step(k, todo);
        return;
    }
    if (k->retrying) {
        int i = journal_find(j, JOURNAL_PENDING);
        if (i >= 0) {
            ask(k, LOGKEEP_APPEND_ONCE, j->items[i].line, todo);
            return;
        }
        end_retry(k, now, todo);
    }
    if (k->commit) {
        int i = journal_find(j, JOURNAL_HELD);
        k->commit = i >= 0 || k->has_outside;
        if (i >= 0 || k->has_outside) {
            ask(k, LOGKEEP_APPEND, i >= 0 ? j->items[i].line : k->outside, todo);
            return;
        }
    }
    if (k->closing && !k->closed) {
        k->closed = true;
        if (j->count > 0)
            say(todo, LOGKEEP_TELL_KEPT, j->count);
    }
}

static void end_retry(logkeep_t *k, int64_t now, logkeep_actions_t *todo)
{
    k->retrying = false;
    k->next_retry_ms = now + LOGKEEP_RETRY_MS;
    if (k->retry_written > 0) {
        save(todo);
        k->told = -1;
        say(todo, LOGKEEP_TELL_LOG_BACK, k->retry_written);
    }
    k->retry_written = 0;
}

void logkeep_started(logkeep_t *k, const logkeep_session_t *s, int64_t now, logkeep_actions_t *todo)
{
    if (k->state == LOGKEEP_RECOVERING)
        return;
    int live = journal_find(k->journal, JOURNAL_LIVE);
    if (k->state == LOGKEEP_LIVE && live >= 0 && journal_find(k->journal, JOURNAL_HELD) < 0) {
        k->journal->items[live].kind = JOURNAL_HELD; /* never seen to finish: kept as its last checkpoint */
        k->commit = true;
    } else if (k->state == LOGKEEP_OPEN) {
        k->commit = true; /* its end screen was left unseen: the answer as last kept */
    }
    k->src = (recordline_src_t){ .session = s->session, .plan = s->plan, .start_epoch_ms = s->start_epoch_ms,
                                 .utc_offset_s = s->utc_offset_s };
    snprintf(k->client, sizeof k->client, "%s", s->client ? s->client : "");
    k->note[0] = '\0';
    k->src.rating = 0;
    k->ask = s->ask;
    k->state = LOGKEEP_LIVE;
    k->told = -1; /* each session is told again */
    push(todo, LOGKEEP_PROBE);
    checkpoint(k, now, todo);
    pump(k, now, todo);
}

void logkeep_changed(logkeep_t *k, int64_t now, logkeep_actions_t *todo)
{
    if (k->state == LOGKEEP_LIVE)
        checkpoint(k, now, todo);
}

void logkeep_finished(logkeep_t *k, int64_t now, logkeep_actions_t *todo)
{
    if (k->state != LOGKEEP_LIVE)
        return;
    k->state = LOGKEEP_OPEN;
    k->last_input_ms = now;
    k->next_checkpoint_ms = now + LOGKEEP_CHECKPOINT_MS;
    if (make(k, RECORDLINE_FINAL, now))
        keep(k, JOURNAL_HELD, todo); /* replaces the checkpoint, in the same save */
    if (!k->ask)
        logkeep_end_left(k, now, todo);
}

void logkeep_answer(logkeep_t *k, int rating, const char *note, int64_t now, logkeep_actions_t *todo)
{
    if (k->state != LOGKEEP_OPEN)
        return;
    k->last_input_ms = now;
    snprintf(k->note, sizeof k->note, "%s", note ? note : "");
    if (rating != k->src.rating) {
        k->src.rating = rating;
        checkpoint(k, now, todo); /* a new note waits for the next checkpoint */
    }
}

void logkeep_end_left(logkeep_t *k, int64_t now, logkeep_actions_t *todo)
{
    if (k->state != LOGKEEP_OPEN)
        return;
    checkpoint(k, now, todo); /* the answer as it is now, in the journal before the log */
    k->state = LOGKEEP_IDLE;
    k->commit = true;
    pump(k, now, todo);
}

void logkeep_tick(logkeep_t *k, int64_t now, logkeep_actions_t *todo)
{
    if (k->state == LOGKEEP_RECOVERING)
        return;
    if ((k->state == LOGKEEP_LIVE || k->state == LOGKEEP_OPEN) && now >= k->next_checkpoint_ms)
        checkpoint(k, now, todo);
    if (!k->closing && !k->retrying && (has_pending(k) || k->unsaved) && now >= k->next_retry_ms) {
        k->next_retry_ms = now + LOGKEEP_RETRY_MS;
        if (k->unsaved)
            save(todo); /* a stale journal on disk could bring back a record already written */
        k->retrying = has_pending(k);
        k->retry_written = 0;
    }
    if (k->state == LOGKEEP_OPEN && k->ask && now - k->last_input_ms >= LOGKEEP_END_QUIET_MS) {
        logkeep_end_left(k, now, todo);
        push(todo, LOGKEEP_LEAVE_END);
    }
    pump(k, now, todo);
}

void logkeep_closing(logkeep_t *k, int64_t now, logkeep_actions_t *todo)
{
    if (k->state == LOGKEEP_RECOVERING || k->closing)
        return;
    k->closing = true;
    if (k->unsaved)
        save(todo);
    if (k->state == LOGKEEP_LIVE && make(k, RECORDLINE_ENDED_NOW, now)) {
        keep(k, JOURNAL_HELD, todo); /* ended without the session seeing it end */
        k->state = LOGKEEP_IDLE;
        k->commit = true;
    }
    logkeep_end_left(k, now, todo);
    pump(k, now, todo);
}

static int64_t sooner(int64_t a, int64_t b)
{
    return a < 0 || (b >= 0 && b < a) ? b : a;
}

int64_t logkeep_next_deadline(const logkeep_t *k)
{
    int64_t next = -1;
    if (k->state == LOGKEEP_RECOVERING || k->closing)
        return -1;
    if (k->state == LOGKEEP_LIVE || k->state == LOGKEEP_OPEN)
        next = k->next_checkpoint_ms;
    if (k->state == LOGKEEP_OPEN && k->ask)
        next = sooner(next, k->last_input_ms + LOGKEEP_END_QUIET_MS);
    if (!k->retrying && (has_pending(k) || k->unsaved))
        next = sooner(next, k->next_retry_ms);
    return next;
}

void logkeep_saved(logkeep_t *k, bool ok, int64_t now, logkeep_actions_t *todo)
{
    if (k->state == LOGKEEP_RECOVERING)
        return;
    if (!ok && !k->unsaved)
        k->next_retry_ms = now + LOGKEEP_RETRY_MS;
    k->unsaved = !ok;
    if (!ok)
        problem(k, todo, LOGKEEP_TELL_JOURNAL_FAILED);
}

void logkeep_probed(logkeep_t *k, bool ok, int64_t now, logkeep_actions_t *todo)
{
    (void)now;
    if (!ok)
        problem(k, todo, LOGKEEP_TELL_LOG_UNWRITABLE);
}

void logkeep_appended(logkeep_t *k, bool ok, int64_t now, logkeep_actions_t *todo)
{
    journal_t *j = k->journal;
    if (k->awaiting != LOGKEEP_AWAIT_APPEND)
        return;
    k->awaiting = LOGKEEP_AWAIT_NOTHING;
    k->commit = false;
    int i = find_line(j, JOURNAL_HELD, k->line);
    if (i < 0)
        i = find_line(j, JOURNAL_PENDING, k->line); /* made PENDING meanwhile by a newer HELD */
    if (k->has_outside && i < 0 && strcmp(k->line, k->outside) == 0) {
        k->has_outside = !ok; /* appended, or still only here (the journal is full) */
        if (!ok)
            problem(k, todo, LOGKEEP_TELL_NOT_IN_LOG);
        pump(k, now, todo);
        return;
    }
    if (ok) {
        journal_remove(j, i);
    } else if (i >= 0) {
        j->items[i].kind = JOURNAL_PENDING;
    } else if (!journal_put(j, JOURNAL_PENDING, k->line)) {
        problem(k, todo, LOGKEEP_TELL_JOURNAL_FAILED);
    }
    save(todo);
    if (!ok) {
        k->next_retry_ms = now + LOGKEEP_RETRY_MS;
        problem(k, todo, LOGKEEP_TELL_NOT_IN_LOG);
    }
    pump(k, now, todo);
}

void logkeep_appended_once(logkeep_t *k, logkeep_once_t r, int64_t now, logkeep_actions_t *todo)
{
    journal_t *j = k->journal;
    if (k->awaiting != LOGKEEP_AWAIT_ONCE)
        return;
    k->awaiting = LOGKEEP_AWAIT_NOTHING;
    if (k->state == LOGKEEP_RECOVERING) {
        if (r == LOGKEEP_ONCE_FAILED) {
            say(todo, LOGKEEP_TELL_KEPT, j->count - k->recover_at);
            k->recover_at = j->count; /* stop: the rest waits for the next start */
        } else {
            if (r == LOGKEEP_ONCE_WRITTEN) {
                logkeep_action_t *a = say(todo, LOGKEEP_TELL_RECOVERED, 1);
                const record_row_t *row = &k->row;
                bool cut = j->items[k->recover_at].kind == JOURNAL_LIVE;
                char len[48];
                duration_format_length(row->duration_ms, len, sizeof len);
                if (a && cut)
                    /* TRANSLATORS: a session found after a crash and added to the log, said on the
                       terminal after "added to LOG: ": the date (YYYY-MM-DD), the time (HH:MM),
                       the plan's title and the length */
                    snprintf(a->detail, sizeof a->detail, _("a session cut off on %.10s at %.5s (%s, %s)"),
                             row->field[COL_STARTED], row->field[COL_STARTED] + 11, row->field[COL_PLAN], len);
                else if (a)
                    /* TRANSLATORS: as "a session cut off on...", for a finished session kept from an
                       earlier run; the last %s is how it ended, as the log writes it (completed,
                       ended_early) */
                    snprintf(a->detail, sizeof a->detail, _("a session kept from before on %.10s at %.5s (%s, %s, %s)"),
                             row->field[COL_STARTED], row->field[COL_STARTED] + 11, row->field[COL_PLAN], len,
                             row->field[COL_OUTCOME]);
                k->recovered++;
            }
            journal_remove(j, k->recover_at);
        }
    } else if (r == LOGKEEP_ONCE_FAILED) {
        end_retry(k, now, todo);
    } else {
        journal_remove(j, find_line(j, JOURNAL_PENDING, k->line));
        k->retry_written++;
    }
    pump(k, now, todo);
}

/* Recovery: asks for the next sound record, naming the damaged ones; saves at the end. */
static void recover_step(logkeep_t *k, logkeep_actions_t *todo)
{
    journal_t *j = k->journal;
    char err[LOGKEEP_MAX_DETAIL];
    while (k->recover_at < j->count) {
        const journal_entry_t *e = &j->items[k->recover_at];
        if (record_parse(e->line, (size_t)e->len - 1, &k->row, err, sizeof err)) {
            ask(k, LOGKEEP_APPEND_ONCE, e->line, todo);
            return;
        }
        logkeep_action_t *a = say(todo, LOGKEEP_TELL_DAMAGED, 1);
        if (a)
            snprintf(a->detail, sizeof a->detail, "%s", err);
        k->recover_at++;
    }
    k->state = LOGKEEP_IDLE;
    save(todo); /* an empty journal is removed; else what is left stays */
}

void logkeep_recover(logkeep_t *k, logkeep_actions_t *todo)
{
    k->state = LOGKEEP_RECOVERING;
    k->recover_at = 0;
    k->recovered = 0;
    pump(k, 0, todo);
}

int logkeep_recovered(const logkeep_t *k)
{
    return k->recovered;
}
