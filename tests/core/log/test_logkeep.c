/* Timeline tests of the log keeping policy: a fake clock, a fake log (an array of lines) and a
 * fake journal disk that fail on cue, real sessions driven by session_update. They pin the
 * checkpoint, retry and quiet intervals, append-once on retry, HELD replacing LIVE in one
 * save, an hour of sessions on a failing disk, and recovery after a kill at every step. */
#include "check.h"
#include "core/log/logkeep.h"

#include <stdlib.h>

#define BASE_EPOCH 1709541000000LL  /* 2024-03-04T08:30:00Z */
#define MAX_LOG 512
#define MAX_SESSIONS 64
#define MAX_WINDOWS 16

typedef struct {
    const char *lines[MAX_LOG];
    int n;
} fakelog_t;

typedef struct {
    int64_t from, to;
} window_t;

typedef struct {
    bool started, start_saved, finished, finish_saved;
    int64_t started_ms;
    const char *outcome;
    int rating;
} truth_t;

typedef struct world world_t;
struct world {
    logkeep_t k;
    journal_t j;
    logkeep_actions_t todo;
    int64_t now;
    fakelog_t log;
    char *owned[MAX_LOG];
    int nowned;
    bool log_fails, disk_fails;
    window_t log_win[MAX_WINDOWS], disk_win[MAX_WINDOWS];
    int nlog_win, ndisk_win;
    char *saved;
    int saved_len;
    int kinds[6], tells[8];
    char trace[4096];
    int ntrace;
    void (*on_step)(world_t *w);
    /* the session */
    plan_t plan;
    plan_phase_t phases[3];
    session_t s;
    bool ask, on_end;
    int current;
    truth_t truth[MAX_SESSIONS];
    int nsessions;
    int kills;
};

static bool in_window(const window_t *w, int n, int64_t now)
{
    for (int i = 0; i < n; i++) {
        if (now >= w[i].from && now < w[i].to)
            return true;
    }
    return false;
}

static bool log_fails(const world_t *w)
{
    return w->log_fails || in_window(w->log_win, w->nlog_win, w->now);
}

static bool disk_fails(const world_t *w)
{
    return w->disk_fails || in_window(w->disk_win, w->ndisk_win, w->now);
}

static bool log_has(const fakelog_t *log, const char *line)
{
    for (int i = 0; i < log->n; i++) {
        if (strcmp(log->lines[i], line) == 0)
            return true;
    }
    return false;
}

static void log_add(world_t *w, const char *line)
{
    if (w->log.n >= MAX_LOG)
        return;
    char *copy = malloc(strlen(line) + 1);
    strcpy(copy, line);
    w->owned[w->nowned++] = copy;
    w->log.lines[w->log.n++] = copy;
}

static world_t *world_new(void)
{
    world_t *w = calloc(1, sizeof *w);
    w->saved = malloc(JOURNAL_MAX_BYTES);
    journal_init(&w->j, "0001709541000000-4242", "/home/u/sessions.csv");
    w->saved_len = journal_encode(&w->j, w->saved, JOURNAL_MAX_BYTES);
    logkeep_init(&w->k, &w->j);
    /* Settle 30 s, Play 60 s, Close 30 s */
    const char *names[3] = { "Settle", "Play", "Close" };
    int64_t ms[3] = { 30000, 60000, 30000 };
    for (int i = 0; i < 3; i++) {
        w->phases[i] = (plan_phase_t){ .name = (char *)names[i], .kind = PHASE_SETTLE, .duration_ms = ms[i],
                                       .round = 1, .rounds = 1 };
    }
    w->plan = (plan_t){ .title = (char *)"Special playtime", .fade_ms = 1500, .phases = w->phases, .nphases = 3 };
    w->current = -1;
    return w;
}

static void world_free(world_t *w)
{
    for (int i = 0; i < w->nowned; i++)
        free(w->owned[i]);
    free(w->saved);
    free(w);
}

static void trace(world_t *w, char c)
{
    if (w->ntrace < (int)sizeof w->trace - 1)
        w->trace[w->ntrace++] = c;
    w->trace[w->ntrace] = '\0';
}

static void clear_trace(world_t *w)
{
    w->ntrace = 0;
    w->trace[0] = '\0';
}

