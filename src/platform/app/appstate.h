/* The app's state, shared by app.c (screens and loop), appcues.c (carrying out session
 * cues: sound, captions) and applog.c (the log's part). Private to those files. */
#ifndef SAFEBASE_PLATFORM_APPSTATE_H
#define SAFEBASE_PLATFORM_APPSTATE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/session/control.h"
#include "core/screen/fade.h"
#include "core/session/session.h"
#include "core/plan/settings.h"
#include "platform/sound/audio.h"
#include "platform/sys/catalog.h"
#include "platform/screen/draw.h"
#include "platform/app/logstate.h"
#include "platform/sys/options.h"
#include "platform/sys/pad.h"
#include "platform/screen/presenter.h"
#include "platform/screen/text.h"

typedef enum { SCREEN_MENU, SCREEN_READY, SCREEN_SESSION, SCREEN_END, SCREEN_HISTORY } screen_t;

typedef struct {
    const options_t *opts;
    const settings_t *settings;
    catalog_t *cat;
    SDL_Window *win;
    SDL_Renderer *renderer;
    bool surface_mode;            /* drawing in software straight into the window's surface */
    text_t *text;
    audio_t *audio;
    draw_t draw;
    draw_menu_item_t menu[CATALOG_MAX];
    char menu_detail[CATALOG_MAX][64];
    int sel;
    screen_t screen;
    catalog_entry_t *entry;
    const plan_t *plan;
    char plan_dir[4096];
    session_t session;
    int64_t start_epoch_ms;       /* wall clock when the session started */
    int utc_offset_s;
    bool logged;                  /* this session's record is written (or kept for later) */
    char log_path[4096];
    applog_t log;                 /* journal, end screen answer, history, clients (applog.c) */
    bool help;
    control_t ctl;                /* the end confirmation, the blank screen */
    pads_t pads;
    presenter_t presenter;        /* --presenter: the adult's window */
    bool child_view, hide_time;   /* live: C and T toggle them */
    bool visible;                 /* the window can be seen: draw and animate only then */
    fade_t dim, blank, ending;    /* pause dimming, blank screen, last-minutes change (0..1) */
    fade_t help_fade;             /* the help overlay (0..1) */
    int64_t frame_due;            /* the next moment the screen looks different on its own */
    char banner[256];
    int64_t banner_until;
    char notice[640];             /* a lasting message (no sound, not logged...) */
    bool notice_until_start;
    SDL_Color bg_from, bg_to;
    fade_t bg_fade;               /* 0 = bg_from .. 1 = bg_to */
    int64_t exit_at;              /* --exit-at-end: quit at this time */
    bool quit, dirty, first_frame_done;
    uint64_t t0;
    int status;
} app_t;

/* Starts SDL, opens the window (and the presenter's), the font and the sound. Returns false
 * with the reason in err. Call app_shut_down whatever it returns. (appwindow.c) */
bool app_start_up(app_t *app, char *err, size_t errsize);

/* Closes everything app_start_up opened, in order. */
void app_shut_down(app_t *app);

/* Drawing in software: a renderer on the window's surface (again after a resize, when the
 * surface is new). Returns false when SDL cannot give one. */
bool app_open_surface_renderer(app_t *app);

/* Shows screen (the screen saver and the mouse pointer follow it). */
void app_set_screen(app_t *app, screen_t screen);

/* Advances the session to now with one input and carries out the cues it emits. */
void app_step(app_t *app, int64_t now, session_input_t input);

/* Hands the plan's (or --music's) music to the audio engine. */
void app_setup_music(app_t *app);

/* Shows audio warnings (skipped files) on screen and on stderr. */
void app_poll_audio(app_t *app, int64_t now);

/* Leaves whatever screen for the plan menu (a finished session's record is written first). */
void app_show_menu(app_t *app, int64_t now);

/* Shows msg along the bottom for ms. */
void app_banner(app_t *app, const char *msg, int64_t now, int64_t ms);

/* Starts a gentle fade of the background to target. */
void app_set_bg(app_t *app, SDL_Color target, int64_t now);

/* The background colour now, part way through its fade. */
SDL_Color app_bg_now(const app_t *app, int64_t now);

#endif
