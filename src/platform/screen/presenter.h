/* --presenter: the adult's view in a window on a second display (current and next phase,
 * prompt, time, the plan's note for the phase, the keys) while the child view fills the
 * first. With one display it opens nothing and says why. */
#ifndef SAFEBASE_PLATFORM_PRESENTER_H
#define SAFEBASE_PLATFORM_PRESENTER_H

#include <SDL.h>
#include <stdbool.h>

#include "core/plan/plan.h"
#include "core/session/session.h"
#include "core/plan/settings.h"
#include "platform/screen/draw.h"
#include "platform/screen/formscreen.h"
#include "platform/screen/text.h"

typedef struct {
    SDL_Window *win;
    SDL_Renderer *renderer;
    text_t *text;
    draw_t draw;
    Uint32 window_id;
} presenter_t;

/* Opens the adult's window on the first display that is not child_display. Returns false and
 * the reason in msg (only one display, or the window failed); nothing is then open. */
bool presenter_open(presenter_t *p, int child_display, const settings_t *s, char *msg, size_t size);

/* True while the adult's window is open. */
bool presenter_is_open(const presenter_t *p);

/* Draws the adult's view: the session's view v (NULL outside a session, when status says what
 * the main screen shows), with plan (may be NULL) and banner, the message the app shows now
 * (NULL or "" for none: in a session the child's screen leaves it to this window), and the
 * help overlay faded in to help_level (0 none; in a session it shows here, not to the child). */
void presenter_draw(presenter_t *p, const plan_t *plan, const session_view_t *v, const char *status,
                    const char *banner, double help_level);

/* Draws a form (Adjust, the music, a client's name, a plan's mistakes) on the adult's window,
 * with banner (NULL or "" for none): in presenter mode these screens are the adult's, and the
 * child's screen stays on the calm ready screen. */
void presenter_draw_form(presenter_t *p, const draw_form_t *f, const char *banner);

/* Closes the adult's window (safe when none is open). */
void presenter_close(presenter_t *p);

#endif
