/* Input as the app sees it: synthetic SDL events pushed through SDL's queue, translated by
 * input_translate and answered by the session controls, counting the session inputs that come
 * out. Keys by scancode, repeats ignored, presenter clicker keys, tap zones, a touch acting
 * once (SDL's made-up mouse click dropped), game controller buttons, Start twice to end. */
#include "check.h"
#include "core/session/control.h"
#include "platform/sys/input.h"

static SDL_Window *win;
static control_t ctl;
static int64_t now_ms;

/* Pushes e, drains the queue, returns the session inputs it caused (counted in *n). */
static session_input_t through(SDL_Event *e, int *n)
{
    session_input_t last = INPUT_NONE;
    *n = 0;
    SDL_PushEvent(e);
    SDL_Event got;
    while (SDL_PollEvent(&got)) {
        float fx = -1, fy = -1;
        action_t a = input_translate(&got, &fx, &fy);
        control_result_t r = control_session(&ctl, a, fx, false, now_ms);
        if (r.input != INPUT_NONE) {
            last = r.input;
            (*n)++;
        }
    }
    now_ms += 100;
    return last;
}

static session_input_t key(SDL_Scancode sc, int repeat, int *n)
{
    SDL_Event e = { .type = SDL_KEYDOWN };
    e.key.keysym.scancode = sc;
    e.key.keysym.sym = SDL_GetKeyFromScancode(sc);
    e.key.repeat = (Uint8)repeat;
    e.key.windowID = SDL_GetWindowID(win);
    return through(&e, n);
}

static session_input_t button(SDL_GameControllerButton b, int *n)
{
    SDL_Event e = { .type = SDL_CONTROLLERBUTTONDOWN };
    e.cbutton.button = (Uint8)b;
    e.cbutton.state = SDL_PRESSED;
    return through(&e, n);
}

