/* Keeps every session safe from its start to its line in the log. While it runs, a checkpoint
 * (an "interrupted" record) goes to the journal at every change and every 5 s; when it ends,
 * the final record waits in the journal for the end screen's rating and note and is appended
 * when that is answered, after a quiet timeout, or at exit. A log that refuses it leaves it
 * in the journal, to be retried. Decides nothing about the session itself. */
#include "platform/app/applog.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "platform/log/historyprint.h"
#include "platform/log/logfile.h"

#define CHECKPOINT_MS 5000
#define RETRY_MS 30000
#define END_QUIET_MS (3 * 60 * 1000)   /* an unanswered end screen saves itself after this */
#define CLIENT_TAIL (256 << 10)        /* client labels are looked for in the log's last 256 KiB */

typedef enum { LINE_CHECKPOINT, LINE_FINAL, LINE_ENDED_NOW } line_kind_t;

static volatile sig_atomic_t hangup;

/* The exit() path (Xlib calls exit() when the display goes): the one place from which a
 * session still running can then be written. Set by applog_open, cleared by applog_close. */
static struct {
    applog_t *log;
    const run_t *run;
} live;

static void on_hangup(int sig)
{
    (void)sig;
    hangup = 1;
}

static const char *client_label(const applog_t *l)
{
    return l->client >= 0 ? l->clients[l->client] : "";
}

/* The note as typed, without spaces at its ends. */
static const char *trimmed_note(const applog_t *l, char *buf, size_t size)
{
    const char *s = l->end.note;
    while (*s == ' ')
        s++;
    snprintf(buf, size, "%s", s);
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = '\0';
    return buf;
}

/* The session as one record: at a checkpoint (interrupted), as it finished, or ended now. */
static int record_line(const applog_t *l, const run_t *run, int64_t now, line_kind_t kind, char *line,
                       size_t size)
{
    const session_t *s = &run->session;
    bool final = kind == LINE_FINAL;
    char note[RECORD_MAX_NOTE + 1];
    int64_t end = final ? s->ended_ms : now;
    record_t r = {
        .started_epoch_ms = run->start_epoch_ms,
        .ended_epoch_ms = run->start_epoch_ms + (end - s->started_ms),
        .utc_offset_s = run->utc_offset_s,
        .plan = run->plan->title,
        .planned_ms = plan_total_ms(run->plan),
        .duration_ms = session_active_ms(s, end),
        .paused_ms = final ? s->paused_total_ms : session_paused_ms(s, now),
        .outcome = final ? session_outcome_name(s->outcome) : kind == LINE_ENDED_NOW ? "ended_early" : "interrupted",
        .phases_completed = s->phases_completed,
        .phases_total = run->plan->nphases,
        .client = client_label(l),
        .rating = final ? l->end.rating : 0,
        .look_backs = s->look_backs, .extends = s->extends, .reconnects = s->reconnects,
        .note = final ? trimmed_note(l, note, sizeof note) : NULL,
    };
    return record_format(&r, line, size);
}

/* Shows a problem once (on screen and stderr) until a different one comes. */
static void report(applog_t *l, const char *screen, const char *detail, app_request_t *req)
{
    if (strcmp(l->problem, detail) == 0)
        return;
    snprintf(l->problem, sizeof l->problem, "%s", detail);
    fprintf(stderr, "safebase: %s\n", detail);
    if (!req)
        return;
    snprintf(req->banner, sizeof req->banner, "%s", screen);
    req->banner_ms = 10000;
    req->set_notice = true;
    snprintf(req->notice, sizeof req->notice, "%s", screen);
}

static bool save_journal(applog_t *l, app_request_t *req)
{
    char err[600], msg[700];
    if (!l->journal_ready)
        return false;
    if (journalfile_save(&l->journal, err, sizeof err))
        return true;
    snprintf(msg, sizeof msg, "%s; the session is only in memory until the log can be written", err);
    report(l, "Cannot keep a safety copy of this session (see the terminal)", msg, req);
    return false;
}

