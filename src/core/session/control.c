/* The session screen's control rules. Decides what a press does; carries nothing out (the
 * platform shows the messages and hands the input to the session). */
#include "core/session/control.h"

#include "core/base/translate.h"

void control_init(control_t *c)
{
    *c = (control_t){ .confirm_until = 0, .asked_by = ACT_NONE, .blank = false };
}

action_t control_tap(float fx)
{
    if (fx < 1.0f / 3.0f)
        return ACT_BACK;
    return fx > 2.0f / 3.0f ? ACT_NEXT : ACT_PAUSE;
}

static session_input_t input_for(action_t act)
{
    switch (act) {
    case ACT_PAUSE: return INPUT_PAUSE;
    case ACT_NEXT: return INPUT_NEXT;
    case ACT_BACK: return INPUT_BACK;
    case ACT_UP: return INPUT_EXTEND;
    case ACT_RECONNECT: return INPUT_RECONNECT;
    case ACT_LOOK_BACK: return INPUT_LOOK_BACK;
    default: return INPUT_NONE;
    }
}

static const char *ask_text(action_t by)
{
    /* TRANSLATORS: a banner during a session, after a first press of a game controller's
       Start button (the button's name stays as printed on it) */
    return by == ACT_END ? _("Press Start again to end the session")
                         /* TRANSLATORS: a banner during a session, after a first press of Esc;
                            the keys' names Esc and Enter stay as on the keyboard */
                         : _("Press Esc again (or Enter) to end the session");
}

control_result_t control_session(control_t *c, action_t act, float fx, bool paused, int64_t now_ms)
{
    control_result_t r = { .input = INPUT_NONE };
    if (act == ACT_NONE)
        return r;
    if (act == ACT_CLICK)
        act = control_tap(fx);
    if (c->blank) { /* any press only brings the screen back */
        c->blank = false;
        return r;
    }
    bool confirming = c->confirm_until > now_ms;
    c->confirm_until = 0;
    if (confirming && (act == c->asked_by || (c->asked_by == ACT_ESCAPE && act == ACT_ENTER))) {
        r.input = INPUT_END;
        r.hide_message = true;
        return r;
    }
    if (act == ACT_ESCAPE || act == ACT_END) { /* asks (afresh, if the other device had asked) */
        c->confirm_until = now_ms + CONTROL_CONFIRM_MS;
        c->asked_by = act;
        r.message = ask_text(act);
        r.message_ms = CONTROL_CONFIRM_MS;
        return r;
    }
    r.hide_message = confirming; /* cancelled; the press still does what it does */
    switch (act) {
    case ACT_RESUME:
        r.input = paused ? INPUT_PAUSE : INPUT_NONE; /* never pauses */
        return r;
    case ACT_BLANK: c->blank = true; break;
    case ACT_TOGGLE_TIME: r.toggle_time = true; break;
    case ACT_TOGGLE_CHILD: r.toggle_child = true; break;
    case ACT_UP:
        /* TRANSLATORS: a short banner during a session: the phase got a minute longer */
        r.message = _("One more minute");
        r.message_ms = 2000;
        break;
    case ACT_LOOK_BACK:
        /* TRANSLATORS: a short banner during a session: the adult marked that the child looked
           back (a look-back is counted in the log and the report) */
        r.message = _("Look-back noted");
        r.message_ms = 1500;
        break;
    default: break;
    }
    r.input = input_for(act);
    return r;
}
