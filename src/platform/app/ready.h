/* The ready screen's own keys and the screens they open: Adjust (E), the music chooser (M),
 * a new client (N), keeping a plan someone sent (K), files dropped on the window, a plan file
 * opened from outside (with its mistakes listed on a calm screen), and what Safe Base
 * remembers per plan and per client (core/plan/choices, saved by platform/sys/choicesfile).
 * Asks the loop for screens and plans through app_request_t; the session is run.c's. */
#ifndef SAFEBASE_PLATFORM_APP_READY_H
#define SAFEBASE_PLATFORM_APP_READY_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/log/progress.h"
#include "core/plan/choices.h"
#include "platform/app/adjust.h"
#include "platform/app/applog.h"
#include "platform/app/chooser.h"
#include "platform/app/namefield.h"
#include "platform/app/request.h"
#include "platform/app/run.h"
#include "platform/sys/catalog.h"

/* What the ready screens work on, borrowed from the loop for one call. */
typedef struct {
    catalog_t *cat;               /* reloaded after a plan is saved */
    run_t *run;                   /* the open plan; its music is chosen here (run_choose_music) */
    applog_t *log;                /* the client labels */
    const draw_t *draw;           /* where things are on screen */
    int menu_sel;                 /* the plan chosen on the menu (a drop there opens it) */
} ready_ctx_t;

typedef struct {
    adjust_t adjust;
    chooser_t chooser;
    namefield_t name;
    screen_t music_back;          /* where the chooser goes back to: the ready or the Adjust screen */
    choices_t choices;            /* remembered per plan and per client */
    const catalog_entry_t *entry; /* the open plan's entry */
    /* a plan file with mistakes */
    plan_errors_t problems;
    char problems_title[400], problems_note[400];
    char problem_lines[PLAN_MAX_ERRORS][24], problem_text[PLAN_MAX_ERRORS][PLAN_MAX_MESSAGE];
    const char *problem_labelp[PLAN_MAX_ERRORS], *problem_valuep[PLAN_MAX_ERRORS];
    int problem_sel;
    int focus;                    /* 1 + the ready screen's button chosen by Down or a D-pad; 0: none */
    /* separations that grow with the client (core/log/progress.c, from the log) */
    int64_t sep_own, sep_grow;    /* the plan's own first separation and its grow (0: none grows) */
    int sep_rounds;
    int64_t sep_first;            /* today's first separation (the proposal, or the adult's choice) */
    char sep_why[320];            /* what the proposal rests on */
    char sep_line_buf[400];       /* "Separations today: 1 min to 1 min 40 s · Left/Right: change" */
    /* the ready screen's lines */
    char music_line[320], client_line[1100];
} ready_t;

/* Reads what was remembered (a damaged file is said on stderr; its good lines still count). */
void ready_init(ready_t *r);
void ready_free(ready_t *r);

/* A plan was opened (entry): the music remembered for it (or for the client, if it was the
 * client's last plan) is chosen. The caller then hands the music to the sound. */
void ready_opened(ready_t *r, ready_ctx_t *ctx, const catalog_entry_t *entry);

/* The separations today for the open plan and client: the proposal from the log (progress.c),
 * handed to the session (run_shift_separations). Called when a plan opens or the client
 * changes; the ready screen shows it and Left/Right change it. */
void ready_separations(ready_t *r, ready_ctx_t *ctx);

/* A session started: the client's plan and music are remembered. */
void ready_started(ready_t *r, ready_ctx_t *ctx);

/* The client changed (Tab, or N): their last plan and music are offered (req). */
void ready_client_changed(ready_t *r, ready_ctx_t *ctx, app_request_t *req);

/* An event while screen shows (the ready screen or one of its own). Returns true when taken
 * (then req says what the loop must do). */
bool ready_event(ready_t *r, ready_ctx_t *ctx, screen_t screen, const SDL_Event *e, action_t act, float fx,
                 float fy, app_request_t *req);

/* A file dropped on the window while screen shows: a .plan opens; music is chosen for the open
 * (or the menu's) plan; anything else is refused with a message. */
void ready_drop(ready_t *r, ready_ctx_t *ctx, screen_t screen, const char *path, app_request_t *req);

/* Opens a plan file from outside (a plain argument, a drop): its ready screen, or its
 * mistakes; start: start it at once (only when it has none). */
void ready_open_file(ready_t *r, ready_ctx_t *ctx, const char *path, bool start, app_request_t *req);

/* Once per turn of the loop: the music folder's scan. True when the screen must be drawn again. */
bool ready_poll(ready_t *r, screen_t screen, int64_t now);

/* The form one of the ready screen's own screens shows (false for other screens). */
bool ready_form(ready_t *r, screen_t screen, draw_form_t *f);

/* Draws the ready screen or one of its own screens. */
void ready_draw(ready_t *r, const ready_ctx_t *ctx, screen_t screen, draw_t *d, const draw_overlay_t *o);

#endif