/* The platform's executor, with a fake disk and log. */
static void run(world_t *w)
{
    logkeep_t *k = &w->k;
    logkeep_action_t a;
    for (int guard = 0; logkeep_take(&w->todo, &a); guard++) {
        if (guard == 10000) { /* a keeper that never stops asking */
            CHECK(guard < 10000);
            memset(&w->todo, 0, sizeof w->todo);
            break;
        }
        w->kinds[a.kind]++;
        switch (a.kind) {
        case LOGKEEP_SAVE_JOURNAL: {
            bool ok = !disk_fails(w);
            trace(w, ok ? 'S' : 's');
            if (ok) {
                w->saved_len = journal_encode(&w->j, w->saved, JOURNAL_MAX_BYTES);
                if (w->current >= 0 && w->truth[w->current].started)
                    w->truth[w->current].start_saved = true;
                if (w->current >= 0 && w->truth[w->current].finished)
                    w->truth[w->current].finish_saved = true;
            }
            logkeep_saved(k, ok, w->now, &w->todo);
            break;
        }
        case LOGKEEP_PROBE:
            trace(w, 'P');
            logkeep_probed(k, !log_fails(w), w->now, &w->todo);
            break;
        case LOGKEEP_APPEND:
            trace(w, log_fails(w) ? 'a' : 'A');
            if (!log_fails(w))
                log_add(w, a.line);
            logkeep_appended(k, !log_fails(w), w->now, &w->todo);
            break;
        case LOGKEEP_APPEND_ONCE: {
            logkeep_once_t r = log_fails(w) ? LOGKEEP_ONCE_FAILED
                             : log_has(&w->log, a.line) ? LOGKEEP_ONCE_ALREADY_THERE : LOGKEEP_ONCE_WRITTEN;
            trace(w, r == LOGKEEP_ONCE_FAILED ? 'o' : r == LOGKEEP_ONCE_WRITTEN ? 'O' : '=');
            if (r == LOGKEEP_ONCE_WRITTEN)
                log_add(w, a.line);
            logkeep_appended_once(k, r, w->now, &w->todo);
            break;
        }
        case LOGKEEP_LEAVE_END:
            trace(w, 'L');
            w->on_end = false;
            break;
        case LOGKEEP_TELL:
            trace(w, 'T');
            w->tells[a.tell]++;
            break;
        }
        if (w->on_step)
            w->on_step(w);
    }
    CHECK_EQ_INT(w->todo.dropped, 0);
}

/* Steps the session to now with an input and hands its cues to the keeper, as the app does. */
static void step(world_t *w, int64_t now, session_input_t input)
{
    session_cues_t cues;
    w->now = now;
    if (w->s.plan) {
        session_update(&w->s, now, input, &cues);
        for (int i = 0; i < cues.count; i++) {
            switch (cues.items[i].kind) {
            case CUE_STARTED: {
                char label[16];
                snprintf(label, sizeof label, "S%02d", w->current);
                logkeep_session_t info = { &w->s, &w->plan, BASE_EPOCH + now, 3600, label, w->ask };
                w->truth[w->current].started = true;
                w->truth[w->current].started_ms = now;
                logkeep_started(&w->k, &info, now, &w->todo);
                break;
            }
            case CUE_PHASE_CHANGED:
            case CUE_PAUSED:
            case CUE_RESUMED: logkeep_changed(&w->k, now, &w->todo); break;
            case CUE_FINISHED:
                w->truth[w->current].finished = true;
                w->truth[w->current].outcome = session_outcome_name(w->s.outcome);
                w->on_end = w->ask;
                logkeep_finished(&w->k, now, &w->todo);
                break;
            default: break;
            }
            run(w);
        }
    }
    logkeep_tick(&w->k, now, &w->todo);
    run(w);
}

static int64_t sooner(int64_t a, int64_t b)
{
    return a < 0 || (b >= 0 && b < a) ? b : a;
}

/* Lets time pass to `to`, waking at every deadline of the session and the keeper (as the
 * loop sleeps until the next one). */
static void advance(world_t *w, int64_t to)
{
    for (int guard = 0; guard < 100000; guard++) {
        int64_t next = sooner(w->s.plan ? session_next_deadline(&w->s) : -1, logkeep_next_deadline(&w->k));
        if (next < 0 || next > to)
            break;
        step(w, next > w->now ? next : w->now, INPUT_NONE);
    }
    step(w, to, INPUT_NONE);
}

static void begin(world_t *w, int64_t now, bool ask)
{
    w->current = w->nsessions++;
    w->ask = ask;
    session_init(&w->s, &w->plan);
    step(w, now, INPUT_START);
}

