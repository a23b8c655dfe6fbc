/* Maps keyboard, mouse and window events to actions. Scancodes, not key symbols, so the keys
 * sit in the same place on any layout; repeats from a held key are ignored. */
#include "platform/input.h"

static action_t from_key(const SDL_KeyboardEvent *k)
{
    if (k->repeat)
        return ACT_NONE;
    switch (k->keysym.scancode) {
    case SDL_SCANCODE_UP: return ACT_UP;
    case SDL_SCANCODE_DOWN: return ACT_DOWN;
    case SDL_SCANCODE_RETURN:
    case SDL_SCANCODE_KP_ENTER: return ACT_ENTER;
    case SDL_SCANCODE_SPACE: return ACT_PAUSE;
    case SDL_SCANCODE_RIGHT:
    case SDL_SCANCODE_PAGEDOWN: return ACT_NEXT;
    case SDL_SCANCODE_LEFT:
    case SDL_SCANCODE_PAGEUP: return ACT_BACK;
    case SDL_SCANCODE_R: return ACT_RECONNECT;
    case SDL_SCANCODE_L: return ACT_LOOK_BACK;
    case SDL_SCANCODE_ESCAPE: return ACT_ESCAPE;
    case SDL_SCANCODE_F1: return ACT_HELP;
    case SDL_SCANCODE_SLASH: return (k->keysym.mod & KMOD_SHIFT) ? ACT_HELP : ACT_NONE;
    case SDL_SCANCODE_F: return ACT_FULLSCREEN;
    default: return ACT_NONE;
    }
}

action_t input_translate(const SDL_Event *e, int *x, int *y)
{
    switch (e->type) {
    case SDL_QUIT:
    case SDL_APP_TERMINATING: return ACT_QUIT;
    case SDL_KEYDOWN: return from_key(&e->key);
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button != SDL_BUTTON_LEFT)
            return ACT_NONE;
        *x = e->button.x;
        *y = e->button.y;
        return ACT_CLICK;
    default: return ACT_NONE;
    }
}