static bool session_live(const run_t *run)
{
    return run->plan && (run->session.state == SESSION_RUNNING || run->session.state == SESSION_PAUSED);
}

/* Puts line in the journal as kind and saves it. A held (final) record replaces the
 * running session's checkpoint in the same save. */
static void keep(applog_t *l, journal_kind_t kind, const char *line, app_request_t *req)
{
    journal_t *j = l->journal.j;
    if (!l->journal_ready)
        return;
    if (kind == JOURNAL_HELD)
        journal_remove(j, journal_find(j, JOURNAL_LIVE));
    if (journal_put(j, kind, line))
        save_journal(l, req);
}

/* Whether the end screen's answer is still to be written. */
static bool answer_open(const applog_t *l, const run_t *run, screen_t screen)
{
    return run->plan && screen == SCREEN_END && run->session.state == SESSION_FINISHED && !l->logged;
}

static void checkpoint(applog_t *l, const run_t *run, screen_t screen, int64_t now, app_request_t *req)
{
    char line[RECORD_MAX_LINE];
    l->next_checkpoint_ms = now + CHECKPOINT_MS;
    if (session_live(run) && record_line(l, run, now, LINE_CHECKPOINT, line, sizeof line) > 0) {
        keep(l, JOURNAL_LIVE, line, req);
    } else if (answer_open(l, run, screen) && l->journal_ready &&
               record_line(l, run, now, LINE_FINAL, line, sizeof line) > 0) {
        int held = journal_find(l->journal.j, JOURNAL_HELD);
        if (held < 0 || strcmp(l->journal.j->items[held].line, line) != 0)
            keep(l, JOURNAL_HELD, line, req); /* the rating or the note changed */
    }
}

static void started(applog_t *l, const run_t *run, screen_t screen, int64_t now, app_request_t *req)
{
    char err[600], msg[700];
    l->logged = false;
    l->problem[0] = '\0'; /* each session is told again */
    if (l->log_path[0] && !logfile_probe(l->log_path, err, sizeof err)) {
        snprintf(msg, sizeof msg, "%s; this session is kept safe and will be written later", err);
        report(l, "The log cannot be written now: this session is kept safe", msg, req);
    }
    checkpoint(l, run, screen, now, req);
}

/* Appends the session's final record (with the end screen's answer). The journal holds the
 * very same bytes first, so a crash between the two can be recovered without a double. */
void applog_leave_end(applog_t *l, const run_t *run, int64_t now, app_request_t *req)
{
    char line[RECORD_MAX_LINE], err[600], msg[5200];
    if (l->logged || !run->plan || run->session.state != SESSION_FINISHED || !l->log_path[0])
        return;
    l->logged = true;
    if (record_line(l, run, now, LINE_FINAL, line, sizeof line) < 0)
        return;
    keep(l, JOURNAL_HELD, line, req);
    int held = l->journal_ready ? journal_find(l->journal.j, JOURNAL_HELD) : -1;
    if (logfile_append(l->log_path, line, err, sizeof err)) {
        l->end.saved = true;
        if (held >= 0)
            journal_remove(l->journal.j, held);
    } else {
        if (held >= 0)
            l->journal.j->items[held].kind = JOURNAL_PENDING;
        l->next_retry_ms = now + RETRY_MS;
        snprintf(msg, sizeof msg, "%s; the session is kept safe in %s and will be written when the log can be",
                 err, l->journal.path[0] ? l->journal.path : "memory");
        report(l, "Not in the log yet: the session is kept safe (see the terminal)", msg, req);
    }
    save_journal(l, req);
}

static void finished(applog_t *l, const run_t *run, bool exit_at_end, int64_t now, app_request_t *req)
{
    char line[RECORD_MAX_LINE];
    endscreen_begin(&l->end, !exit_at_end, now);
    l->next_checkpoint_ms = now + CHECKPOINT_MS;
    if (run->plan && record_line(l, run, now, LINE_FINAL, line, sizeof line) > 0)
        keep(l, JOURNAL_HELD, line, req);
    if (exit_at_end)
        applog_leave_end(l, run, now, req);
    else
        req->text_input = true;
}

