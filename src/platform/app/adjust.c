/* The Adjust screen's state and its files: reads the plan's text, hands each press to
 * core/plan/planedit.c, and writes the result as the user's own plan through savefile (a new
 * file never replaces another; one's own plan is replaced atomically). Draws nothing itself. */
#include "platform/app/adjust.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/translate.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"
#include "platform/sys/savefile.h"

/* The whole file at path (at most CATALOG_MAX_FILE bytes) into a malloc'd buffer. */
static char *read_text(const char *path, size_t *len, char *why, size_t whysize)
{
    FILE *f = osfile_fopen(path, "rb");
    if (!f) {
        /* TRANSLATORS: a plan file (%1$s) that cannot be read, and why */
        snprintf(why, whysize, _("cannot read %s: %s"), path, strerror(errno));
        return NULL;
    }
    char *text = malloc(CATALOG_MAX_FILE + 1);
    size_t n = text ? fread(text, 1, CATALOG_MAX_FILE + 1, f) : 0;
    bool bad = ferror(f) != 0;
    fclose(f);
    if (!text || bad || n > CATALOG_MAX_FILE) {
        snprintf(why, whysize, _("cannot read %s: %s"), path,
                 !text ? _("out of memory") : bad ? _("read error") : _("too large"));
        free(text);
        return NULL;
    }
    text[n] = '\0';
    *len = n;
    return text;
}

bool adjust_open(adjust_t *a, const catalog_entry_t *e, char *why, size_t whysize)
{
    adjust_close(a);
    size_t len = 0;
    char *text = read_text(e->path, &len, why, whysize);
    if (!text)
        return false;
    char dir[4096];
    paths_dirname(e->path, dir, sizeof dir);
    plan_errors_t errs = { .count = 0 };
    bool ok = planedit_open(&a->edit, text, len, dir, &errs);
    free(text);
    if (!ok) {
        /* TRANSLATORS: the plan file (%1$s) changed on disk and has a mistake now: its line
           (%2$d) and what is wrong there */
        snprintf(why, whysize, _("%s has changed since it was read: line %d: %s"), e->path,
                 errs.count ? errs.items[0].line : 0, errs.count ? errs.items[0].message : _("it does not read"));
        return false;
    }
    a->open = true;
    a->nrows = planedit_rows(&a->edit, a->rows);
    a->sel = 0;
    snprintf(a->title, sizeof a->title, "%s", e->plan.title);
    snprintf(a->path, sizeof a->path, "%s", e->path);
    a->own = e->user;
    return true;
}

void adjust_close(adjust_t *a)
{
    if (a->open)
        planedit_free(&a->edit);
    a->open = false;
}

/* The row at fx, fy as the form lays it out, and what a tap there does. */
static adjust_result_t click(adjust_t *a, float fx, float fy, const draw_t *d)
{
    draw_form_t f;
    adjust_form(a, &f);
    int hit = draw_form_hit(d, &f, fx, fy);
    if (hit == DRAW_FORM_BUTTON + 0)
        return ADJUST_SAVE;
    if (hit == DRAW_FORM_BUTTON + 1)
        return ADJUST_LEAVE;
    int dir = hit >= DRAW_FORM_RIGHT_OF ? 1 : hit >= DRAW_FORM_LEFT_OF ? -1 : 0;
    int row = hit >= DRAW_FORM_RIGHT_OF ? hit - DRAW_FORM_RIGHT_OF : hit >= DRAW_FORM_LEFT_OF ? hit - DRAW_FORM_LEFT_OF : hit;
    if (row < 0 || row >= a->nrows)
        return ADJUST_NONE;
    a->sel = row;
    if (a->rows[row] == PLANEDIT_MUSIC && dir != 0)
        return ADJUST_MUSIC;
    if (dir != 0)
        planedit_step(&a->edit, a->rows[row], dir);
    return ADJUST_CHANGED;
}

