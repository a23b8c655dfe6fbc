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

#include "platform/log/logfile.h"

#define CHECKPOINT_MS 5000
#define RETRY_MS 30000
#define END_QUIET_MS (3 * 60 * 1000)   /* an unanswered end screen saves itself after this */
#define CLIENT_TAIL (256 << 10)        /* client labels are looked for in the log's last 256 KiB */

typedef enum { LINE_CHECKPOINT, LINE_FINAL, LINE_ENDED_NOW } line_kind_t;

static volatile sig_atomic_t hangup;
static app_t *live_app; /* for the exit() path (Xlib calls exit() when the display goes) */

static void on_hangup(int sig)
{
    (void)sig;
    hangup = 1;
}

static const char *client_label(const app_t *app)
{
    return app->log.client >= 0 ? app->log.clients[app->log.client] : "";
}

/* The note as typed, without spaces at its ends. */
static const char *trimmed_note(const app_t *app, char *buf, size_t size)
{
    const char *s = app->log.end.note;
    while (*s == ' ')
        s++;
    snprintf(buf, size, "%s", s);
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = '\0';
    return buf;
}

/* The session as one record: at a checkpoint (interrupted), as it finished, or ended now. */
static int record_line(const app_t *app, int64_t now, line_kind_t kind, char *line, size_t size)
{
    const session_t *s = &app->session;
    bool final = kind == LINE_FINAL;
    char note[RECORD_MAX_NOTE + 1];
    int64_t end = final ? s->ended_ms : now;
    record_t r = {
        .started_epoch_ms = app->start_epoch_ms,
        .ended_epoch_ms = app->start_epoch_ms + (end - s->started_ms),
        .utc_offset_s = app->utc_offset_s,
        .plan = app->plan->title,
        .planned_ms = plan_total_ms(app->plan),
        .duration_ms = session_active_ms(s, end),
        .paused_ms = final ? s->paused_total_ms : session_paused_ms(s, now),
        .outcome = final ? session_outcome_name(s->outcome) : kind == LINE_ENDED_NOW ? "ended_early" : "interrupted",
        .phases_completed = s->phases_completed,
        .phases_total = app->plan->nphases,
        .client = client_label(app),
        .rating = final ? app->log.end.rating : 0,
        .look_backs = s->look_backs, .extends = s->extends, .reconnects = s->reconnects,
        .note = final ? trimmed_note(app, note, sizeof note) : NULL,
    };
    return record_format(&r, line, size);
}

/* Shows a problem once (on screen and stderr) until a different one comes. */
static void report(app_t *app, const char *screen, const char *detail, int64_t now)
{
    if (strcmp(app->log.problem, detail) == 0)
        return;
    snprintf(app->log.problem, sizeof app->log.problem, "%s", detail);
    fprintf(stderr, "safebase: %s\n", detail);
    app_banner(app, screen, now, 10000);
    snprintf(app->notice, sizeof app->notice, "%s", screen);
}

static bool save_journal(app_t *app, int64_t now)
{
    char err[600], msg[700];
    if (!app->log.journal_ready)
        return false;
    if (journalfile_save(&app->log.journal, err, sizeof err))
        return true;
    snprintf(msg, sizeof msg, "%s; the session is only in memory until the log can be written", err);
    report(app, "Cannot keep a safety copy of this session (see the terminal)", msg, now);
    return false;
}

static bool session_live(const app_t *app)
{
    return app->plan && (app->session.state == SESSION_RUNNING || app->session.state == SESSION_PAUSED);
}

/* Puts line in the journal as kind and saves it. A held (final) record replaces the
 * running session's checkpoint in the same save. */
static void keep(app_t *app, journal_kind_t kind, const char *line, int64_t now)
{
    journal_t *j = app->log.journal.j;
    if (!app->log.journal_ready)
        return;
    if (kind == JOURNAL_HELD)
        journal_remove(j, journal_find(j, JOURNAL_LIVE));
    if (journal_put(j, kind, line))
        save_journal(app, now);
}