static action_t translate_key(SDL_Scancode sc, Uint16 mod)
{
    SDL_Event e = { .type = SDL_KEYDOWN };
    e.key.keysym.scancode = sc;
    e.key.keysym.mod = mod;
    float fx, fy;
    return input_translate(&e, &fx, &fy);
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    win = SDL_CreateWindow("input test", 0, 0, 900, 600, SDL_WINDOW_HIDDEN);
    CHECK(win != NULL);
    control_init(&ctl);
    int n;

    /* keys, and a held key acts once */
    CHECK_EQ_INT(key(SDL_SCANCODE_SPACE, 0, &n), INPUT_PAUSE);
    CHECK_EQ_INT(n, 1);
    CHECK_EQ_INT(key(SDL_SCANCODE_SPACE, 1, &n), INPUT_NONE);
    CHECK_EQ_INT(n, 0);
    CHECK_EQ_INT(key(SDL_SCANCODE_RIGHT, 0, &n), INPUT_NEXT);
    CHECK_EQ_INT(key(SDL_SCANCODE_LEFT, 0, &n), INPUT_BACK);
    CHECK_EQ_INT(key(SDL_SCANCODE_UP, 0, &n), INPUT_EXTEND);
    CHECK_EQ_INT(key(SDL_SCANCODE_R, 0, &n), INPUT_RECONNECT);
    CHECK_EQ_INT(key(SDL_SCANCODE_L, 0, &n), INPUT_LOOK_BACK);
    /* a presenter clicker: Page Down / Page Up, and its Esc then Esc ends */
    CHECK_EQ_INT(key(SDL_SCANCODE_PAGEDOWN, 0, &n), INPUT_NEXT);
    CHECK_EQ_INT(key(SDL_SCANCODE_PAGEUP, 0, &n), INPUT_BACK);
    CHECK_EQ_INT(key(SDL_SCANCODE_ESCAPE, 0, &n), INPUT_NONE);
    CHECK_EQ_INT(key(SDL_SCANCODE_ESCAPE, 1, &n), INPUT_NONE); /* a held Esc does not confirm */
    CHECK_EQ_INT(key(SDL_SCANCODE_ESCAPE, 0, &n), INPUT_END);
    CHECK_EQ_INT(n, 1);
    /* its "blank" key ('.' or B): the next press only brings the screen back */
    key(SDL_SCANCODE_PERIOD, 0, &n);
    CHECK(ctl.blank);
    CHECK_EQ_INT(key(SDL_SCANCODE_PAGEDOWN, 0, &n), INPUT_NONE);
    CHECK(!ctl.blank);
    key(SDL_SCANCODE_B, 0, &n);
    CHECK(ctl.blank);
    key(SDL_SCANCODE_B, 0, &n);
    CHECK(!ctl.blank);
    /* the rest of the keyboard map, by scancode */
    CHECK_EQ_INT(translate_key(SDL_SCANCODE_F5, 0), ACT_RESUME);
    CHECK_EQ_INT(translate_key(SDL_SCANCODE_F1, 0), ACT_HELP);
    CHECK_EQ_INT(translate_key(SDL_SCANCODE_SLASH, KMOD_LSHIFT), ACT_HELP);
    CHECK_EQ_INT(translate_key(SDL_SCANCODE_SLASH, 0), ACT_NONE);
    CHECK_EQ_INT(translate_key(SDL_SCANCODE_T, 0), ACT_TOGGLE_TIME);
    CHECK_EQ_INT(translate_key(SDL_SCANCODE_C, 0), ACT_TOGGLE_CHILD);
    CHECK_EQ_INT(translate_key(SDL_SCANCODE_F, 0), ACT_FULLSCREEN);
    CHECK_EQ_INT(translate_key(SDL_SCANCODE_KP_ENTER, 0), ACT_ENTER);
    CHECK_EQ_INT(translate_key(SDL_SCANCODE_Q, 0), ACT_NONE);

    /* mouse: tap zones by where on the window (900 px wide) */
    SDL_Event m = { .type = SDL_MOUSEBUTTONDOWN };
    m.button.button = SDL_BUTTON_LEFT;
    m.button.windowID = SDL_GetWindowID(win);
    m.button.which = 0;
    m.button.x = 100;
    CHECK_EQ_INT(through(&m, &n), INPUT_BACK);
    m.button.x = 450;
    CHECK_EQ_INT(through(&m, &n), INPUT_PAUSE);
    m.button.x = 800;
    CHECK_EQ_INT(through(&m, &n), INPUT_NEXT);
    m.button.button = SDL_BUTTON_RIGHT;
    CHECK_EQ_INT(through(&m, &n), INPUT_NONE);

    /* touch: the finger and the mouse click SDL makes up from it act once together */
    SDL_Event f = { .type = SDL_FINGERDOWN };
    f.tfinger.touchId = 1;
    f.tfinger.x = 0.9f;
    f.tfinger.y = 0.5f;
    SDL_Event dup = { .type = SDL_MOUSEBUTTONDOWN };
    dup.button.button = SDL_BUTTON_LEFT;
    dup.button.which = SDL_TOUCH_MOUSEID;
    dup.button.windowID = SDL_GetWindowID(win);
    dup.button.x = 810;
    SDL_PushEvent(&f);
    CHECK_EQ_INT(through(&dup, &n), INPUT_NEXT);
    CHECK_EQ_INT(n, 1);
    f.tfinger.x = 0.1f;
    CHECK_EQ_INT(through(&f, &n), INPUT_BACK);
    f.tfinger.touchId = SDL_MOUSE_TOUCHID; /* a touch made up from a mouse click */
    CHECK_EQ_INT(through(&f, &n), INPUT_NONE);

    /* game controller */
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_A, &n), INPUT_PAUSE);
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, &n), INPUT_NEXT);
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_LEFTSHOULDER, &n), INPUT_BACK);
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_DPAD_UP, &n), INPUT_EXTEND);
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_X, &n), INPUT_RECONNECT);
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_START, &n), INPUT_NONE);
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_A, &n), INPUT_PAUSE); /* cancels, and acts */
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_START, &n), INPUT_NONE);
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_START, &n), INPUT_END);
    CHECK_EQ_INT(n, 1);
    now_ms += 10000;
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_START, &n), INPUT_NONE);
    now_ms += CONTROL_CONFIRM_MS; /* too slow: the second Start asks again */
    CHECK_EQ_INT(button(SDL_CONTROLLER_BUTTON_START, &n), INPUT_NONE);

    /* a window closing is a quit, whatever screen */
    SDL_Event q = { .type = SDL_QUIT };
    float fx, fy;
    CHECK_EQ_INT(input_translate(&q, &fx, &fy), ACT_QUIT);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return check_summary();
}
