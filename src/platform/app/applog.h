/* The log's part of the app: keeping each session safe from its start to its line in the log
 * (the policy is core/log/logkeep's; this carries out its actions on the journal and log
 * files), the end screen's answer, the History screen, client labels, and ending a session
 * cleanly on SIGHUP or exit(). Asks the loop for screens and messages (app_request_t). */
#ifndef SAFEBASE_PLATFORM_APP_APPLOG_H
#define SAFEBASE_PLATFORM_APP_APPLOG_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/log/logkeep.h"
#include "core/log/logread.h"
#include "core/log/record.h"
#include "platform/app/request.h"
#include "platform/app/run.h"
#include "platform/log/journalfile.h"
#include "platform/screen/endscreen.h"
#include "platform/screen/historyscreen.h"
#include "platform/sys/input.h"

#define APPLOG_MAX_CLIENTS 12

typedef struct {
    char log_path[4096];         /* "" when sessions cannot be logged (no HOME) */
    journalfile_t journal;       /* records not yet safely in the log */
    bool journal_ready;          /* journalfile_init worked */
    bool keeping;                /* a log and a journal: sessions are kept and logged */
    logkeep_t keep;              /* when to write what (core/log/logkeep.c) */
    endscreen_t end;
    historyscreen_t history;
    char clients[APPLOG_MAX_CLIENTS][RECORD_MAX_CLIENT + 1]; /* labels used before, newest first */
    int nclients;
    int client;                  /* index of the label for the next session; -1 = none */
    int history_client;          /* the History screen's filter; -1 = every client */
    bool end_unkept;             /* without a log: the end screen shows, its quiet timeout runs */
} applog_t;

/* Prepares the journal for the log at log_path ("" = no log), reads the client labels used
 * before (and client, --client, may be NULL), and asks for SIGHUP to end a session like a
 * window close. Until applog_close, an exit() from anywhere closes l first. */
void applog_open(applog_t *l, const char *log_path, const char *client);

/* Before the app shuts down: writes the record of a session that is still held or running
 * (as ended_early), says on stderr what could not be written and where it is kept, frees. */
void applog_close(applog_t *l, int64_t now);

/* The log's part of a step's cues, after the sound and the screen's: the session started
 * (checks the log can be written), something changed (phase, pause, resume: a checkpoint),
 * it finished (the record waits for the end screen, or is written with exit_at_end). */
void applog_on_cues(applog_t *l, const run_t *run, const session_cues_t *cues, bool exit_at_end, int64_t now,
                    app_request_t *req);

/* The end screen is left, in any way: the finished session's record is appended with its
 * answer, if not done yet; a log that refuses it leaves it kept and retried. */
void applog_leave_end(applog_t *l, int64_t now, app_request_t *req);

/* Once per turn of the loop: the 5-second checkpoint, retrying records the log refused, the
 * end screen's quiet timeout, a SIGHUP. */
void applog_tick(applog_t *l, int64_t now, app_request_t *req);

/* The next moment applog_tick has something to do (absolute ms), or -1. */
int64_t applog_next_deadline(const applog_t *l);

/* Offers an event to the log's screens (end, history) and keys (H on the menu, Tab on the
 * ready screen); d is where the end screen's targets are. Returns true when it was taken. */
bool applog_event(applog_t *l, screen_t screen, const SDL_Event *e, action_t act, int x, int y, const draw_t *d,
                  int64_t now, app_request_t *req);

/* Draws the end or History screen (other screens: nothing). */
void applog_draw(const applog_t *l, const run_t *run, screen_t screen, draw_t *d, const draw_overlay_t *o);

/* The client label for the next session ("" = none), and how many labels are known. */
const char *applog_client(const applog_t *l);
int applog_clients(const applog_t *l);

/* Makes label (checked by the caller) the next session's client, first in the list; NULL or
 * "" = no client. */
void applog_set_client(applog_t *l, const char *label);

/* Feeds fn the rows of the log's recent part (its last 256 KiB; with a shared folder, of every
 * device's file): what a client did lately. Nothing when there is no log. */
void applog_read_recent(const applog_t *l, logread_fn fn, void *ctx);

/* Draws the log's hint over the menu ("H: history"). */
void applog_draw_hints(const applog_t *l, screen_t screen, draw_t *d, const draw_overlay_t *o);

#endif
