/* The client field (N on the ready screen): a pseudonym typed in, UTF-8, checked as it is
 * typed (no control characters, at most NAMEFIELD_MAX_CHARS characters) and refused with a
 * message rather than cut. Holds the text; the log's part keeps the labels (applog.c). */
#ifndef SAFEBASE_PLATFORM_APP_NAMEFIELD_H
#define SAFEBASE_PLATFORM_APP_NAMEFIELD_H

#include <SDL.h>
#include <stdbool.h>

#include "core/log/record.h"
#include "core/session/control.h"
#include "platform/screen/formscreen.h"

#define NAMEFIELD_MAX_CHARS 40

typedef enum { NAMEFIELD_NONE, NAMEFIELD_CHANGED, NAMEFIELD_DONE, NAMEFIELD_LEAVE } namefield_result_t;

typedef struct {
    char text[RECORD_MAX_CLIENT + 1];
    char note[200];               /* why something typed was refused, or "" */
    char shown[RECORD_MAX_CLIENT + 8];
    char known[400];              /* the labels used before, for the subtitle */
    Uint32 opened_at;             /* the N key that opened the field (its own letter arrives as text too) */
} namefield_t;

/* Opens an empty field; known lists labels used before ("" none); opened_by: the event that
 * opened it (the N key's own letter, which SDL also sends as text, is not typed). */
void namefield_open(namefield_t *f, const char *known, const SDL_Event *opened_by);

/* Takes every event while the field shows (so typed letters are never read as keys): text,
 * Backspace, Enter (done, when the text is a good label), Esc (leave), a tap on a button.
 * act is the event's action (ACT_CLICK with fx, fy for a tap; ACT_CANCEL for a controller's B). */
namefield_result_t namefield_event(namefield_t *f, const SDL_Event *e, action_t act, float fx, float fy,
                                   const draw_t *d);

/* Whether label may be a client's pseudonym; the reason into why when it may not. */
bool namefield_check(const char *label, char *why, size_t whysize);

/* The form to draw (pointing into f). */
void namefield_form(namefield_t *f, draw_form_t *form);

#endif
