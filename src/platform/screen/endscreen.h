/* The end screen after a session: a summary, then a rating from 1 to 5 (keys 1-5, a tap on
 * one of five large targets, arrows or a controller) and an optional short note typed in
 * UTF-8. It only collects the answer; writing the record is the caller's. */
#ifndef SAFEBASE_PLATFORM_ENDSCREEN_H
#define SAFEBASE_PLATFORM_ENDSCREEN_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/log/record.h"
#include "core/session/session.h"
#include "platform/screen/draw.h"
#include "platform/sys/input.h"

typedef struct {
    bool asking;                        /* the question is shown (not with --exit-at-end) */
    int rating;                         /* 0 = none yet, 1..5 */
    char note[RECORD_MAX_NOTE + 1];     /* UTF-8, whole characters only */
    int64_t last_input_ms;              /* for the quiet timeout */
    bool saved;                         /* the record is in the log */
} endscreen_t;

typedef enum {
    ENDSCREEN_IGNORED,   /* not for the end screen: the caller handles it (quit, help) */
    ENDSCREEN_CHANGED,   /* taken (maybe changed the answer): redraw */
    ENDSCREEN_DONE       /* Enter, Space on an empty note, Esc, or "Done": save and leave */
} endscreen_result_t;

/* Starts the screen for a session that just ended; asking = false shows only the summary. */
void endscreen_begin(endscreen_t *es, bool asking, int64_t now_ms);

/* Handles one event (act is input_translate's reading of it; x, y a click's place). Keys
 * that would do something else in a session (F, R, L...) are taken while asking, so typing a
 * note never toggles full screen. */
endscreen_result_t endscreen_event(endscreen_t *es, const SDL_Event *e, action_t act, int x, int y,
                                   const draw_t *d, int64_t now_ms);

/* Draws the summary and the question. problem (may be NULL) says the log could not be written. */
void endscreen_draw(draw_t *d, const endscreen_t *es, const plan_t *plan, const session_t *s,
                    const draw_overlay_t *o);

#endif
