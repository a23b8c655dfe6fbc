/* The client field's text and its checks. Typed text arrives as SDL_TEXTINPUT; keys that mean
 * something elsewhere (E, M, H...) are swallowed here while the field shows. */
#include "platform/app/namefield.h"

#include <stdio.h>
#include <string.h>

#include "core/base/translate.h"
#include "core/base/utf8.h"

static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static bool has_control(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7F)
            return true;
    }
    return false;
}

bool namefield_check(const char *label, char *why, size_t whysize)
{
    if (has_control(label)) {
        /* TRANSLATORS: the client field: why the typed name cannot be used */
        snprintf(why, whysize, "%s", _("A name cannot hold control characters (tabs, line breaks)"));
        return false;
    }
    if (chars(label) > NAMEFIELD_MAX_CHARS) {
        /* TRANSLATORS: the client field: why the typed name cannot be used */
        snprintf(why, whysize, _("At most %d characters: a pseudonym is short"), NAMEFIELD_MAX_CHARS);
        return false;
    }
    char err[160];
    if (!record_label_ok(label, err, sizeof err)) {
        /* TRANSLATORS: the client field, Enter on an empty name; Esc is a key */
        snprintf(why, whysize, "%s", !*label ? _("Type a pseudonym first (or Esc to leave the client as it was)") : err);
        return false;
    }
    return true;
}

void namefield_open(namefield_t *f, const char *known, const SDL_Event *opened_by)
{
    memset(f, 0, sizeof *f);
    snprintf(f->known, sizeof f->known, "%s", known ? known : "");
    if (opened_by && opened_by->type == SDL_KEYDOWN)
        f->opened_at = opened_by->key.timestamp ? opened_by->key.timestamp : 1;
    SDL_StartTextInput();
}

static namefield_result_t type(namefield_t *f, const char *add)
{
    char next[sizeof f->text], why[200];
    if (strlen(f->text) + strlen(add) >= sizeof next) {
        /* TRANSLATORS: the client field: the typed name is too long */
        snprintf(f->note, sizeof f->note, _("Too long for the log (at most %d bytes): a pseudonym is short"),
                 RECORD_MAX_CLIENT);
        return NAMEFIELD_CHANGED;
    }
    size_t have = strlen(f->text);
    memcpy(next, f->text, have);
    memcpy(next + have, add, strlen(add) + 1); /* fits: checked above */
    if (utf8_check(next, strlen(next)) != strlen(next)) {
        /* TRANSLATORS: the client field: what was typed is not valid text */
        snprintf(f->note, sizeof f->note, "%s", _("That is not text a name can hold"));
        return NAMEFIELD_CHANGED;
    }
    if (!namefield_check(next, why, sizeof why)) {
        snprintf(f->note, sizeof f->note, "%s", why);
        return NAMEFIELD_CHANGED;
    }
    memcpy(f->text, next, sizeof next);
    f->note[0] = '\0';
    return NAMEFIELD_CHANGED;
}

static namefield_result_t done(namefield_t *f)
{
    char why[200];
    if (!namefield_check(f->text, why, sizeof why)) {
        snprintf(f->note, sizeof f->note, "%s", why);
        return NAMEFIELD_CHANGED;
    }
    SDL_StopTextInput();
    return NAMEFIELD_DONE;
}

static namefield_result_t leave(void)
{
    SDL_StopTextInput();
    return NAMEFIELD_LEAVE;
}

namefield_result_t namefield_event(namefield_t *f, const SDL_Event *e, action_t act, float fx, float fy,
                                   const draw_t *d)
{
    if (e->type == SDL_TEXTINPUT) {
        bool own_key = f->opened_at && e->text.timestamp - f->opened_at < 100 && !f->text[0] &&
                       (strcmp(e->text.text, "n") == 0 || strcmp(e->text.text, "N") == 0);
        f->opened_at = 0;
        return own_key ? NAMEFIELD_NONE : type(f, e->text.text);
    }
    if (e->type == SDL_KEYDOWN) {
        switch (e->key.keysym.scancode) {
        case SDL_SCANCODE_RETURN:
        case SDL_SCANCODE_KP_ENTER: return e->key.repeat ? NAMEFIELD_NONE : done(f);
        case SDL_SCANCODE_ESCAPE: return e->key.repeat ? NAMEFIELD_NONE : leave();
        case SDL_SCANCODE_BACKSPACE:
            utf8_backspace(f->text);
            f->note[0] = '\0';
            return NAMEFIELD_CHANGED;
        default: return NAMEFIELD_NONE; /* letters arrive as SDL_TEXTINPUT */
        }
    }
    if (act == ACT_CANCEL)
        return leave();
    if (act == ACT_PAUSE && e->type == SDL_CONTROLLERBUTTONDOWN)
        return done(f);
    if (act == ACT_CLICK) {
        draw_form_t form;
        namefield_form(f, &form);
        int hit = draw_form_hit(d, &form, fx, fy);
        return hit == DRAW_FORM_BUTTON + 0 ? done(f) : hit == DRAW_FORM_BUTTON + 1 ? leave() : NAMEFIELD_NONE;
    }
    return NAMEFIELD_NONE;
}

void namefield_form(namefield_t *f, draw_form_t *form)
{
    memset(form, 0, sizeof *form);
    /* TRANSLATORS: the client field's title (N on the ready screen) */
    form->title = _("A new client");
    /* TRANSLATORS: the client field's subtitle when no label was used before */
    form->subtitle = f->known[0] ? f->known : _("Type a pseudonym: initials or a nickname");
    form->sel = -1;
    snprintf(f->shown, sizeof f->shown, "%s", f->text);
    form->field = f->shown;
    /* TRANSLATORS: under the client field */
    form->field_note = f->note[0] ? f->note : _("Pseudonyms only: never a child's real name");
    /* TRANSLATORS: the client field's key hint; the keys' names (Enter, Esc, Tab) stay as on
       the keyboard */
    form->hint = _("Type the pseudonym \xC2\xB7 Enter: use it \xC2\xB7 Esc: leave \xC2\xB7 "
                   "Tab on the ready screen: names used before");
    /* TRANSLATORS: the client field's buttons (about 12 characters each) */
    form->buttons[0] = _("Use it");
    /* TRANSLATORS: the client field's buttons (about 12 characters each) */
    form->buttons[1] = _("Cancel");
    form->nbuttons = 2;
}