static void answer(world_t *w, int64_t now, int rating, const char *note)
{
    w->now = now;
    w->truth[w->current].rating = rating;
    logkeep_answer(&w->k, rating, note, now, &w->todo);
    run(w);
}

static void leave_end(world_t *w, int64_t now)
{
    w->now = now;
    w->on_end = false;
    logkeep_end_left(&w->k, now, &w->todo);
    run(w);
}

static void closing(world_t *w, int64_t now)
{
    w->now = now;
    if (w->current >= 0 && w->truth[w->current].started && !w->truth[w->current].finished) {
        w->truth[w->current].finished = true; /* ended now */
        w->truth[w->current].outcome = "ended_early";
    }
    logkeep_closing(&w->k, now, &w->todo);
    run(w);
}

/* The journal as last saved, read back. */
static bool saved_journal(const world_t *w, journal_t *out)
{
    char err[160];
    return journal_decode(w->saved, (size_t)w->saved_len, out, err, sizeof err);
}

/* Recovery of a journal against a log (both changed): with a log that works. The lines it
 * adds are valid until the next call. */
static int recover(journal_t *j, fakelog_t *log, int *damaged, int *kept)
{
    static char pool[JOURNAL_MAX_ENTRIES][RECORD_MAX_LINE];
    int used = 0;
    static logkeep_t rk;
    static logkeep_actions_t todo;
    logkeep_action_t a;
    logkeep_init(&rk, j);
    memset(&todo, 0, sizeof todo);
    logkeep_recover(&rk, &todo);
    int saves = 0;
    while (logkeep_take(&todo, &a)) {
        if (a.kind == LOGKEEP_APPEND_ONCE) {
            bool there = log_has(log, a.line);
            if (!there && log->n < MAX_LOG && used < JOURNAL_MAX_ENTRIES) {
                snprintf(pool[used], sizeof pool[0], "%s", a.line);
                log->lines[log->n++] = pool[used++];
            }
            logkeep_appended_once(&rk, there ? LOGKEEP_ONCE_ALREADY_THERE : LOGKEEP_ONCE_WRITTEN, 0, &todo);
        } else if (a.kind == LOGKEEP_SAVE_JOURNAL) {
            saves++;
        } else if (a.kind == LOGKEEP_TELL) {
            *damaged += a.tell == LOGKEEP_TELL_DAMAGED;
            *kept += a.tell == LOGKEEP_TELL_KEPT;
        }
    }
    CHECK_EQ_INT(saves, 1);
    return logkeep_recovered(&rk);
}

/* How often session i is in the log, and its last row there. */
static int count_session(const fakelog_t *log, int i, record_row_t *row)
{
    char label[16], err[160];
    int n = 0;
    snprintf(label, sizeof label, ",S%02d,", i);
    for (int l = 0; l < log->n; l++) {
        if (strstr(log->lines[l], label)) {
            n++;
            if (row)
                record_parse(log->lines[l], strlen(log->lines[l]) - 1, row, err, sizeof err);
        }
    }
    return n;
}

/* ---- the record line ---- */

static void test_record_line(void)
{
    world_t *w = world_new();
    session_cues_t c;
    char line[RECORD_MAX_LINE];
    session_init(&w->s, &w->plan);
    session_update(&w->s, 1000, INPUT_START, &c);
    session_update(&w->s, 11000, INPUT_PAUSE, &c);
    recordline_src_t src = { &w->s, &w->plan, BASE_EPOCH, 3600, "Robin", 4, "  a \"good\" one  " };
    CHECK(recordline_format(&src, RECORDLINE_CHECKPOINT, 13000, line, sizeof line) > 0);
    CHECK_EQ_STR(line, "2024-03-04T09:30:00+01:00,2024-03-04T09:30:12+01:00,Special playtime,120.0,10.0,2.0,"
                       "interrupted,0,3,Robin,,0,0,0,,,,\n");
    CHECK(recordline_format(&src, RECORDLINE_ENDED_NOW, 13000, line, sizeof line) > 0);
    CHECK(strstr(line, ",ended_early,0,3,Robin,,0,0,0,,,,\n") != NULL);
    session_update(&w->s, 15000, INPUT_PAUSE, &c);
    session_update(&w->s, 20000, INPUT_END, &c);
    CHECK(recordline_format(&src, RECORDLINE_FINAL, 99000, line, sizeof line) > 0);
    CHECK_EQ_STR(line, "2024-03-04T09:30:00+01:00,2024-03-04T09:30:19+01:00,Special playtime,120.0,15.0,4.0,"
                       "ended_early,0,3,Robin,4,0,0,0,\"a \"\"good\"\" one\",,,\n");
    CHECK_EQ_INT(recordline_format(&src, RECORDLINE_FINAL, 99000, line, 20), -1);
    world_free(w);
}