/* Tries again the records the log refused. */
static void retry(applog_t *l, int64_t now, app_request_t *req)
{
    journal_t *j = l->journal.j;
    char err[600];
    int written = 0;
    for (int i = 0; i < j->count;) {
        if (j->items[i].kind != JOURNAL_PENDING) {
            i++;
        } else if (logfile_append_once(l->log_path, j->items[i].line, err, sizeof err) != LOGFILE_FAILED) {
            journal_remove(j, i);
            written++;
        } else {
            break;
        }
    }
    l->next_retry_ms = now + RETRY_MS;
    if (written == 0)
        return;
    save_journal(l, req);
    l->problem[0] = '\0';
    req->set_notice = true;
    req->notice[0] = '\0';
    fprintf(stderr, "safebase: the log can be written again: %d kept session(s) added to %s\n", written, l->log_path);
    snprintf(req->banner, sizeof req->banner, "The log can be written again: kept sessions added");
    req->banner_ms = 6000;
}

static bool has_pending(const applog_t *l)
{
    return l->journal_ready && journal_find(l->journal.j, JOURNAL_PENDING) >= 0;
}

void applog_tick(applog_t *l, const run_t *run, screen_t screen, int64_t now, app_request_t *req)
{
    if (hangup) {
        hangup = 0;
        SDL_Event quit = { .type = SDL_QUIT };
        SDL_PushEvent(&quit); /* the loop ends the session as for a window close */
    }
    if ((session_live(run) || answer_open(l, run, screen)) && now >= l->next_checkpoint_ms)
        checkpoint(l, run, screen, now, req);
    if (has_pending(l) && now >= l->next_retry_ms)
        retry(l, now, req);
    if (answer_open(l, run, screen) && l->end.asking && now - l->end.last_input_ms >= END_QUIET_MS) {
        applog_leave_end(l, run, now, req);
        req->to_menu = true;
    }
}

int64_t applog_next_deadline(const applog_t *l, const run_t *run, screen_t screen)
{
    int64_t next = -1;
    bool open = answer_open(l, run, screen);
    if (session_live(run) || open)
        next = l->next_checkpoint_ms;
    if (open && l->end.asking && (next < 0 || l->end.last_input_ms + END_QUIET_MS < next))
        next = l->end.last_input_ms + END_QUIET_MS;
    if (has_pending(l) && (next < 0 || l->next_retry_ms < next))
        next = l->next_retry_ms;
    return next;
}

/* Puts label first in the list of client labels (once, whatever its case). */
static void add_client(applog_t *l, const char *label)
{
    int at = l->nclients < APPLOG_MAX_CLIENTS ? l->nclients : APPLOG_MAX_CLIENTS - 1;
    for (int i = 0; i < l->nclients; i++) {
        if (history_same_name(l->clients[i], label))
            at = i;
    }
    memmove(l->clients[1], l->clients[0], (size_t)at * sizeof l->clients[0]);
    snprintf(l->clients[0], sizeof l->clients[0], "%s", label);
    if (at == l->nclients)
        l->nclients++;
}

static void on_tail_record(void *ctx, const logread_event_t *ev)
{
    if (ev->kind == LOGREAD_ROW && ev->row->field[COL_CLIENT][0])
        add_client(ctx, ev->row->field[COL_CLIENT]);
}

/* The exit() path while the loop runs (the display went away, a library gave up). */
static void at_exit(void)
{
    if (live.log)
        applog_close(live.log, live.run, (int64_t)SDL_GetTicks64());
}

