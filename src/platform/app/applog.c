/* Carries out the log keeping that core/log/logkeep.c decides: the journal saved, records
 * appended, the log probed, the user told, the end screen left. Also the end screen's answer,
 * the History screen, the client labels used before, and the SIGHUP and exit() paths. Decides
 * nothing about when to write what (logkeep does), nor about the session. */
#include "platform/app/applog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/base/translate.h"
#include "platform/log/historyprint.h"
#include "platform/log/logdir.h"
#include "platform/log/logfile.h"
#include "platform/log/reportprint.h"
#include "platform/sys/i18n.h"
#include "platform/sys/options.h"
#include "platform/sys/osproc.h"
#include "platform/sys/paths.h"
#include "platform/sys/savefile.h"

#define CLIENT_TAIL (256 << 10)        /* client labels are looked for in the log's last 256 KiB */

/* The exit() path (Xlib calls exit() when the display goes): the one place from which a
 * session still running can then be written. Set by applog_open, cleared by applog_close. */
static applog_t *live;

static const char *client_label(const applog_t *l)
{
    return l->client >= 0 ? l->clients[l->client] : "";
}

const char *applog_client(const applog_t *l)
{
    return client_label(l);
}

int applog_clients(const applog_t *l)
{
    return l->nclients;
}

/* Shows a problem on screen (when there is one: req) and says it with its reason on stderr. */
static void report(const char *screen, const char *detail, app_request_t *req)
{
    i18n_say(stderr, "%s", detail);
    if (!req)
        return;
    snprintf(req->banner, sizeof req->banner, "%s", screen);
    req->banner_ms = 10000;
    req->set_notice = true;
    snprintf(req->notice, sizeof req->notice, "%s", screen);
}

/* Records that could be saved nowhere are printed, as a last resort, so they are not lost. */
static void print_unsaved(const applog_t *l)
{
    const journal_t *j = l->journal.j;
    if (j->count == 0)
        return;
    if (l->journal.path[0]) {
        /* TRANSLATORS: on closing, when the log cannot be written: %2$s is the journal */
        i18n_say(stderr, P_("%d session is kept in %s and will be added to the log at the next start",
                            "%d sessions are kept in %s and will be added to the log at the next start", j->count),
                 j->count, l->journal.path);
        return;
    }
    /* TRANSLATORS: on closing, when neither the log nor the journal can be written: the
       sessions are printed below as lines of the log */
    i18n_say(stderr, P_("%d session could not be saved anywhere; here it is as a log line:",
                        "%d sessions could not be saved anywhere; here they are as log lines:", j->count), j->count);
    for (int i = 0; i < j->count; i++)
        fputs(j->items[i].line, stderr);
}

/* Why the last call of each kind failed (the words logkeep's tells add). */
typedef struct {
    char probe[600], append[600], save[600];
} reasons_t;