/* Whether the end screen's answer is still to be written. */
static bool answer_open(const app_t *app)
{
    return app->plan && app->screen == SCREEN_END && app->session.state == SESSION_FINISHED && !app->logged;
}

static void checkpoint(app_t *app, int64_t now)
{
    char line[RECORD_MAX_LINE];
    app->log.next_checkpoint_ms = now + CHECKPOINT_MS;
    if (session_live(app) && record_line(app, now, LINE_CHECKPOINT, line, sizeof line) > 0) {
        keep(app, JOURNAL_LIVE, line, now);
    } else if (answer_open(app) && app->log.journal_ready &&
               record_line(app, now, LINE_FINAL, line, sizeof line) > 0) {
        int held = journal_find(app->log.journal.j, JOURNAL_HELD);
        if (held < 0 || strcmp(app->log.journal.j->items[held].line, line) != 0)
            keep(app, JOURNAL_HELD, line, now); /* the rating or the note changed */
    }
}

static void started(app_t *app, int64_t now)
{
    char err[600], msg[700];
    app->logged = false;
    app->log.problem[0] = '\0'; /* each session is told again */
    if (app->log_path[0] && !logfile_probe(app->log_path, err, sizeof err)) {
        snprintf(msg, sizeof msg, "%s; this session is kept safe and will be written later", err);
        report(app, "The log cannot be written now: this session is kept safe", msg, now);
    }
    checkpoint(app, now);
}

/* Appends the session's final record (with the end screen's answer). The journal holds the
 * very same bytes first, so a crash between the two can be recovered without a double. */
void applog_commit(app_t *app, int64_t now)
{
    applog_t *l = &app->log;
    char line[RECORD_MAX_LINE], err[600], msg[5200];
    if (app->logged || !app->plan || app->session.state != SESSION_FINISHED || !app->log_path[0])
        return;
    app->logged = true;
    if (record_line(app, now, LINE_FINAL, line, sizeof line) < 0)
        return;
    keep(app, JOURNAL_HELD, line, now);
    int held = l->journal_ready ? journal_find(l->journal.j, JOURNAL_HELD) : -1;
    if (logfile_append(app->log_path, line, err, sizeof err)) {
        l->end.saved = true;
        if (held >= 0)
            journal_remove(l->journal.j, held);
    } else {
        if (held >= 0)
            l->journal.j->items[held].kind = JOURNAL_PENDING;
        l->next_retry_ms = now + RETRY_MS;
        snprintf(msg, sizeof msg, "%s; the session is kept safe in %s and will be written when the log can be",
                 err, l->journal.path[0] ? l->journal.path : "memory");
        report(app, "Not in the log yet: the session is kept safe (see the terminal)", msg, now);
    }
    save_journal(app, now);
}

static void finished(app_t *app, int64_t now)
{
    char line[RECORD_MAX_LINE];
    endscreen_begin(&app->log.end, !app->opts->exit_at_end, now);
    app->log.next_checkpoint_ms = now + CHECKPOINT_MS;
    if (app->plan && record_line(app, now, LINE_FINAL, line, sizeof line) > 0)
        keep(app, JOURNAL_HELD, line, now);
    if (app->opts->exit_at_end)
        applog_commit(app, now);
    else
        SDL_StartTextInput();
}

/* Tries again the records the log refused. */
static void retry(app_t *app, int64_t now)
{
    journal_t *j = app->log.journal.j;
    char err[600];
    int written = 0;
    for (int i = 0; i < j->count;) {
        if (j->items[i].kind != JOURNAL_PENDING) {
            i++;
        } else if (logfile_append_once(app->log_path, j->items[i].line, err, sizeof err) != LOGFILE_FAILED) {
            journal_remove(j, i);
            written++;
        } else {
            break;
        }
    }
    app->log.next_retry_ms = now + RETRY_MS;
    if (written == 0)
        return;
    save_journal(app, now);
    app->log.problem[0] = app->notice[0] = '\0';
    fprintf(stderr, "safebase: the log can be written again: %d kept session(s) added to %s\n", written, app->log_path);
    app_banner(app, "The log can be written again: kept sessions added", now, 6000);
}