adjust_result_t adjust_action(adjust_t *a, action_t act, float fx, float fy, const draw_t *d)
{
    if (!a->open)
        return ADJUST_NONE;
    planedit_row_t row = a->rows[a->sel];
    switch (act) {
    case ACT_UP:
        a->sel = a->sel > 0 ? a->sel - 1 : a->sel;
        return ADJUST_CHANGED;
    case ACT_DOWN:
        a->sel = a->sel < a->nrows - 1 ? a->sel + 1 : a->sel;
        return ADJUST_CHANGED;
    case ACT_NEXT:
    case ACT_BACK:
        if (row == PLANEDIT_MUSIC)
            return ADJUST_MUSIC;
        planedit_step(&a->edit, row, act == ACT_NEXT ? 1 : -1);
        return ADJUST_CHANGED;
    case ACT_PAUSE: /* Space or a controller's A: the music row opens the chooser; elsewhere it saves */
        return row == PLANEDIT_MUSIC ? ADJUST_MUSIC : ADJUST_SAVE;
    case ACT_ENTER:
    case ACT_END: return row == PLANEDIT_MUSIC && act == ACT_ENTER ? ADJUST_MUSIC : ADJUST_SAVE;
    case ACT_ESCAPE:
    case ACT_CANCEL: return ADJUST_LEAVE;
    case ACT_CLICK: return click(a, fx, fy, d);
    default: return ADJUST_NONE;
    }
}

void adjust_form(adjust_t *a, draw_form_t *f)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < a->nrows; i++) {
        a->labelp[i] = planedit_label(a->rows[i]);
        planedit_value(&a->edit, a->rows[i], a->values[i], sizeof a->values[i]);
        a->valuep[i] = a->values[i];
    }
    int nside = planedit_outline(&a->edit, a->side, DRAW_FORM_MAX_SIDE);
    for (int i = 0; i < nside; i++)
        a->sidep[i] = a->side[i];
    /* TRANSLATORS: the Adjust screen's title; %s is the plan's title */
    snprintf(a->head, sizeof a->head, _("Adjust: %s"), a->title);
    f->title = a->head;
    /* TRANSLATORS: under the Adjust screen's title, for one of the user's own plans */
    f->subtitle = a->own ? _("Your plan: saving changes it")
                         /* TRANSLATORS: under the Adjust screen's title, for a built-in plan or
                            a plan from outside */
                         : _("Saving keeps it as your own plan; this one stays as it is");
    f->labels = a->labelp;
    f->values = a->valuep;
    f->count = a->nrows;
    f->sel = a->sel;
    f->arrows = true;
    f->side = a->sidep;
    f->nside = nside;
    /* TRANSLATORS: the Adjust screen: the heading of the plan's preview beside the rows */
    f->side_title = _("The plan now");
    /* TRANSLATORS: the Adjust screen's key hint; the keys' names (Up, Down, Left, Right, Enter,
       Esc) stay as on the keyboard */
    f->hint = _("Up/Down: a row \xC2\xB7 Left/Right: change \xC2\xB7 Enter: save \xC2\xB7 Esc: leave unsaved");
    /* TRANSLATORS: the Adjust screen's buttons (about 12 characters each) */
    f->buttons[0] = _("Save");
    /* TRANSLATORS: the Adjust screen's buttons (about 12 characters each) */
    f->buttons[1] = _("Cancel");
    f->nbuttons = 2;
}

bool adjust_set_music(adjust_t *a, const char *music)
{
    return a->open && planedit_set_music(&a->edit, music);
}

/* Today as YYYY-MM-DD, for the saved file's first comment. */
static void today(char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%d", &tm);
}

/* The user's plans folder ($XDG_CONFIG_HOME/safebase/plans). */
static bool plans_dir(char *dir, size_t size, char *err, size_t errsize)
{
    char config[4096];
    if (paths_config_dir(config, sizeof config) && paths_join(dir, size, config, "plans"))
        return true;
    snprintf(err, errsize, "%s", _("there is no folder for your plans (HOME is not set)"));
    return false;
}