/* ---- the policy, step by step ---- */

static void test_checkpoints(void)
{
    world_t *w = world_new();
    begin(w, 1000, true);
    CHECK_EQ_STR(w->trace, "PSS"); /* probe, the start's checkpoint, the first phase's */
    CHECK_EQ_INT(w->j.count, 1);
    CHECK_EQ_INT(w->j.items[0].kind, JOURNAL_LIVE);
    CHECK(strstr(w->j.items[0].line, ",interrupted,") != NULL);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 6000);
    clear_trace(w);
    step(w, 5999, INPUT_NONE);
    CHECK_EQ_STR(w->trace, "");
    step(w, 6000, INPUT_NONE);
    CHECK_EQ_STR(w->trace, "S");
    CHECK(strstr(w->j.items[0].line, "Special playtime,120.0,5.0,0.0,interrupted") != NULL);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 11000);
    step(w, 8000, INPUT_PAUSE); /* a change: at once, and the 5 s start again */
    CHECK_EQ_STR(w->trace, "SS");
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 13000);
    step(w, 13000, INPUT_NONE); /* paused: still every 5 s */
    CHECK_EQ_STR(w->trace, "SSS");
    CHECK(strstr(w->j.items[0].line, ",7.0,5.0,interrupted") != NULL);
    step(w, 14000, INPUT_PAUSE);
    step(w, 15000, INPUT_NEXT);
    CHECK_EQ_STR(w->trace, "SSSSS");
    CHECK_EQ_INT(w->j.count, 1);
    CHECK_EQ_INT(w->tells[LOGKEEP_TELL_LOG_UNWRITABLE] + w->tells[LOGKEEP_TELL_JOURNAL_FAILED], 0);
    /* an hour-long session is checkpointed every 5 s, no more */
    world_free(w);
    w = world_new();
    w->phases[1].duration_ms = 3600000;
    begin(w, 0, true);
    clear_trace(w);
    advance(w, 3600000);
    CHECK_EQ_INT(w->kinds[LOGKEEP_SAVE_JOURNAL], 2 + 720); /* the start, then every 5 s (Play's start at 30 s in
                                                               the place of that tick's) */
    world_free(w);
}

/* Finishing puts the HELD record in place of the LIVE one in a single save. */
static void check_held_only(world_t *w)
{
    journal_t *j = malloc(sizeof *j);
    if (w->trace[w->ntrace - 1] == 'S' && saved_journal(w, j)) {
        CHECK(!(journal_find(j, JOURNAL_LIVE) >= 0 && journal_find(j, JOURNAL_HELD) >= 0));
        CHECK(j->count >= 1); /* never a save with neither */
    }
    free(j);
}

static void test_finish_and_answer(void)
{
    world_t *w = world_new();
    begin(w, 1000, true);
    advance(w, 100000);
    clear_trace(w);
    w->on_step = check_held_only;
    step(w, 100500, INPUT_END);
    w->on_step = NULL;
    CHECK_EQ_STR(w->trace, "S");
    CHECK_EQ_INT(w->j.count, 1);
    CHECK_EQ_INT(w->j.items[0].kind, JOURNAL_HELD);
    CHECK(strstr(w->j.items[0].line, ",ended_early,2,3,S00,,0,0,0,,,,\n") != NULL);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 105500);
    answer(w, 101000, 0, "c"); /* a note alone waits for the checkpoint */
    CHECK_EQ_STR(w->trace, "S");
    answer(w, 102000, 4, "ca"); /* a rating goes in at once (with the note so far) */
    CHECK_EQ_STR(w->trace, "SS");
    CHECK(strstr(w->j.items[0].line, ",S00,4,0,0,0,ca,,,\n") != NULL);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 107000);
    answer(w, 103000, 4, "calm");
    step(w, 107000, INPUT_NONE);
    CHECK_EQ_STR(w->trace, "SSS");
    CHECK(strstr(w->j.items[0].line, ",S00,4,0,0,0,calm,,,\n") != NULL);
    step(w, 112000, INPUT_NONE); /* nothing changed: nothing saved */
    CHECK_EQ_STR(w->trace, "SSS");
    answer(w, 113000, 4, "calm!");
    leave_end(w, 114000); /* the answer as it is, in the journal first, then the log */
    CHECK_EQ_STR(w->trace, "SSSSAS");
    CHECK_EQ_INT(w->log.n, 1);
    CHECK(strstr(w->log.n > 0 ? w->log.lines[0] : "", ",S00,4,0,0,0,calm!,,,\n") != NULL);
    CHECK_EQ_INT(w->j.count, 0);
    leave_end(w, 115000); /* once only */
    closing(w, 116000);
    CHECK_EQ_STR(w->trace, "SSSSAS");
    CHECK_EQ_INT(w->log.n, 1);
    CHECK_EQ_INT(w->tells[LOGKEEP_TELL_KEPT], 0);
    world_free(w);
}