static bool has_pending(const app_t *app)
{
    return app->log.journal_ready && journal_find(app->log.journal.j, JOURNAL_PENDING) >= 0;
}

void applog_tick(app_t *app, int64_t now)
{
    applog_t *l = &app->log;
    if (hangup) {
        hangup = 0;
        SDL_Event quit = { .type = SDL_QUIT };
        SDL_PushEvent(&quit); /* the loop ends the session as for a window close */
    }
    if ((session_live(app) || answer_open(app)) && now >= l->next_checkpoint_ms)
        checkpoint(app, now);
    if (has_pending(app) && now >= l->next_retry_ms)
        retry(app, now);
    if (answer_open(app) && l->end.asking && now - l->end.last_input_ms >= END_QUIET_MS) {
        applog_commit(app, now);
        app_show_menu(app, now);
    }
}

int64_t applog_next_deadline(const app_t *app)
{
    const applog_t *l = &app->log;
    int64_t next = -1;
    if (session_live(app) || answer_open(app))
        next = l->next_checkpoint_ms;
    if (answer_open(app) && l->end.asking && (next < 0 || l->end.last_input_ms + END_QUIET_MS < next))
        next = l->end.last_input_ms + END_QUIET_MS;
    if (has_pending(app) && (next < 0 || l->next_retry_ms < next))
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
    if (live_app)
        applog_close(live_app, (int64_t)SDL_GetTicks64());
}