/* Says what logkeep wants said. */
static void tell_user(const applog_t *l, const logkeep_action_t *a, const reasons_t *why, app_request_t *req)
{
    char msg[5200];
    switch (a->tell) {
    case LOGKEEP_TELL_LOG_UNWRITABLE:
        /* TRANSLATORS: on the terminal: %s says why the log cannot be written */
        snprintf(msg, sizeof msg, _("%s; this session is kept safe and will be written later"), why->probe);
        /* TRANSLATORS: a banner and a notice on screen while the log cannot be written */
        report(_("The log cannot be written now: this session is kept safe"), msg, req);
        break;
    case LOGKEEP_TELL_NOT_IN_LOG:
        if (l->journal.path[0])
            /* TRANSLATORS: on the terminal: %1$s says why the log cannot be written, %2$s is the
               journal that keeps the session */
            snprintf(msg, sizeof msg, _("%s; the session is kept safe in %s and will be written when the log can be"),
                     why->append, l->journal.path);
        else
            /* TRANSLATORS: on the terminal: %s says why the log cannot be written */
            snprintf(msg, sizeof msg, _("%s; the session is kept safe in memory and will be written when the log can be"),
                     why->append);
        /* TRANSLATORS: a banner and a notice on screen while the log cannot be written */
        report(_("Not in the log yet: the session is kept safe (see the terminal)"), msg, req);
        break;
    case LOGKEEP_TELL_JOURNAL_FAILED:
        /* TRANSLATORS: on the terminal: %s says why the journal cannot be written */
        snprintf(msg, sizeof msg, _("%s; the session is only in memory until the log can be written"),
                 why->save[0] ? why->save : _("the journal is full (sessions the log refused fill it)"));
        /* TRANSLATORS: a banner and a notice on screen when the journal cannot be written */
        report(_("Cannot keep a safety copy of this session (see the terminal)"), msg, req);
        break;
    case LOGKEEP_TELL_LOG_BACK:
        /* TRANSLATORS: on the terminal: %2$s is the log */
        i18n_say(stderr, P_("the log can be written again: %d kept session added to %s",
                            "the log can be written again: %d kept sessions added to %s", a->count), a->count,
                 l->log_path);
        if (req) {
            req->set_notice = true;
            req->notice[0] = '\0';
            /* TRANSLATORS: a banner */
            snprintf(req->banner, sizeof req->banner, "%s", _("The log can be written again: kept sessions added"));
            req->banner_ms = 6000;
        }
        break;
    case LOGKEEP_TELL_KEPT: print_unsaved(l); break;
    case LOGKEEP_TELL_RECOVERED:
    case LOGKEEP_TELL_DAMAGED: break; /* (recovery's, said by journalfile_recover) */
    }
}

/* Carries out logkeep's actions in order, handing each result back, until none is left. */
static void carry_out(applog_t *l, logkeep_actions_t *todo, int64_t now, app_request_t *req)
{
    logkeep_t *k = &l->keep;
    logkeep_action_t a;
    reasons_t why = { "", "", "" };
    logfile_result_t once;
    bool ok;
    while (logkeep_take(todo, &a)) {
        switch (a.kind) {
        case LOGKEEP_SAVE_JOURNAL:
            logkeep_saved(k, journalfile_save(&l->journal, why.save, sizeof why.save), now, todo);
            break;
        case LOGKEEP_PROBE: logkeep_probed(k, logfile_probe(l->log_path, why.probe, sizeof why.probe), now, todo); break;
        case LOGKEEP_APPEND:
            ok = logfile_append(l->log_path, a.line, why.append, sizeof why.append);
            l->end.saved |= ok;
            logkeep_appended(k, ok, now, todo);
            break;
        case LOGKEEP_APPEND_ONCE:
            once = logfile_append_once(l->log_path, a.line, why.append, sizeof why.append);
            logkeep_appended_once(k, logfile_once_kept(once), now, todo);
            break;
        case LOGKEEP_LEAVE_END:
            if (req)
                req->to_menu = true;
            break;
        case LOGKEEP_TELL: tell_user(l, &a, &why, req); break;
        }
    }
}

void applog_leave_end(applog_t *l, int64_t now, app_request_t *req)
{
    logkeep_actions_t todo = { 0 };
    l->end_unkept = false;
    if (!l->keeping)
        return;
    logkeep_end_left(&l->keep, now, &todo);
    carry_out(l, &todo, now, req);
}

void applog_tick(applog_t *l, int64_t now, app_request_t *req)
{
    logkeep_actions_t todo = { 0 };
    if (osproc_stop_asked()) {
        SDL_Event quit = { .type = SDL_QUIT };
        SDL_PushEvent(&quit); /* the loop ends the session as for a window close */
    }
    if (!l->keeping) { /* no log: only the end screen's quiet timeout (logkeep's, with a log) */
        if (l->end_unkept && now - l->end.last_input_ms >= LOGKEEP_END_QUIET_MS) {
            l->end_unkept = false;
            req->to_menu = true;
        }
        return;
    }
    logkeep_tick(&l->keep, now, &todo);
    carry_out(l, &todo, now, req);
}