static void test_quiet_timeout(void)
{
    world_t *w = world_new();
    begin(w, 0, true);
    advance(w, 130000); /* completed at 120 s */
    CHECK(w->truth[0].finished);
    CHECK(w->on_end);
    answer(w, 150000, 2, "");
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 155000);
    advance(w, 329999); /* three minutes after the last input */
    CHECK(w->on_end);
    CHECK_EQ_INT(w->log.n, 0);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 330000);
    clear_trace(w);
    step(w, 330000, INPUT_NONE);
    CHECK_EQ_STR(w->trace, "ALS");
    CHECK(!w->on_end);
    CHECK_EQ_INT(w->log.n, 1);
    CHECK(strstr(w->log.n > 0 ? w->log.lines[0] : "", ",completed,3,3,S00,2,") != NULL);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), -1);
    /* without the question (--exit-at-end), at once */
    begin(w, 400000, false);
    clear_trace(w);
    advance(w, 520000);
    /* checkpoints every 5 s and at the phases (23), the HELD record, the append, its removal */
    CHECK_EQ_STR(w->trace, "SSSSSSSSSSSSSSSSSSSSSSSSAS");
    CHECK_EQ_INT(w->log.n, 2);
    CHECK(strstr(w->log.n > 1 ? w->log.lines[1] : "", ",completed,3,3,S01,,") != NULL);
    world_free(w);
}

static void test_retry(void)
{
    world_t *w = world_new();
    w->log_fails = true;
    begin(w, 0, true);
    CHECK_EQ_STR(w->trace, "PSTS"); /* (the tell comes after what was asked already) */
    CHECK_EQ_INT(w->tells[LOGKEEP_TELL_LOG_UNWRITABLE], 1);
    step(w, 1000, INPUT_END);
    clear_trace(w);
    leave_end(w, 2000);
    CHECK_EQ_STR(w->trace, "aST"); /* refused: kept as PENDING, said once */
    CHECK_EQ_INT(w->j.count, 1);
    CHECK_EQ_INT(w->j.items[0].kind, JOURNAL_PENDING);
    CHECK_EQ_INT(w->tells[LOGKEEP_TELL_NOT_IN_LOG], 1);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 32000);
    /* a second session, refused too (told again: a new session) */
    begin(w, 10000, true);
    step(w, 11000, INPUT_END);
    leave_end(w, 12000);
    CHECK_EQ_INT(w->tells[LOGKEEP_TELL_LOG_UNWRITABLE], 2);
    CHECK_EQ_INT(w->tells[LOGKEEP_TELL_NOT_IN_LOG], 2);
    CHECK_EQ_INT(w->j.count, 2);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 42000); /* the last refusal set it */
    clear_trace(w);
    advance(w, 41999);
    CHECK_EQ_STR(w->trace, "");
    step(w, 42000, INPUT_NONE);
    CHECK_EQ_STR(w->trace, "o"); /* stops at the first refusal */
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), 72000);
    /* the log comes back; the first record had reached it after all */
    w->log_fails = false;
    log_add(w, w->j.items[0].line);
    clear_trace(w);
    advance(w, 72000);
    CHECK_EQ_STR(w->trace, "=OST"); /* oldest first, each once; saved; said */
    CHECK_EQ_INT(w->tells[LOGKEEP_TELL_LOG_BACK], 1);
    CHECK_EQ_INT(w->log.n, 2);
    CHECK_EQ_INT(count_session(&w->log, 0, NULL), 1);
    CHECK_EQ_INT(count_session(&w->log, 1, NULL), 1);
    CHECK_EQ_INT(w->j.count, 0);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), -1);
    world_free(w);
}

/* A journal full of records the log refused still lets a new session's record reach the log
 * (it cannot be kept in the journal, so it is appended straight away). */
