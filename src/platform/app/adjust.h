/* The Adjust screen (E on the ready screen): the rows core/plan/planedit.c offers for the open
 * plan, the one chosen, and saving the result as the user's own plan. The arithmetic of each
 * row is planedit's; this reads the plan's file and writes the new one (savefile). */
#ifndef SAFEBASE_PLATFORM_APP_ADJUST_H
#define SAFEBASE_PLATFORM_APP_ADJUST_H

#include <stdbool.h>

#include "core/plan/planedit.h"
#include "core/session/control.h"
#include "platform/screen/formscreen.h"
#include "platform/sys/catalog.h"

typedef enum {
    ADJUST_NONE,        /* nothing to do */
    ADJUST_CHANGED,     /* a row or a value changed: draw again */
    ADJUST_SAVE,        /* Enter or the Save button */
    ADJUST_LEAVE,       /* Esc, B or Cancel: leave without saving */
    ADJUST_MUSIC        /* the music row: open the chooser */
} adjust_result_t;

typedef struct {
    bool open;
    planedit_t edit;
    planedit_row_t rows[PLANEDIT_ROW_KINDS];
    int nrows, sel;
    char title[256];              /* the original plan's title... */
    char path[4096];              /* ...its file... */
    bool own;                     /* ...and whether it is the user's own (saved in place) */
    /* what the form shows (pointed into by adjust_form's draw_form_t) */
    char head[320];
    char values[PLANEDIT_ROW_KINDS][96];
    const char *labelp[PLANEDIT_ROW_KINDS], *valuep[PLANEDIT_ROW_KINDS];
    char side[DRAW_FORM_MAX_SIDE][PLANEDIT_LINE];
    const char *sidep[DRAW_FORM_MAX_SIDE];
    catalog_entry_t unsaved;      /* the plan as adjusted, when it could not be saved (borrowed plan) */
} adjust_t;

/* Opens the Adjust screen for catalogue entry e (its file is read again). False with why. */
bool adjust_open(adjust_t *a, const catalog_entry_t *e, char *why, size_t whysize);

/* Frees what the screen holds (also a plan left running unsaved: call it only when no session
 * runs that plan). */
void adjust_close(adjust_t *a);

/* What act means here: Up/Down move between rows, Left/Right change the value, Enter saves,
 * Esc or B leaves; a click or tap on a row chooses it, on its ◂ ▸ changes it, on a button
 * does what it says. form is what adjust_form gave (for where things are). */
adjust_result_t adjust_action(adjust_t *a, action_t act, float fx, float fy, const draw_t *d);

/* The form to draw (pointing into a). */
void adjust_form(adjust_t *a, draw_form_t *f);

/* Sets the plan's music (the chooser's choice). */
bool adjust_set_music(adjust_t *a, const char *music);

/* Saves the adjusted plan: the user's own plan in place (atomically); any other as a new
 * plan "TITLE (yours)" ("(yours 2)"...) in the user's plans folder, never over another file.
 * cat gives the titles already taken. The file written goes to path. False with err (the
 * plan can still run unsaved: adjust_unsaved). */
bool adjust_save(adjust_t *a, const catalog_t *cat, char *path, size_t pathsize, char *err, size_t errsize);

/* Keeps the plan as it was opened (K, a plan someone sent) as a new file in the user's plans,
 * named after its file, its relative music made absolute and a first comment saying where it
 * came from. False with err. */
bool adjust_keep(adjust_t *a, char *path, size_t pathsize, char *err, size_t errsize);

/* The adjusted plan as a catalogue entry that was never saved (valid until adjust_close or the
 * next adjust_open). */
const catalog_entry_t *adjust_unsaved(adjust_t *a);

#endif
