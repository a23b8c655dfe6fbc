/* The music chooser's rows and choice. The library's scan runs on its own thread (musiclib.c);
 * this copies what it found at most ten times a second, so a folder of 10,000 files never
 * holds up a frame. */
#include "platform/app/chooser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"
#include "platform/sys/paths.h"

#define COPY_EVERY_MS 100
#define PAGE 8

/* The last part of a path, for a recent choice's row. */
static const char *base_of(const char *path)
{
    size_t n = strlen(path);
    while (n > 1 && paths_is_separator(path[n - 1]))
        n--;
    const char *s = path + n;
    while (s > path && !paths_is_separator(s[-1]))
        s--;
    return s;
}

static void set_row(chooser_t *c, int i, const char *name, const char *detail)
{
    snprintf(c->names[i], sizeof c->names[i], "%.255s", name);
    snprintf(c->details[i], sizeof c->details[i], "%.47s", detail);
}

/* The fixed rows and the recent choices (the library's follow from row nfixed()). */
static int fill_fixed(chooser_t *c)
{
    /* TRANSLATORS: the music chooser's first row: the music that comes with the app, and its
       description in the column beside it (about 24 characters) */
    set_row(c, 0, _("Safe Base's own music"), _("calm, made for it"));
    /* TRANSLATORS: the music chooser's second row, and its description (about 24 characters) */
    set_row(c, 1, _("No music"), _("chimes only"));
    int n = 2;
    for (int i = 0; i < c->nrecent; i++, n++) {
        char name[300];
        /* TRANSLATORS: the music chooser: a row of music chosen before; %s is its name */
        snprintf(name, sizeof name, _("Recent: %.250s"), base_of(c->recent[i]));
        set_row(c, n, name, "");
    }
    return n;
}

static void copy_library(chooser_t *c)
{
    int n = fill_fixed(c);
    int count = c->lib ? musiclib_count(c->lib) : 0;
    musiclib_entry_t e;
    for (int i = 0; i < count && n < CHOOSER_ROWS; i++) {
        if (!musiclib_get(c->lib, i, &e))
            break;
        char detail[48];
        if (e.playlist)
            /* TRANSLATORS: the music chooser: a playlist's tracks (about 24 characters) */
            snprintf(detail, sizeof detail, _("%d in the list"), e.tracks);
        else
            /* TRANSLATORS: the music chooser: a folder's tracks (about 24 characters) */
            snprintf(detail, sizeof detail, P_("%d track", "%d tracks", e.tracks), e.tracks);
        set_row(c, n++, e.name, detail);
    }
    c->nrows = n;
    if (c->sel >= n)
        c->sel = n - 1;
}

bool chooser_open(chooser_t *c, const char *dir, const char *const *recent, int nrecent, const char *current)
{
    chooser_close(c);
    memset(c, 0, sizeof *c);
    c->names = calloc(CHOOSER_ROWS, sizeof *c->names);
    c->details = calloc(CHOOSER_ROWS, sizeof *c->details);
    c->namep = calloc(CHOOSER_ROWS, sizeof *c->namep);
    c->detailp = calloc(CHOOSER_ROWS, sizeof *c->detailp);
    if (!c->names || !c->details || !c->namep || !c->detailp) {
        chooser_close(c);
        return false;
    }
    snprintf(c->dir, sizeof c->dir, "%s", dir ? dir : "");
    paths_shown(c->dir, c->shown_dir, sizeof c->shown_dir);
    for (int i = 0; i < nrecent && i < CHOOSER_RECENT; i++)
        snprintf(c->recent[c->nrecent++], sizeof c->recent[0], "%s", recent[i]);
    if (c->dir[0])
        c->lib = musiclib_start(c->dir, c->why, sizeof c->why);
    else
        snprintf(c->why, sizeof c->why, "%s", _("no music folder (HOME is not set)"));
    c->sel = 0;
    if (current && strcmp(current, "none") == 0)
        c->sel = 1;
    for (int i = 0; current && i < c->nrecent; i++) {
        if (strcmp(current, c->recent[i]) == 0)
            c->sel = 2 + i;
    }
    copy_library(c);
    c->version = c->lib ? musiclib_version(c->lib) : 0;
    return true;
}

void chooser_close(chooser_t *c)
{
    musiclib_stop(c->lib);
    c->lib = NULL;
    free(c->names);
    free(c->details);
    free(c->namep);
    free(c->detailp);
    c->names = NULL;
    c->details = NULL;
    c->namep = c->detailp = NULL;
    c->nrows = 0;
}

bool chooser_poll(chooser_t *c, int64_t now)
{
    if (!c->lib || !c->names)
        return false;
    unsigned v = musiclib_version(c->lib);
    if (v == c->version)
        return false;
    char why[320];
    bool done = musiclib_done(c->lib, why, sizeof why);
    if (!done && now - c->copied_at < COPY_EVERY_MS)
        return false;
    copy_library(c);
    c->version = v;
    c->copied_at = now;
    if (done)
        snprintf(c->why, sizeof c->why, "%s", why);
    return true;
}