static void test_journal_full(void)
{
    world_t *w = world_new();
    for (int i = 0; i < JOURNAL_MAX_ENTRIES; i++) {
        char line[64];
        snprintf(line, sizeof line, "2024-01-01T10:00:%02d+00:00,kept %d\n", i, i);
        CHECK(journal_put(&w->j, JOURNAL_PENDING, line));
    }
    w->k.next_retry_ms = 1000000; /* (no retry pass in the way) */
    begin(w, 0, true);
    step(w, 1000, INPUT_END);
    leave_end(w, 2000);
    CHECK(w->tells[LOGKEEP_TELL_JOURNAL_FAILED] >= 1);
    CHECK_EQ_INT(w->log.n, 1);
    CHECK_EQ_INT(count_session(&w->log, 0, NULL), 1);
    CHECK_EQ_INT(w->j.count, JOURNAL_MAX_ENTRIES);
    world_free(w);
}

static void test_journal_failure_told_once(void)
{
    world_t *w = world_new();
    w->disk_fails = true;
    begin(w, 0, true);
    advance(w, 60000);
    CHECK(w->kinds[LOGKEEP_SAVE_JOURNAL] > 10);
    CHECK_EQ_INT(w->tells[LOGKEEP_TELL_JOURNAL_FAILED], 1);
    w->disk_fails = false;
    advance(w, 125000);
    leave_end(w, 126000);
    CHECK_EQ_INT(w->log.n, 1); /* kept in memory, and written */
    CHECK_EQ_INT(w->j.count, 0);
    world_free(w);
}

static void test_closing(void)
{
    world_t *w = world_new();
    begin(w, 0, true); /* running at exit: ended early, held, written */
    advance(w, 47000);
    clear_trace(w);
    closing(w, 47000);
    CHECK_EQ_STR(w->trace, "SAS");
    CHECK_EQ_INT(w->log.n, 1);
    CHECK(strstr(w->log.n > 0 ? w->log.lines[0] : "", ",120.0,47.0,0.0,ended_early,1,3,S00,,") != NULL);
    CHECK_EQ_INT(w->j.count, 0);
    world_free(w);

    w = world_new(); /* finished, unanswered: written as it is */
    begin(w, 0, true);
    advance(w, 121000);
    answer(w, 122000, 0, "note");
    clear_trace(w);
    closing(w, 123000);
    CHECK_EQ_STR(w->trace, "SAS");
    CHECK(strstr(w->log.n > 0 ? w->log.lines[0] : "", ",completed,3,3,S00,,0,0,0,note,,,\n") != NULL);
    world_free(w);

    w = world_new(); /* the log refuses: kept for the next start, said */
    begin(w, 0, true);
    w->log_fails = true;
    clear_trace(w);
    closing(w, 3000);
    CHECK_EQ_STR(w->trace, "SaSTT");
    CHECK_EQ_INT(w->tells[LOGKEEP_TELL_KEPT], 1);
    CHECK_EQ_INT(w->j.count, 1);
    CHECK_EQ_INT(w->j.items[0].kind, JOURNAL_PENDING);
    CHECK_EQ_INT(logkeep_next_deadline(&w->k), -1);
    world_free(w);
}