void applog_open(applog_t *l, const char *log_path, const char *client, const run_t *run)
{
    char id[64], err[600];
    struct timespec ts;
    memset(l, 0, sizeof *l);
    snprintf(l->log_path, sizeof l->log_path, "%s", log_path);
    clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(id, sizeof id, "%013lld-%ld", (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000, (long)getpid());
    l->client = l->history_client = -1;
    if (!l->log_path[0])
        return;
    l->journal_ready = journalfile_init(&l->journal, l->log_path, id);
    logfile_read(l->log_path, CLIENT_TAIL, on_tail_record, l, err, sizeof err);
    if (client) {
        add_client(l, client);
        l->client = 0;
    }
    struct sigaction sa = { .sa_handler = on_hangup };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    if (!live.log && !live.run)
        atexit(at_exit);
    live.log = l;
    live.run = run;
}

/* Records that could be saved nowhere are printed, as a last resort, so they are not lost. */
static void print_unsaved(const applog_t *l)
{
    const journal_t *j = l->journal.j;
    if (j->count == 0)
        return;
    if (l->journal.path[0]) {
        fprintf(stderr, "safebase: %d session(s) are kept in %s and will be added to the log at the next start\n",
                j->count, l->journal.path);
        return;
    }
    fprintf(stderr, "safebase: %d session(s) could not be saved anywhere; here they are as log lines:\n", j->count);
    for (int i = 0; i < j->count; i++)
        fputs(j->items[i].line, stderr);
}

void applog_close(applog_t *l, const run_t *run, int64_t now)
{
    char line[RECORD_MAX_LINE], err[600];
    live.log = NULL;
    if (session_live(run) && l->log_path[0] && record_line(l, run, now, LINE_ENDED_NOW, line, sizeof line) > 0) {
        keep(l, JOURNAL_HELD, line, NULL); /* ended without the loop seeing it end */
        if (!logfile_append(l->log_path, line, err, sizeof err)) {
            fprintf(stderr, "safebase: %s\n", err);
        } else if (l->journal_ready) {
            journal_remove(l->journal.j, journal_find(l->journal.j, JOURNAL_HELD));
            save_journal(l, NULL);
        }
    }
    applog_leave_end(l, run, now, NULL);
    if (l->journal_ready) {
        print_unsaved(l);
        journalfile_free(&l->journal);
    }
    l->journal_ready = false;
    historyscreen_close(&l->history);
}

/* Next label in the list after index i (-1 = none), wrapping through "none". */
static int next_client(const applog_t *l, int i)
{
    return i + 1 < l->nclients ? i + 1 : -1;
}

/* Reads the log into the History screen, for the client chosen there, as of today. */
static void open_history(applog_t *l, app_request_t *req)
{
    historyscreen_t *hs = &l->history;
    historyscreen_close(hs);
    req->set_screen = true;
    req->screen = SCREEN_HISTORY;
    hs->h = malloc(sizeof *hs->h);
    if (!hs->h)
        return;
    history_query_t q = { .today = historyprint_today(), .since = HISTORY_NO_DAY, .until = HISTORY_NO_DAY,
                          .client = l->history_client >= 0 ? l->clients[l->history_client] : NULL };
    history_init(hs->h, &q);
    logfile_read_t r = historyprint_load(l->log_path, hs->h, NULL, stderr, &hs->bad, hs->error, sizeof hs->error);
    hs->missing = r == LOGFILE_READ_MISSING;
    if (r != LOGFILE_READ_FAILED)
        hs->error[0] = '\0';
}

/* The end screen: the answer goes into the journal as it changes, so a crash keeps it. */
static bool end_event(applog_t *l, const run_t *run, const SDL_Event *e, action_t act, int x, int y,
                      const draw_t *d, int64_t now, app_request_t *req)
{
    int rating = l->end.rating;
    endscreen_result_t r = endscreen_event(&l->end, e, act, x, y, d, now);
    if (r == ENDSCREEN_IGNORED)
        return false;
    if (r == ENDSCREEN_DONE)
        req->to_menu = true; /* which writes the record */
    else if (rating != l->end.rating)
        checkpoint(l, run, SCREEN_END, now, req); /* a new note is kept at the next 5 s checkpoint */
    return true;
}

static bool history_event(applog_t *l, const SDL_Event *e, action_t act, app_request_t *req)
{
    if (act == ACT_QUIT || act == ACT_HELP || act == ACT_FULLSCREEN)
        return false;
    if (e->type == SDL_KEYDOWN && e->key.keysym.scancode == SDL_SCANCODE_TAB && !e->key.repeat) {
        l->history_client = next_client(l, l->history_client);
        open_history(l, req);
    } else if (act == ACT_ESCAPE || act == ACT_ENTER || act == ACT_PAUSE || act == ACT_CLICK ||
               (e->type == SDL_KEYDOWN && e->key.keysym.scancode == SDL_SCANCODE_H)) {
        historyscreen_close(&l->history);
        req->to_menu = true;
    }
    return true;
}

bool applog_event(applog_t *l, const run_t *run, screen_t screen, const SDL_Event *e, action_t act, int x,
                  int y, const draw_t *d, int64_t now, app_request_t *req)
{
    bool key = e->type == SDL_KEYDOWN && !e->key.repeat;
    switch (screen) {
    case SCREEN_END: return end_event(l, run, e, act, x, y, d, now, req);
    case SCREEN_HISTORY: return history_event(l, e, act, req);
    case SCREEN_MENU:
        if (!key || e->key.keysym.scancode != SDL_SCANCODE_H || !l->log_path[0])
            return false;
        open_history(l, req);
        return true;
    case SCREEN_READY:
        if (!key || e->key.keysym.scancode != SDL_SCANCODE_TAB)
            return false;
        l->client = next_client(l, l->client);
        return true;
    default: return false;
    }
}

void applog_draw(const applog_t *l, const run_t *run, screen_t screen, draw_t *d, const draw_overlay_t *o)
{
    char hint[160];
    if (screen == SCREEN_END) {
        endscreen_draw(d, &l->end, run->plan, &run->session, o);
        return;
    }
    if (screen != SCREEN_HISTORY)
        return;
    if (l->history_client >= 0)
        snprintf(hint, sizeof hint, "%s \xC2\xB7 Tab: next client", l->clients[l->history_client]);
    else
        snprintf(hint, sizeof hint, "%s", l->nclients ? "Every client \xC2\xB7 Tab: one client" : "");
    historyscreen_draw(d, &l->history, hint, o);
}

void applog_draw_hints(const applog_t *l, screen_t screen, draw_t *d, const draw_overlay_t *o)
{
    int unit = d->w < d->h ? d->w : d->h, px = unit * 3 / 100;
    SDL_Color soft = { 214, 208, 198, 255 };
    char hint[160];
    if (o->help)
        return;
    if (screen == SCREEN_MENU && l->log_path[0]) {
        text_draw(d->text, "H: history", px, soft, d->w - d->w / 20, d->h - d->h * 6 / 100, 0, TEXT_RIGHT);
    } else if (screen == SCREEN_READY && l->nclients > 0) {
        if (l->client >= 0)
            snprintf(hint, sizeof hint, "Client: %s \xC2\xB7 Tab to change", client_label(l));
        else
            snprintf(hint, sizeof hint, "No client label \xC2\xB7 Tab to choose one");
        text_draw(d->text, hint, px, soft, d->w - d->w / 30, d->h * 3 / 100, 0, TEXT_RIGHT);
    }
}

void applog_on_cues(applog_t *l, const run_t *run, const session_cues_t *cues, screen_t screen,
                    bool exit_at_end, int64_t now, app_request_t *req)
{
    for (int i = 0; i < cues->count; i++) {
        switch (cues->items[i].kind) {
        case CUE_STARTED: started(l, run, screen, now, req); break;
        case CUE_PHASE_CHANGED:
        case CUE_PAUSED:
        case CUE_RESUMED: checkpoint(l, run, screen, now, req); break;
        case CUE_FINISHED: finished(l, run, exit_at_end, now, req); break;
        default: break;
        }
    }
}