void applog_open(app_t *app)
{
    applog_t *l = &app->log;
    char id[64], err[600];
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(id, sizeof id, "%013lld-%ld", (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000, (long)getpid());
    l->client = l->history_client = -1;
    if (!app->log_path[0])
        return;
    l->journal_ready = journalfile_init(&l->journal, app->log_path, id);
    logfile_read(app->log_path, CLIENT_TAIL, on_tail_record, l, err, sizeof err);
    if (app->opts->client) {
        add_client(l, app->opts->client);
        l->client = 0;
    }
    struct sigaction sa = { .sa_handler = on_hangup };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    if (!live_app)
        atexit(at_exit);
    live_app = app;
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

void applog_close(app_t *app, int64_t now)
{
    applog_t *l = &app->log;
    char line[RECORD_MAX_LINE], err[600];
    live_app = NULL;
    if (session_live(app) && app->log_path[0] && record_line(app, now, LINE_ENDED_NOW, line, sizeof line) > 0) {
        keep(app, JOURNAL_HELD, line, now); /* ended without the loop seeing it end */
        if (!logfile_append(app->log_path, line, err, sizeof err)) {
            fprintf(stderr, "safebase: %s\n", err);
        } else if (l->journal_ready) {
            journal_remove(l->journal.j, journal_find(l->journal.j, JOURNAL_HELD));
            save_journal(app, now);
        }
    }
    applog_commit(app, now);
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

static void open_history(app_t *app)
{
    applog_t *l = &app->log;
    historyscreen_open(&l->history, app->log_path, l->history_client >= 0 ? l->clients[l->history_client] : NULL);
    app->screen = SCREEN_HISTORY;
}

/* The end screen: the answer goes into the journal as it changes, so a crash keeps it. */
static bool end_event(app_t *app, const SDL_Event *e, action_t act, int x, int y, int64_t now)
{
    applog_t *l = &app->log;
    int rating = l->end.rating;
    endscreen_result_t r = endscreen_event(&l->end, e, act, x, y, &app->draw, now);
    if (r == ENDSCREEN_IGNORED)
        return false;
    if (r == ENDSCREEN_DONE)
        app_show_menu(app, now); /* which writes the record */
    else if (rating != l->end.rating)
        checkpoint(app, now); /* a new note is kept at the next 5 s checkpoint */
    return true;
}

static bool history_event(app_t *app, const SDL_Event *e, action_t act, int64_t now)
{
    applog_t *l = &app->log;
    if (act == ACT_QUIT || act == ACT_HELP || act == ACT_FULLSCREEN)
        return false;
    if (e->type == SDL_KEYDOWN && e->key.keysym.scancode == SDL_SCANCODE_TAB && !e->key.repeat) {
        l->history_client = next_client(l, l->history_client);
        open_history(app);
    } else if (act == ACT_ESCAPE || act == ACT_ENTER || act == ACT_PAUSE || act == ACT_CLICK ||
               (e->type == SDL_KEYDOWN && e->key.keysym.scancode == SDL_SCANCODE_H)) {
        historyscreen_close(&l->history);
        app_show_menu(app, now);
    }
    return true;
}

bool applog_event(app_t *app, const SDL_Event *e, action_t act, int x, int y, int64_t now)
{
    bool key = e->type == SDL_KEYDOWN && !e->key.repeat;
    if (app->help)
        return false;
    switch (app->screen) {
    case SCREEN_END: return end_event(app, e, act, x, y, now) && (app->dirty = true);
    case SCREEN_HISTORY: return history_event(app, e, act, now) && (app->dirty = true);
    case SCREEN_MENU:
        if (!key || e->key.keysym.scancode != SDL_SCANCODE_H || !app->log_path[0])
            return false;
        open_history(app);
        return app->dirty = true;
    case SCREEN_READY:
        if (!key || e->key.keysym.scancode != SDL_SCANCODE_TAB)
            return false;
        app->log.client = next_client(&app->log, app->log.client);
        return app->dirty = true;
    default: return false;
    }
}

bool applog_draw(app_t *app, const draw_overlay_t *o)
{
    applog_t *l = &app->log;
    char hint[160];
    if (app->screen == SCREEN_END) {
        endscreen_draw(&app->draw, &l->end, app->plan, &app->session, o);
        return true;
    }
    if (app->screen != SCREEN_HISTORY)
        return false;
    if (l->history_client >= 0)
        snprintf(hint, sizeof hint, "%s \xC2\xB7 Tab: next client", l->clients[l->history_client]);
    else
        snprintf(hint, sizeof hint, "%s", l->nclients ? "Every client \xC2\xB7 Tab: one client" : "");
    historyscreen_draw(&app->draw, &l->history, hint, o);
    return true;
}

void applog_draw_hints(app_t *app, const draw_overlay_t *o)
{
    draw_t *d = &app->draw;
    int unit = d->w < d->h ? d->w : d->h, px = unit * 3 / 100;
    SDL_Color soft = { 214, 208, 198, 255 };
    char hint[160];
    if (o->help)
        return;
    if (app->screen == SCREEN_MENU && app->log_path[0]) {
        text_draw(d->text, "H: history", px, soft, d->w - d->w / 20, d->h - d->h * 6 / 100, 0, TEXT_RIGHT);
    } else if (app->screen == SCREEN_READY && (app->log.nclients > 0)) {
        if (app->log.client >= 0)
            snprintf(hint, sizeof hint, "Client: %s \xC2\xB7 Tab to change", client_label(app));
        else
            snprintf(hint, sizeof hint, "No client label \xC2\xB7 Tab to choose one");
        text_draw(d->text, hint, px, soft, d->w - d->w / 30, d->h * 3 / 100, 0, TEXT_RIGHT);
    }
}

void applog_on_cue(app_t *app, cue_kind_t kind, int64_t now)
{
    switch (kind) {
    case CUE_STARTED: started(app, now); break;
    case CUE_PHASE_CHANGED:
    case CUE_PAUSED:
    case CUE_RESUMED: checkpoint(app, now); break;
    case CUE_FINISHED: finished(app, now); break;
    default: break;
    }
}