static void test_recovery(void)
{
    world_t *w = world_new();
    journal_t *j = malloc(sizeof *j);
    fakelog_t *log = calloc(1, sizeof *log);
    const char *live = "2024-03-04T09:30:00+01:00,2024-03-04T09:35:00+01:00,Special playtime,900.0,300.0,0.0,interrupted,1,3,Robin,,1,0,0,\n";
    const char *held = "2024-03-04T10:30:00+01:00,2024-03-04T10:45:00+01:00,Special playtime,900.0,900.0,0.0,completed,3,3,Robin,5,2,0,0,\"a \"\"good\"\" one,\nreally\"\n";
    const char *pending = "2024-03-04T08:30:00+01:00,2024-03-04T08:45:00+01:00,Other,900.0,900.0,0.0,completed,3,3,,,0,0,0,\n";
    journal_init(j, "1-1", "/x/sessions.csv");
    journal_put(j, JOURNAL_PENDING, pending);
    journal_put(j, JOURNAL_PENDING, "not,a,record\n");
    journal_put(j, JOURNAL_LIVE, live);
    journal_put(j, JOURNAL_HELD, held);
    log->lines[log->n++] = pending; /* written before the crash */
    int damaged = 0, kept = 0;
    CHECK_EQ_INT(recover(j, log, &damaged, &kept), 2);
    CHECK_EQ_INT(damaged, 1);
    CHECK_EQ_INT(kept, 0);
    CHECK_EQ_INT(log->n, 3);
    CHECK_EQ_STR(log->lines[1], live);
    CHECK_EQ_STR(log->lines[2], held);
    CHECK_EQ_INT(j->count, 1); /* the damaged one stays */
    CHECK_EQ_STR(j->items[0].line, "not,a,record\n");

    /* what recovery says in words, and a refusal that stops it */
    static logkeep_t rk;
    logkeep_actions_t *todo = calloc(1, sizeof *todo);
    logkeep_action_t a;
    journal_init(j, "1-1", "/x/sessions.csv");
    journal_put(j, JOURNAL_LIVE, live);
    journal_put(j, JOURNAL_HELD, held);
    logkeep_init(&rk, j);
    logkeep_recover(&rk, todo);
    CHECK(logkeep_take(todo, &a) && a.kind == LOGKEEP_APPEND_ONCE);
    logkeep_appended_once(&rk, LOGKEEP_ONCE_WRITTEN, 0, todo);
    CHECK(logkeep_take(todo, &a) && a.kind == LOGKEEP_TELL && a.tell == LOGKEEP_TELL_RECOVERED);
    CHECK_EQ_STR(a.detail, "a session cut off on 2024-03-04 at 09:30 (Special playtime, 5 min)");
    CHECK(logkeep_take(todo, &a) && a.kind == LOGKEEP_APPEND_ONCE);
    CHECK_EQ_STR(a.line, held);
    logkeep_appended_once(&rk, LOGKEEP_ONCE_FAILED, 0, todo);
    CHECK(logkeep_take(todo, &a) && a.kind == LOGKEEP_TELL && a.tell == LOGKEEP_TELL_KEPT && a.count == 1);
    CHECK(logkeep_take(todo, &a) && a.kind == LOGKEEP_SAVE_JOURNAL);
    CHECK(!logkeep_take(todo, &a));
    CHECK_EQ_INT(j->count, 1);
    CHECK_EQ_INT(logkeep_recovered(&rk), 1);
    free(todo);
    free(log);
    free(j);
    world_free(w);
}

/* ---- long timelines ---- */

static unsigned rng_state;

static int rnd(int n)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return (int)((rng_state >> 8) % (unsigned)n);
}

static void make_windows(window_t *win, int *n, int count, int64_t span)
{
    *n = count;
    for (int i = 0; i < count; i++) {
        win[i].from = (int64_t)rnd((int)(span / 1000)) * 1000 + rnd(1000);
        win[i].to = win[i].from + 2000 + rnd(240000);
    }
}

/* Sessions one after another for about span ms: paused, skipped, ended early, answered,
 * left, timed out, or not asked. The last one may still run at closing. */
static void sessions(world_t *w, int64_t span)
{
    int64_t t = 1000;
    while (t < span && w->nsessions < MAX_SESSIONS - 1) {
        begin(w, t, rnd(5) != 0);
        for (int n = rnd(4); n > 0 && w->s.state != SESSION_FINISHED; n--) {
            t += 1 + rnd(40000);
            advance(w, t);
            static const session_input_t inputs[] = { INPUT_PAUSE, INPUT_NEXT, INPUT_END, INPUT_LOOK_BACK };
            step(w, t, inputs[rnd(4)]);
        }
        if (w->s.state == SESSION_PAUSED)
            step(w, t += 2000, INPUT_PAUSE);
        if (t + 130000 > span && rnd(2))
            return; /* still running at closing */
        advance(w, t += 125000);
        if (w->s.state != SESSION_FINISHED)
            step(w, t += 10, INPUT_END);
        switch (w->on_end ? rnd(4) : -1) {
        case 0: /* rated, a note typed, Done */
            answer(w, t += 3000, 1 + rnd(5), "went well");
            answer(w, t += 7000, w->truth[w->current].rating, "went well, calm");
            leave_end(w, t += 9000);
            break;
        case 1: /* left at once */
            leave_end(w, t += 500);
            break;
        case 2: /* rated, then left to time out */
            answer(w, t += 2000, 1 + rnd(5), "");
            advance(w, t += LOGKEEP_END_QUIET_MS + 1);
            CHECK(!w->on_end);
            break;
        default: break;
        }
        t += 1000 + rnd(60000);
        advance(w, t);
    }
}

