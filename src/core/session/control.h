/* What a press means on the session screen: the few actions every input device turns into,
 * the two-press confirmation before ending, the tap zones, and the blank-screen rule. libc
 * only: time is an argument; the platform turns SDL events into actions (platform/input.c). */
#ifndef SAFEBASE_CORE_CONTROL_H
#define SAFEBASE_CORE_CONTROL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/session/session.h"

#define CONTROL_CONFIRM_MS 3000   /* the second press must come within this */

typedef enum {
    ACT_NONE,
    ACT_UP, ACT_DOWN,          /* menu movement; Up also extends in a session */
    ACT_ENTER,
    ACT_PAUSE,                 /* Space, gamepad A: start, pause, resume */
    ACT_RESUME,                /* F5 (a clicker's "start presentation"): start or resume, never pause */
    ACT_NEXT, ACT_BACK,
    ACT_RECONNECT, ACT_LOOK_BACK,
    ACT_ESCAPE,                /* Esc: back; in a session, asks to end */
    ACT_END,                   /* gamepad Start: in a session, asks to end; elsewhere, go on */
    ACT_CANCEL,                /* gamepad B: back out of a screen, never quits */
    ACT_HELP,
    ACT_FULLSCREEN,
    ACT_BLANK,                 /* '.' or B: a plain dark screen while the timer goes on */
    ACT_TOGGLE_TIME,           /* T: hide or show the time */
    ACT_TOGGLE_CHILD,          /* C: child view (only the disk and the colour) */
    ACT_CLICK,                 /* a click or a tap; where is given as fractions of the window */
    ACT_QUIT,                  /* window closed, SIGTERM, SIGINT, logout */
    ACT_ADJUST,                /* E: the ready screen's Adjust screen */
    ACT_MUSIC,                 /* M: choose the music */
    ACT_CLIENT,                /* N: type a client's pseudonym */
    ACT_KEEP,                  /* K: keep a plan opened from a file among the user's plans */
    ACT_ERASE                  /* Backspace: a typed field's last character */
} action_t;

typedef struct {
    int64_t confirm_until;     /* an end was asked for: a second press before this ends */
    action_t asked_by;         /* ACT_ESCAPE or ACT_END */
    bool blank;                /* the blank-calm screen is showing */
} control_t;

typedef struct {
    session_input_t input;     /* for the session (INPUT_NONE for none) */
    const char *message;       /* a banner to show (static text), or NULL */
    int64_t message_ms;        /* for how long */
    bool hide_message;         /* the confirmation was cancelled: take its banner away */
    bool toggle_time, toggle_child;
} control_result_t;

/* A fresh control state: nothing asked, screen not blank. */
void control_init(control_t *c);

/* The session screen's answer to act at now_ms (paused: the session is paused). A click at fx (0..1 across the window) is a
 * tap zone: left third back, right third next, the middle pause. Esc (or Start) asks, and Esc,
 * Enter (or Start) within CONTROL_CONFIRM_MS ends; any other action cancels the question and
 * then does what it does. While the screen is blank, any action only brings it back. */
control_result_t control_session(control_t *c, action_t act, float fx, bool paused, int64_t now_ms);

/* The action a tap at fx (0..1 across the window) means in a session. */
action_t control_tap(float fx);

#endif
