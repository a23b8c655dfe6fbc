/* Turns SDL events into the app's few actions (core/control.h): keys by scancode
 * (layout-independent, key repeat ignored), clicks and taps (each touch once), game
 * controller buttons. Knows nothing of screens or sessions. */
#ifndef SAFEBASE_PLATFORM_INPUT_H
#define SAFEBASE_PLATFORM_INPUT_H

#include <SDL.h>

#include "core/session/control.h"

/* The action an event asks for, or ACT_NONE. For ACT_CLICK, *fx and *fy are where, as
 * fractions (0..1) of the window's width and height. */
action_t input_translate(const SDL_Event *e, float *fx, float *fy);

#endif
