/* Turns SDL events into the app's few actions: keys by scancode (layout-independent, key
 * repeat ignored), mouse clicks. Knows nothing of screens or sessions. */
#ifndef SAFEBASE_PLATFORM_INPUT_H
#define SAFEBASE_PLATFORM_INPUT_H

#include <SDL.h>

typedef enum {
    ACT_NONE,
    ACT_UP, ACT_DOWN,          /* menu movement; Up also extends in a session */
    ACT_ENTER,
    ACT_PAUSE,                 /* Space: start, pause, resume */
    ACT_NEXT, ACT_BACK,
    ACT_RECONNECT, ACT_LOOK_BACK,
    ACT_ESCAPE,
    ACT_HELP,
    ACT_FULLSCREEN,
    ACT_CLICK,                 /* *x, *y hold where */
    ACT_QUIT                   /* window closed, SIGTERM, SIGINT, logout */
} action_t;

/* The action an event asks for, or ACT_NONE. */
action_t input_translate(const SDL_Event *e, int *x, int *y);

#endif
