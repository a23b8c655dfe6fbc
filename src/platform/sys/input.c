/* Maps keyboard, mouse, touch, game controller and window events to actions. Scancodes, not
 * key symbols, so the keys sit in the same place on any layout; repeats from a held key are
 * ignored; the mouse events SDL makes up from a touch are dropped so a tap acts once. */
#include "platform/sys/input.h"

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
    case SDL_SCANCODE_F5: return ACT_RESUME;
    case SDL_SCANCODE_RIGHT:
    case SDL_SCANCODE_PAGEDOWN: return ACT_NEXT;
    case SDL_SCANCODE_LEFT:
    case SDL_SCANCODE_PAGEUP: return ACT_BACK;
    case SDL_SCANCODE_R: return ACT_RECONNECT;
    case SDL_SCANCODE_L: return ACT_LOOK_BACK;
    case SDL_SCANCODE_ESCAPE: return ACT_ESCAPE;
    case SDL_SCANCODE_F1:
    case SDL_SCANCODE_H: return ACT_HELP;
    case SDL_SCANCODE_SLASH: return (k->keysym.mod & KMOD_SHIFT) ? ACT_HELP : ACT_NONE;
    case SDL_SCANCODE_F: return ACT_FULLSCREEN;
    case SDL_SCANCODE_PERIOD:
    case SDL_SCANCODE_KP_PERIOD:
    case SDL_SCANCODE_B: return ACT_BLANK;
    case SDL_SCANCODE_T: return ACT_TOGGLE_TIME;
    case SDL_SCANCODE_C: return ACT_TOGGLE_CHILD;
    case SDL_SCANCODE_E: return ACT_ADJUST;
    case SDL_SCANCODE_M: return ACT_MUSIC;
    case SDL_SCANCODE_N: return ACT_CLIENT;
    case SDL_SCANCODE_K: return ACT_KEEP;
    case SDL_SCANCODE_BACKSPACE: return ACT_ERASE;
    default: return ACT_NONE;
    }
}

static action_t from_button(Uint8 button)
{
    switch (button) {
    case SDL_CONTROLLER_BUTTON_A: return ACT_PAUSE;
    case SDL_CONTROLLER_BUTTON_B: return ACT_CANCEL;
    case SDL_CONTROLLER_BUTTON_X: return ACT_RECONNECT;
    case SDL_CONTROLLER_BUTTON_Y: return ACT_LOOK_BACK;
    case SDL_CONTROLLER_BUTTON_LEFTSHOULDER:
    case SDL_CONTROLLER_BUTTON_DPAD_LEFT: return ACT_BACK;
    case SDL_CONTROLLER_BUTTON_RIGHTSHOULDER:
    case SDL_CONTROLLER_BUTTON_DPAD_RIGHT: return ACT_NEXT;
    case SDL_CONTROLLER_BUTTON_DPAD_UP: return ACT_UP;
    case SDL_CONTROLLER_BUTTON_DPAD_DOWN: return ACT_DOWN;
    case SDL_CONTROLLER_BUTTON_START: return ACT_END;
    case SDL_CONTROLLER_BUTTON_BACK: return ACT_HELP;
    default: return ACT_NONE;
    }
}

static action_t from_mouse(const SDL_MouseButtonEvent *b, float *fx, float *fy)
{
    if (b->button != SDL_BUTTON_LEFT || b->which == SDL_TOUCH_MOUSEID)
        return ACT_NONE; /* the touch itself comes as SDL_FINGERDOWN */
    SDL_Window *win = SDL_GetWindowFromID(b->windowID);
    int w = 0, h = 0;
    if (win)
        SDL_GetWindowSize(win, &w, &h);
    *fx = w > 0 ? (float)b->x / (float)w : 0.5f;
    *fy = h > 0 ? (float)b->y / (float)h : 0.5f;
    return ACT_CLICK;
}

action_t input_translate(const SDL_Event *e, float *fx, float *fy)
{
    switch (e->type) {
    case SDL_QUIT:
    case SDL_APP_TERMINATING: return ACT_QUIT;
    case SDL_KEYDOWN: return from_key(&e->key);
    case SDL_MOUSEBUTTONDOWN: return from_mouse(&e->button, fx, fy);
    case SDL_FINGERDOWN:
        if (e->tfinger.touchId == SDL_MOUSE_TOUCHID)
            return ACT_NONE; /* made up from a mouse click, which acts already */
        *fx = e->tfinger.x;
        *fy = e->tfinger.y;
        return ACT_CLICK;
    case SDL_CONTROLLERBUTTONDOWN: return from_button(e->cbutton.button);
    default: return ACT_NONE;
    }
}