int64_t applog_next_deadline(const applog_t *l)
{
    if (!l->keeping)
        return l->end_unkept ? l->end.last_input_ms + LOGKEEP_END_QUIET_MS : -1;
    return logkeep_next_deadline(&l->keep);
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

void applog_set_client(applog_t *l, const char *label)
{
    if (!label || !*label) {
        l->client = -1;
        return;
    }
    add_client(l, label);
    l->client = 0;
}

static void on_tail_record(void *ctx, const logread_event_t *ev)
{
    if (ev->kind == LOGREAD_ROW && ev->row->field[COL_CLIENT][0])
        add_client(ctx, ev->row->field[COL_CLIENT]);
}

static void on_dir_tail_record(void *ctx, const char *path, const logread_event_t *ev)
{
    (void)path;
    on_tail_record(ctx, ev);
}

/* The client labels in the log's tail, or in every device's file of its shared folder. */
static void read_clients(applog_t *l)
{
    char err[600], dir[4096];
    char(*paths)[LOGDIR_PATH] = NULL;
    int n;
    if (!logdir_of(l->log_path, dir, sizeof dir)) {
        logfile_read(l->log_path, CLIENT_TAIL, on_tail_record, l, err, sizeof err);
    } else if ((paths = malloc(LOGDIR_MAX_FILES * sizeof *paths)) &&
               (n = logdir_list(dir, paths, LOGDIR_MAX_FILES, err, sizeof err)) > 0) {
        logdir_read(paths, n, CLIENT_TAIL, on_dir_tail_record, l, NULL, NULL);
    }
    free(paths);
}

typedef struct {
    logread_fn fn;
    void *ctx;
} recent_t;

static void on_dir_recent(void *ctx, const char *path, const logread_event_t *ev)
{
    const recent_t *r = ctx;
    (void)path;
    r->fn(r->ctx, ev);
}

void applog_read_recent(const applog_t *l, logread_fn fn, void *ctx)
{
    char err[600], dir[4096];
    char(*paths)[LOGDIR_PATH] = NULL;
    int n;
    recent_t r = { fn, ctx };
    if (!l->log_path[0])
        return;
    if (!logdir_of(l->log_path, dir, sizeof dir)) {
        logfile_read(l->log_path, CLIENT_TAIL, fn, ctx, err, sizeof err);
    } else if ((paths = malloc(LOGDIR_MAX_FILES * sizeof *paths)) &&
               (n = logdir_list(dir, paths, LOGDIR_MAX_FILES, err, sizeof err)) > 0) {
        logdir_read(paths, n, CLIENT_TAIL, on_dir_recent, &r, NULL, NULL);
    }
    free(paths);
}

/* The exit() path while the loop runs (the display went away, a library gave up). */
static void at_exit(void)
{
    if (live)
        applog_close(live, (int64_t)SDL_GetTicks64());
}

void applog_open(applog_t *l, const char *log_path, const char *client)
{
    char id[64];
    struct timespec ts;
    memset(l, 0, sizeof *l);
    snprintf(l->log_path, sizeof l->log_path, "%s", log_path);
    clock_gettime(CLOCK_REALTIME, &ts);
    snprintf(id, sizeof id, "%013lld-%ld", (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000, (long)getpid());
    l->client = l->history_client = -1;
    if (!l->log_path[0])
        return;
    l->journal_ready = journalfile_init(&l->journal, l->log_path, id);
    if (l->journal_ready)
        logkeep_init(&l->keep, l->journal.j);
    else
        i18n_say(stderr, "%s", _("out of memory: sessions will not be logged"));
    l->keeping = l->journal_ready;
    read_clients(l);
    if (client) {
        add_client(l, client);
        l->client = 0;
    }
    if (!live) {
        atexit(at_exit); /* (once a run; when l is closed it does nothing) */
        osproc_watch(at_exit); /* (Windows' log off: the same, before the process is killed) */
    }
    live = l;
}

void applog_close(applog_t *l, int64_t now)
{
    logkeep_actions_t todo = { 0 };
    live = NULL;
    if (l->keeping) {
        logkeep_closing(&l->keep, now, &todo);
        carry_out(l, &todo, now, NULL);
    }
    if (l->journal_ready)
        journalfile_free(&l->journal);
    l->journal_ready = l->keeping = false;
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
    char dir[4096];
    logfile_read_t r = logdir_of(l->log_path, dir, sizeof dir)
                           ? historyprint_load_dir(dir, hs->h, NULL, stderr, &hs->bad, hs->error, sizeof hs->error)
                           : historyprint_load(l->log_path, hs->h, NULL, stderr, &hs->bad, hs->error, sizeof hs->error);
    hs->missing = r == LOGFILE_READ_MISSING;
    if (r != LOGFILE_READ_FAILED)
        hs->error[0] = '\0';
}

/* The end screen: its answer goes to the keeper as it changes, so a crash keeps it. */
static bool end_event(applog_t *l, const SDL_Event *e, action_t act, int x, int y, const draw_t *d, int64_t now,
                      app_request_t *req)
{
    endscreen_result_t r = endscreen_event(&l->end, e, act, x, y, d, now);
    if (r == ENDSCREEN_IGNORED)
        return false;
    if (l->keeping) {
        logkeep_actions_t todo = { 0 };
        logkeep_answer(&l->keep, l->end.rating, l->end.note, now, &todo);
        carry_out(l, &todo, now, req);
    }
    if (r == ENDSCREEN_DONE)
        req->to_menu = true; /* which writes the record */
    return true;
}

/* P on the History screen: the printable report (platform/log/reportprint.c) for the client
 * shown, written as a new file in the documents folder; a banner says where. */
static void write_report(applog_t *l, app_request_t *req)
{
    char *page = NULL, *msgs = NULL, dir[4096], stem[160], path[4200], err[600] = "";
    size_t len = 0, mlen = 0;
    const char *client = l->history_client >= 0 ? l->clients[l->history_client] : NULL;
    options_t o = { .client = client };
    const char *logs[1] = { l->log_path };
    osproc_memstream_t page_stream, msgs_stream;
    FILE *out = osproc_memstream_open(&page_stream), *warn = osproc_memstream_open(&msgs_stream);
    int status = out && warn ? reportprint_run(&o, NULL, logs, 1, out, warn) : 1;
    page = osproc_memstream_close(&page_stream, &len);
    msgs = osproc_memstream_close(&msgs_stream, &mlen);
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    char day[16], who[96];
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    size_t k = 0;
    for (const char *c = client ? client : "everyone"; *c && k + 1 < sizeof who; c++) /* a file name's letters */
        who[k++] = (char)((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ? *c : '-');
    who[k] = '\0';
    snprintf(stem, sizeof stem, "safebase-report-%s-%s", who, day);
    if (status != 0 || !page)
        snprintf(err, sizeof err, "%s", msgs && *msgs ? msgs : _("the log could not be read"));
    else if (!paths_documents_dir(dir, sizeof dir))
        snprintf(err, sizeof err, "%s", _("there is no documents folder (HOME is not set)"));
    else
        savefile_create(dir, stem, "html", page, len, path, sizeof path, err, sizeof err);
    if (err[0]) {
        /* TRANSLATORS: P on the History screen failed; %s says why */
        i18n_say(stderr, _("no report written: %s"), err);
        /* TRANSLATORS: a banner: P on the History screen failed; %s says why */
        snprintf(req->banner, sizeof req->banner, _("No report written: %.560s"), err);
    } else {
        /* TRANSLATORS: P on the History screen wrote the report; %s is its file */
        i18n_say(stderr, _("the report is in %s"), path);
        /* TRANSLATORS: a banner: P on the History screen wrote the report; %s is its file */
        snprintf(req->banner, sizeof req->banner, _("The report is in %.600s"), path);
    }
    req->banner_ms = 8000;
    free(page);
    free(msgs);
}

static bool history_event(applog_t *l, const SDL_Event *e, action_t act, app_request_t *req)
{
    if (act == ACT_QUIT || act == ACT_HELP || act == ACT_FULLSCREEN)
        return false;
    if (e->type == SDL_KEYDOWN && e->key.keysym.scancode == SDL_SCANCODE_TAB && !e->key.repeat) {
        l->history_client = next_client(l, l->history_client);
        open_history(l, req);
    } else if (e->type == SDL_KEYDOWN && e->key.keysym.scancode == SDL_SCANCODE_P && !e->key.repeat) {
        write_report(l, req);
    } else if (act == ACT_ESCAPE || act == ACT_ENTER || act == ACT_PAUSE || act == ACT_CLICK ||
               (e->type == SDL_KEYDOWN && e->key.keysym.scancode == SDL_SCANCODE_H)) {
        historyscreen_close(&l->history);
        req->to_menu = true;
    }
    return true;
}

bool applog_event(applog_t *l, screen_t screen, const SDL_Event *e, action_t act, int x, int y, const draw_t *d,
                  int64_t now, app_request_t *req)
{
    bool key = e->type == SDL_KEYDOWN && !e->key.repeat;
    switch (screen) {
    case SCREEN_END: return end_event(l, e, act, x, y, d, now, req);
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
        /* TRANSLATORS: the History screen's hint: %s is the client shown; the keys' names (Tab,
           P) stay the same in every language */
        snprintf(hint, sizeof hint, _("%s \xC2\xB7 Tab: next client \xC2\xB7 P: a printable report"),
                 l->clients[l->history_client]);
    else if (l->nclients)
        /* TRANSLATORS: the History screen's hint over every client; Tab and P are keys */
        snprintf(hint, sizeof hint, "%s", _("Every client \xC2\xB7 Tab: one client \xC2\xB7 P: a printable report"));
    else
        /* TRANSLATORS: the History screen's hint; P is a key */
        snprintf(hint, sizeof hint, "%s", _("P: a printable report"));
    historyscreen_draw(d, &l->history, hint, o);
}

void applog_draw_hints(const applog_t *l, screen_t screen, draw_t *d, const draw_overlay_t *o)
{
    int unit = d->w < d->h ? d->w : d->h, px = unit * 3 / 100;
    SDL_Color soft = { 214, 208, 198, 255 };
    if (!o->help && screen == SCREEN_MENU && l->log_path[0])
        /* TRANSLATORS: a hint at the corner of the plan menu: H (a key, the same letter in every
           language) opens the history; short */
        text_draw(d->text, _("H: history"), px, soft, d->w - d->w / 20, d->h - d->h * 6 / 100, 0, TEXT_RIGHT);
}

void applog_on_cues(applog_t *l, const run_t *run, const session_cues_t *cues, bool exit_at_end, int64_t now,
                    app_request_t *req)
{
    logkeep_actions_t todo = { 0 };
    for (int i = 0; i < cues->count; i++) {
        switch (cues->items[i].kind) {
        case CUE_STARTED: {
            logkeep_session_t s = { &run->session, run->plan, run->start_epoch_ms, run->utc_offset_s,
                                    client_label(l), !exit_at_end };
            if (l->keeping)
                logkeep_started(&l->keep, &s, now, &todo);
            break;
        }
        case CUE_PHASE_CHANGED:
        case CUE_PAUSED:
        case CUE_RESUMED:
            if (l->keeping)
                logkeep_changed(&l->keep, now, &todo);
            break;
        case CUE_FINISHED:
            endscreen_begin(&l->end, !exit_at_end, now);
            l->end_unkept = !l->keeping && !exit_at_end;
            if (!exit_at_end)
                req->text_input = true;
            if (l->keeping)
                logkeep_finished(&l->keep, now, &todo);
            break;
        default: break;
        }
        carry_out(l, &todo, now, req);
    }
}
