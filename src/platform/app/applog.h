/* The log's part of the app: checkpoints of the running session into the journal, the record
 * written when the end screen is answered (or at once with --exit-at-end, or at exit), the
 * History screen, client labels, and ending a session cleanly on SIGHUP or exit(). */
#ifndef SAFEBASE_PLATFORM_APPLOG_H
#define SAFEBASE_PLATFORM_APPLOG_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "platform/app/appstate.h"

/* After app->log_path is set: prepares the journal, reads the client labels used before
 * (and --client), and asks for SIGHUP to end a session like a window close. */
void applog_open(app_t *app);

/* Before the app shuts down: writes the record of a session that is still held or running
 * (as ended_early), says on stderr what could not be written and where it is kept, frees. */
void applog_close(app_t *app, int64_t now);

/* Carried out for each session cue, after the sound and the screen: the session started
 * (checks the log can be written), something changed (phase, pause, resume: a checkpoint),
 * it finished (the record waits for the end screen, or is written with --exit-at-end). */
void applog_on_cue(app_t *app, cue_kind_t kind, int64_t now);

/* Appends the finished session's record with the end screen's answer, if not done yet. Goes
 * with leaving the end screen in any way; a log that refuses it leaves it kept and retried. */
void applog_commit(app_t *app, int64_t now);

/* Once per turn of the loop: the 5-second checkpoint, retrying records the log refused, the
 * end screen's quiet timeout, a SIGHUP. */
void applog_tick(app_t *app, int64_t now);

/* The next moment applog_tick has something to do (absolute ms), or -1. */
int64_t applog_next_deadline(const app_t *app);

/* Offers an event to the log's screens (end, history) and keys (H on the menu, Tab on the
 * ready screen). Returns true when it was taken. */
bool applog_event(app_t *app, const SDL_Event *e, action_t act, int x, int y, int64_t now);

/* Draws the end or History screen; returns false on other screens. */
bool applog_draw(app_t *app, const draw_overlay_t *o);

/* Draws the log's hints over the menu ("H: history") and the ready screen (the client). */
void applog_draw_hints(app_t *app, const draw_overlay_t *o);

#endif
