/* Session controls as a timeline: ending always takes two presses within 3 s (Esc then Esc or
 * Enter; Start then Start), anything else cancels the question and still acts, a lone Esc
 * never ends; tap zones; F5 resumes but never pauses; the blank screen swallows one press. */
#include "check.h"
#include "core/session/control.h"

static session_input_t press(control_t *c, action_t a, int64_t now)
{
    return control_session(c, a, 0.5f, false, now).input;
}

int main(void)
{
    control_t c;
    control_init(&c);

    /* Esc asks, with a message on screen; Esc within 3 s ends */
    control_result_t r = control_session(&c, ACT_ESCAPE, 0, false, 1000);
    CHECK_EQ_INT(r.input, INPUT_NONE);
    CHECK(r.message != NULL && r.message_ms == CONTROL_CONFIRM_MS);
    CHECK_EQ_INT(press(&c, ACT_ESCAPE, 3999), INPUT_END);
    /* Enter also confirms */
    press(&c, ACT_ESCAPE, 10000);
    CHECK_EQ_INT(press(&c, ACT_ENTER, 10500), INPUT_END);
    /* too late: the second Esc asks again instead of ending */
    press(&c, ACT_ESCAPE, 20000);
    r = control_session(&c, ACT_ESCAPE, 0, false, 23000);
    CHECK_EQ_INT(r.input, INPUT_NONE);
    CHECK(r.message != NULL);
    CHECK_EQ_INT(press(&c, ACT_ESCAPE, 24000), INPUT_END);
    /* any other press cancels, takes the message away, and still does its job */
    press(&c, ACT_ESCAPE, 30000);
    r = control_session(&c, ACT_NEXT, 0, false, 30500);
    CHECK_EQ_INT(r.input, INPUT_NEXT);
    CHECK(r.hide_message);
    r = control_session(&c, ACT_ESCAPE, 0, false, 31000); /* asks afresh */
    CHECK_EQ_INT(r.input, INPUT_NONE);
    CHECK(r.message != NULL);
    control_session(&c, ACT_PAUSE, 0, false, 31200);
    CHECK_EQ_INT(press(&c, ACT_ENTER, 31400), INPUT_NONE); /* Enter alone never ends */
    /* Start then Start ends; Start then Esc does not (one device, one gesture) */
    r = control_session(&c, ACT_END, 0, false, 40000);
    CHECK(r.message != NULL && strstr(r.message, "Start") != NULL);
    CHECK_EQ_INT(press(&c, ACT_END, 41000), INPUT_END);
    press(&c, ACT_END, 50000);
    CHECK_EQ_INT(press(&c, ACT_ESCAPE, 50500), INPUT_NONE);
    CHECK_EQ_INT(press(&c, ACT_ESCAPE, 51000), INPUT_END);

    /* the rest of the keys */
    CHECK_EQ_INT(press(&c, ACT_PAUSE, 60000), INPUT_PAUSE);
    CHECK_EQ_INT(press(&c, ACT_BACK, 60000), INPUT_BACK);
    CHECK_EQ_INT(press(&c, ACT_UP, 60000), INPUT_EXTEND);
    CHECK_EQ_INT(press(&c, ACT_RECONNECT, 60000), INPUT_RECONNECT);
    CHECK_EQ_INT(press(&c, ACT_LOOK_BACK, 60000), INPUT_LOOK_BACK);
    CHECK(control_session(&c, ACT_TOGGLE_TIME, 0, false, 60000).toggle_time);
    CHECK(control_session(&c, ACT_TOGGLE_CHILD, 0, false, 60000).toggle_child);
    /* F5 resumes a paused session and never pauses a running one */
    CHECK_EQ_INT(control_session(&c, ACT_RESUME, 0, true, 61000).input, INPUT_PAUSE);
    CHECK_EQ_INT(control_session(&c, ACT_RESUME, 0, false, 61000).input, INPUT_NONE);

    /* tap zones: left third back, right third next, middle pause */
    CHECK_EQ_INT(control_session(&c, ACT_CLICK, 0.10f, false, 70000).input, INPUT_BACK);
    CHECK_EQ_INT(control_session(&c, ACT_CLICK, 0.32f, false, 70000).input, INPUT_BACK);
    CHECK_EQ_INT(control_session(&c, ACT_CLICK, 0.50f, false, 70000).input, INPUT_PAUSE);
    CHECK_EQ_INT(control_session(&c, ACT_CLICK, 0.90f, false, 70000).input, INPUT_NEXT);
    CHECK_EQ_INT(control_tap(0.34f), ACT_PAUSE);
    CHECK_EQ_INT(control_tap(0.67f), ACT_NEXT);

    /* blank: '.' blanks; the next press (any) only brings the screen back */
    press(&c, ACT_BLANK, 80000);
    CHECK(c.blank);
    CHECK_EQ_INT(press(&c, ACT_NEXT, 81000), INPUT_NONE);
    CHECK(!c.blank);
    CHECK_EQ_INT(press(&c, ACT_NEXT, 81500), INPUT_NEXT);
    press(&c, ACT_BLANK, 82000);
    CHECK_EQ_INT(press(&c, ACT_ESCAPE, 82500), INPUT_NONE); /* Esc while blank: no question */
    CHECK_EQ_INT(press(&c, ACT_ESCAPE, 83000), INPUT_NONE);
    CHECK_EQ_INT(press(&c, ACT_ESCAPE, 83500), INPUT_END);
    CHECK_EQ_INT(press(&c, ACT_NONE, 90000), INPUT_NONE);
    return check_summary();
}