static void test_hour_with_failing_disk(void)
{
    for (unsigned seed = 1; seed <= 4; seed++) {
        world_t *w = world_new();
        rng_state = seed;
        make_windows(w->log_win, &w->nlog_win, 8, 3600000);
        make_windows(w->disk_win, &w->ndisk_win, 8, 3600000);
        sessions(w, 3600000);
        int64_t end = w->now + 1000;
        w->nlog_win = w->ndisk_win = 0; /* closing: whatever is left stays in the journal, saved */
        if (seed % 2)
            w->log_fails = true; /* ...and waits for the next start */
        closing(w, end);
        CHECK(w->nsessions >= 12);
        CHECK(w->tells[LOGKEEP_TELL_NOT_IN_LOG] > 0);
        CHECK(w->tells[LOGKEEP_TELL_LOG_BACK] > 0);
        CHECK(w->tells[LOGKEEP_TELL_JOURNAL_FAILED] > 0);
        CHECK_EQ_INT(w->tells[LOGKEEP_TELL_KEPT], w->j.count > 0);
        journal_t *j = malloc(sizeof *j);
        int damaged = 0, kept = 0;
        CHECK(saved_journal(w, j));
        CHECK_EQ_INT(j->count, w->j.count);
        recover(j, &w->log, &damaged, &kept); /* the next start */
        CHECK_EQ_INT(damaged + kept, 0);
        CHECK_EQ_INT(j->count, 0);
        for (int i = 0; i < w->nsessions; i++) {
            record_row_t *row = malloc(sizeof *row);
            CHECK_EQ_INT(count_session(&w->log, i, row), 1);
            const char *outcome = w->truth[i].finished ? w->truth[i].outcome : "ended_early";
            CHECK_EQ_STR(row->field[COL_OUTCOME], outcome);
            CHECK_EQ_INT(row->rating, w->truth[i].rating);
            free(row);
        }
        free(j);
        world_free(w);
    }
}

/* At this step the app dies: the next start recovers the journal as last saved against the
 * log as it is. Each session is there at most once; every one started is there. */
static void kill_here(world_t *w)
{
    static journal_t dead;
    static fakelog_t log;
    static record_row_t row;
    w->kills++;
    CHECK(saved_journal(w, &dead));
    memcpy(&log, &w->log, sizeof log);
    int damaged = 0, kept = 0;
    recover(&dead, &log, &damaged, &kept);
    CHECK_EQ_INT(damaged + kept + dead.count, 0);
    for (int i = 0; i < w->nsessions; i++) {
        const truth_t *t = &w->truth[i];
        int n = count_session(&log, i, &row);
        if (!t->start_saved) {
            CHECK_EQ_INT(n, 0);
            continue;
        }
        CHECK_EQ_INT(n, 1);
        if (n != 1)
            continue;
        if (t->finish_saved) {
            CHECK_EQ_STR(row.field[COL_OUTCOME], t->outcome);
        } else {
            CHECK_EQ_STR(row.field[COL_OUTCOME], "interrupted");
            int64_t at = t->started_ms + row.duration_ms + row.paused_ms;
            CHECK(w->now - at <= LOGKEEP_CHECKPOINT_MS + 100);
        }
    }
}

static void test_kill_at_every_step(void)
{
    for (unsigned seed = 7; seed <= 8; seed++) {
        world_t *w = world_new();
        rng_state = seed;
        make_windows(w->log_win, &w->nlog_win, 8, 3600000);
        w->on_step = kill_here;
        sessions(w, 3600000);
        if (seed == 8)
            w->nlog_win = 0;
        closing(w, w->now + 1000); /* (with seed 7 the log may refuse: the journal keeps it) */
        CHECK(w->kills > 300);
        CHECK(w->tells[LOGKEEP_TELL_NOT_IN_LOG] > 0);
        CHECK(w->tells[LOGKEEP_TELL_LOG_BACK] > 0);
        if (seed == 8) {
            for (int i = 0; i < w->nsessions; i++)
                CHECK_EQ_INT(count_session(&w->log, i, NULL), 1);
        }
        world_free(w);
    }
}

int main(void)
{
    test_record_line();
    test_checkpoints();
    test_finish_and_answer();
    test_quiet_timeout();
    test_retry();
    test_journal_failure_told_once();
    test_journal_full();
    test_closing();
    test_recovery();
    test_hour_with_failing_disk();
    test_kill_at_every_step();
    return check_summary();
}