/* Row i chosen: what it stands for into c->chosen. */
static bool choose(chooser_t *c, int i)
{
    if (i < 0 || i >= c->nrows)
        return false;
    c->sel = i;
    if (i == 0)
        snprintf(c->chosen, sizeof c->chosen, "builtin");
    else if (i == 1)
        snprintf(c->chosen, sizeof c->chosen, "none");
    else if (i < 2 + c->nrecent)
        snprintf(c->chosen, sizeof c->chosen, "%s", c->recent[i - 2]);
    else {
        musiclib_entry_t e;
        /* the library's order may have shifted since the rows were copied: find it by name */
        int count = musiclib_count(c->lib), at = -1;
        for (int k = 0; k < count && at < 0; k++) {
            if (musiclib_get(c->lib, k, &e) && strcmp(e.name, c->names[i]) == 0)
                at = k;
        }
        if (at < 0)
            return false;
        snprintf(c->chosen, sizeof c->chosen, "%s", e.path);
    }
    snprintf(c->chosen_name, sizeof c->chosen_name, "%s", i < 2 ? c->names[i] : base_of(c->chosen));
    return true;
}

chooser_result_t chooser_action(chooser_t *c, action_t act, float fx, float fy, const draw_t *d)
{
    if (!c->names)
        return CHOOSER_NONE;
    int last = c->nrows - 1;
    switch (act) {
    case ACT_UP: c->sel = c->sel > 0 ? c->sel - 1 : 0; return CHOOSER_CHANGED;
    case ACT_DOWN: c->sel = c->sel < last ? c->sel + 1 : last; return CHOOSER_CHANGED;
    case ACT_BACK: c->sel = c->sel > PAGE ? c->sel - PAGE : 0; return CHOOSER_CHANGED;
    case ACT_NEXT: c->sel = c->sel + PAGE < last ? c->sel + PAGE : last; return CHOOSER_CHANGED;
    case ACT_ENTER:
    case ACT_PAUSE:
    case ACT_RESUME:
    case ACT_END: return choose(c, c->sel) ? CHOOSER_CHOSEN : CHOOSER_CHANGED;
    case ACT_ESCAPE:
    case ACT_CANCEL: return CHOOSER_LEAVE;
    case ACT_CLICK: {
        draw_form_t f;
        chooser_form(c, &f);
        int hit = draw_form_hit(d, &f, fx, fy);
        if (hit == DRAW_FORM_BUTTON + 0)
            return choose(c, c->sel) ? CHOOSER_CHOSEN : CHOOSER_CHANGED;
        if (hit == DRAW_FORM_BUTTON + 1)
            return CHOOSER_LEAVE;
        if (hit >= 0 && hit < c->nrows)
            return choose(c, hit) ? CHOOSER_CHOSEN : CHOOSER_CHANGED;
        return CHOOSER_NONE;
    }
    default: return CHOOSER_NONE;
    }
}

void chooser_form(chooser_t *c, draw_form_t *f)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < c->nrows; i++) {
        c->namep[i] = c->names[i];
        c->detailp[i] = c->details[i];
    }
    char why[320] = "";
    bool done = !c->lib || musiclib_done(c->lib, why, sizeof why);
    int found = c->nrows - 2 - c->nrecent;
    if (!done)
        /* TRANSLATORS: the music chooser while it looks through the music folder (%s) */
        snprintf(c->note, sizeof c->note, _("Looking in %s\xE2\x80\xA6 %d found so far"), c->shown_dir, found);
    else if (c->why[0])
        snprintf(c->note, sizeof c->note, "%s", c->why);
    else
        /* TRANSLATORS: the music chooser: what was found in the music folder (%s) */
        snprintf(c->note, sizeof c->note, P_("From %s: %d folder and playlist", "From %s: %d folders and playlists", found),
                 c->shown_dir, found);
    /* TRANSLATORS: the music chooser's title */
    snprintf(c->head, sizeof c->head, "%s", _("Choose the music"));
    f->title = c->head;
    f->subtitle = c->note;
    f->labels = c->namep;
    f->values = c->detailp;
    f->count = c->nrows;
    f->sel = c->sel;
    /* TRANSLATORS: the music chooser's key hint; the keys' names (Up, Down, Left, Right, Enter,
       Esc) stay as on the keyboard */
    f->hint = _("Up/Down: a row \xC2\xB7 Left/Right: a page \xC2\xB7 Enter: choose \xC2\xB7 Esc: leave as it was");
    /* TRANSLATORS: the music chooser's buttons (about 12 characters each) */
    f->buttons[0] = _("Choose");
    /* TRANSLATORS: the music chooser's buttons (about 12 characters each) */
    f->buttons[1] = _("Cancel");
    f->nbuttons = 2;
}