bool adjust_save(adjust_t *a, const catalog_t *cat, char *path, size_t pathsize, char *err, size_t errsize)
{
    char date[32], from[4400], title[256], stem[96], dir[4096];
    err[0] = '\0';
    today(date, sizeof date);
    const char *base = paths_last_separator(a->path);
    snprintf(from, sizeof from, "\"%s\" (%s)", a->title, base ? base + 1 : a->path);
    char *text = NULL;
    bool ok = false;
    if (a->own) { /* in place: the first save's comment already says where it came from */
        text = planedit_text(&a->edit, NULL, NULL, date);
        ok = text && savefile_replace(a->path, text, strlen(text), err, errsize);
        if (ok)
            snprintf(path, pathsize, "%s", a->path);
    } else if (plans_dir(dir, sizeof dir, err, errsize)) {
        const char *taken[CATALOG_MAX];
        for (int i = 0; i < cat->count; i++)
            taken[i] = cat->items[i].plan.title;
        planedit_own_title(a->title, taken, cat->count, title, sizeof title);
        planedit_file_stem(title, stem, sizeof stem);
        text = planedit_text(&a->edit, title, from, date);
        ok = text && savefile_create(dir, stem, "plan", text, strlen(text), path, pathsize, err, errsize);
    }
    if (!text && !err[0])
        snprintf(err, errsize, "%s", _("out of memory"));
    free(text);
    return ok;
}

const catalog_entry_t *adjust_unsaved(adjust_t *a)
{
    memset(&a->unsaved, 0, sizeof a->unsaved);
    snprintf(a->unsaved.id, sizeof a->unsaved.id, "unsaved");
    snprintf(a->unsaved.path, sizeof a->unsaved.path, "%s", a->path);
    a->unsaved.plan = *planedit_plan(&a->edit);
    a->unsaved.opened = true;
    return &a->unsaved;
}

bool adjust_keep(adjust_t *a, char *path, size_t pathsize, char *err, size_t errsize)
{
    char date[32], from[4400], stem[96], dir[4096];
    err[0] = '\0';
    today(date, sizeof date);
    const char *base = paths_last_separator(a->path);
    base = base ? base + 1 : a->path;
    /* TRANSLATORS: in the comment that opens a plan kept with K: where it came from (%s, a file) */
    snprintf(from, sizeof from, _("%s, as it was"), a->path);
    for (char *p = from; *p; p++) /* one comment line, whatever the file's name holds */
        *p = (unsigned char)*p < 0x20 || *p == 0x7F ? '?' : *p;
    snprintf(stem, sizeof stem, "%.*s", (int)strcspn(base, "."), base);
    char clean[96];
    planedit_file_stem(stem, clean, sizeof clean);
    if (!plans_dir(dir, sizeof dir, err, errsize))
        return false;
    char *body = planedit_text(&a->edit, NULL, NULL, date), *text = NULL;
    size_t n = body ? strlen(body) + strlen(from) + 512 : 0;   /* (the comment's words: a few hundred bytes) */
    if (body && (text = malloc(n)) != NULL) {
        size_t head = (size_t)snprintf(text, n, "# ");
        /* TRANSLATORS: the comment that opens a plan kept with K (after "# "): %1$s is the date
           (YYYY-MM-DD), %2$s where it came from */
        head += (size_t)snprintf(text + head, n - head, _("Kept in Safe Base on %s from %s."), date, from);
        if (head < n)
            snprintf(text + head, n - head, "\n%s", body);
    }
    bool ok = text && savefile_create(dir, clean, "plan", text, strlen(text), path, pathsize, err, errsize);
    if (!text)
        snprintf(err, errsize, "%s", _("out of memory"));
    free(body);
    free(text);
    return ok;
}
