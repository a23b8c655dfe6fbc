/* How the screen looks beyond the core's session view: which screen shows, the background
 * colour and its fade, the banner and the lasting notice, the fades of the pause dimming, the
 * blank screen, the last minutes and the help overlay, and whether a redraw is due. Only
 * look.c writes a look_t; everyone else asks it (app_request_t) or reads it. */
#ifndef SAFEBASE_PLATFORM_APP_LOOK_H
#define SAFEBASE_PLATFORM_APP_LOOK_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/screen/fade.h"

typedef enum {
    SCREEN_MENU, SCREEN_READY, SCREEN_SESSION, SCREEN_END, SCREEN_HISTORY,
    SCREEN_ADJUST,                /* E on the ready screen: the plan's length and more */
    SCREEN_MUSIC,                 /* M: choose the music */
    SCREEN_CLIENT,                /* N: type a client's pseudonym */
    SCREEN_PROBLEMS,              /* a plan opened from a file has mistakes: they are listed */
    SCREEN_COUNT                  /* (how many there are: a new screen goes before this) */
} screen_t;

typedef struct {
    screen_t screen;
    bool reduced_motion;          /* fades take 2 s in 8 small steps */
    bool shown;                   /* a first frame is on screen */
    bool dirty;                   /* something changed: draw again */
    fade_t dim, blank, ending;    /* pause dimming, blank screen, last-minutes change (0..1) */
    fade_t help;                  /* the help overlay (0..1) */
    SDL_Color bg_from, bg_to;
    fade_t bg_fade;               /* 0 = bg_from .. 1 = bg_to */
    char banner[640];
    int64_t banner_until;
    char notice[640];             /* a lasting message (no sound, not logged...) */
    bool notice_until_start;      /* the notice is shown until a session starts */
} look_t;

/* Starts on the menu in colour bg, nothing faded in. */
void look_init(look_t *l, bool reduced_motion, SDL_Color bg);

/* Shows screen (the screen saver and the mouse pointer follow it: the screen saver may come
 * on in the menu and the end screen, never once a plan is open; no pointer in a session). */
void look_set_screen(look_t *l, screen_t screen);

/* Starts a gentle fade of the background to target (before the first frame: at once). */
void look_set_bg(look_t *l, SDL_Color target, int64_t now);

/* The background colour now, part way through its fade. */
SDL_Color look_bg_now(const look_t *l, int64_t now);

/* Shows msg along the bottom for ms; look_hide_banner takes it away. */
void look_banner(look_t *l, const char *msg, int64_t now, int64_t ms);
void look_hide_banner(look_t *l);

/* Sets the lasting notice ("" clears it); until_start: it is also said when a session starts. */
void look_notice(look_t *l, const char *msg, bool until_start);

/* The notice there is now is said once more when a session starts. */
void look_notice_until_start(look_t *l);

/* The message to show now: the banner while it lasts, else the notice ("" for none). */
const char *look_message(const look_t *l, int64_t now);

/* Fades that follow the app's state: the pause dimming and the last-minutes change (only in
 * a session), the help overlay, the blank screen. */
void look_follow(look_t *l, bool paused, bool ending_soon, bool help, bool blank, int64_t now);

/* The next moment a fade changes the screen (absolute ms), or -1; in_session counts the pause
 * dimming and the last minutes, which show only there. */
int64_t look_next_fade(const look_t *l, int64_t now, bool in_session);

/* A first frame is on screen: background changes fade from now on. */
void look_shown(look_t *l);

/* Asks for a redraw; look_take_redraw answers whether one is due and clears it. */
void look_redraw(look_t *l);
bool look_take_redraw(look_t *l);

#endif
