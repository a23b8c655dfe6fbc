/* Adjusting a plan: opening it, which rows it has and what they show. The steps are
 * planedit_step.c's; the saved file and the preview planedit_text.c's.
 * libc only: never reads a clock or a file, never prints. */
#include "core/plan/planedit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/plan/planedit_doc.h"

/* ---- opening ---- */

static void out_of_memory(plan_errors_t *errs)
{
    if (!errs)
        return;
    memset(errs, 0, sizeof *errs);
    errs->count = 1;
    snprintf(errs->items[0].message, sizeof errs->items[0].message, "%s", _("out of memory"));
}

void planedit_reset_weights(planedit_t *e)
{
    for (int i = 0; i < e->scan->nph; i++)
        e->weight[i] = e->scan->ph[i].dur;
}

bool planedit_open(planedit_t *e, const char *text, size_t len, const char *source_dir,
                   plan_errors_t *errs)
{
    plan_t check;
    memset(e, 0, sizeof *e);
    if (!plan_parse(text, len, &check, errs))
        return false;
    plan_free(&check);
    if (!planedit_doc_split(&e->doc, text, len, e->eol, &e->final_eol))
        goto fail;
    e->text = planedit_doc_join(&e->doc, e->eol, e->final_eol, NULL, &e->len);
    e->opened = planedit_doc_join(&e->doc, e->eol, e->final_eol, NULL, &e->opened_len);
    e->source_dir = source_dir ? strdup(source_dir) : NULL;
    e->scan = malloc(sizeof *e->scan);
    if (!e->text || !e->opened || (source_dir && !e->source_dir) || !e->scan
        || !plan_parse(e->text, e->len, &e->plan, errs))
        goto fail;
    planedit_doc_scan(&e->doc, e->scan);
    planedit_reset_weights(e);
    return true;
fail:
    if (errs && errs->count == 0)
        out_of_memory(errs);
    planedit_free(e);
    return false;
}

void planedit_free(planedit_t *e)
{
    planedit_doc_free(&e->doc);
    free(e->text);
    free(e->opened);
    free(e->source_dir);
    free(e->scan);
    plan_free(&e->plan);
    memset(e, 0, sizeof *e);
}

/* ---- rows and values ---- */

int planedit_find_phase(const planedit_scan_t *s, phase_kind_t kind)
{
    int any = -1;
    for (int i = 0; i < s->nph; i++) {
        if (s->ph[i].kind != kind)
            continue;
        if (s->ph[i].rep >= 0)
            return i;
        if (any < 0)
            any = i;
    }
    return any;
}

int planedit_first_breathing(const planedit_scan_t *s)
{
    for (int i = 0; i < s->nph; i++) {
        if (s->ph[i].breathe > 0)
            return i;
    }
    return -1;
}

bool planedit_has_row(const planedit_t *e, planedit_row_t row)
{
    const planedit_scan_t *s = e->scan;
    if (!s)
        return false;
    int sep = planedit_find_phase(s, PHASE_SEPARATE);
    switch (row) {
    case PLANEDIT_ROUNDS: return s->nrep > 0;
    case PLANEDIT_SEPARATION: return sep >= 0;
    case PLANEDIT_GROWTH: return sep >= 0 && s->ph[sep].rep >= 0;
    case PLANEDIT_CONNECT: return planedit_find_phase(s, PHASE_CONNECT) >= 0;
    case PLANEDIT_BREATHING: return planedit_first_breathing(s) >= 0;
    case PLANEDIT_LENGTH:
    case PLANEDIT_MUSIC:
    case PLANEDIT_END_WARNING:
    case PLANEDIT_CHILD_VIEW: return true;
    case PLANEDIT_ROW_KINDS: break;
    }
    return false;
}

int planedit_rows(const planedit_t *e, planedit_row_t rows[PLANEDIT_ROW_KINDS])
{
    int n = 0;
    for (int r = 0; r < PLANEDIT_ROW_KINDS; r++) {
        if (planedit_has_row(e, (planedit_row_t)r))
            rows[n++] = (planedit_row_t)r;
    }
    return n;
}

const char *planedit_label(planedit_row_t row)
{
    static const char *const labels[PLANEDIT_ROW_KINDS] = {
        /* TRANSLATORS: the rows of the Adjust screen (E on the ready screen), each a label left
           of its value and the - and + buttons: about 22 characters at most */
        N_("Length"),
        /* TRANSLATORS: an Adjust screen row: how many times the plan's [repeat] runs */
        N_("Rounds"),
        /* TRANSLATORS: an Adjust screen row: the length of the first time apart */
        N_("First separation"),
        /* TRANSLATORS: an Adjust screen row: how much longer each round's separation is */
        N_("Separation grows by"),
        /* TRANSLATORS: an Adjust screen row: the length of the time together */
        N_("Connect time"),
        /* TRANSLATORS: an Adjust screen row */
        N_("Music"),
        /* TRANSLATORS: an Adjust screen row: the breathing guide's breaths a minute */
        N_("Breathing pace"),
        /* TRANSLATORS: an Adjust screen row: the chime some time before the plan ends */
        N_("Ending-soon warning"),
        /* TRANSLATORS: an Adjust screen row: open the plan showing only the disk and colour */
        N_("Child view"),
    };
    return (unsigned)row < PLANEDIT_ROW_KINDS ? _(labels[row]) : "";
}

/* The last part of a path, without a trailing slash. */
static void base_name(const char *path, char *buf, size_t size)
{
    size_t n = strlen(path);
    while (n > 1 && (path[n - 1] == '/' || path[n - 1] == '\\'))
        n--;
    size_t start = n;
    while (start > 0 && path[start - 1] != '/' && path[start - 1] != '\\')
        start--;
    snprintf(buf, size, "%.*s", (int)(n - start), path + start);
}

void planedit_value(const planedit_t *e, planedit_row_t row, char *buf, size_t size)
{
    char len[48];
    if (!buf || size == 0)
        return;
    buf[0] = '\0';
    if (!planedit_has_row(e, row))
        return;
    const planedit_scan_t *s = e->scan;
    const planedit_raw_t *sep = &s->ph[planedit_find_phase(s, PHASE_SEPARATE) < 0 ? 0
                                       : planedit_find_phase(s, PHASE_SEPARATE)];
    const char *music = e->plan.music;
    int tenths;
    switch (row) {
    case PLANEDIT_LENGTH:
        duration_format_length(plan_total_ms(&e->plan), buf, size);
        break;
    case PLANEDIT_ROUNDS:
        snprintf(buf, size, "%d", s->rep[0].count);
        break;
    case PLANEDIT_SEPARATION:
        duration_format_length(sep->dur, buf, size);
        break;
    case PLANEDIT_GROWTH:
        if (sep->grow)
            /* TRANSLATORS: the Adjust screen's "Separation grows by" value: %s is a length
               ("20 s"), added to the separation in each round */
            snprintf(buf, size, _("%s a round"), duration_format_length(sep->grow, len, sizeof len));
        else
            /* TRANSLATORS: an Adjust screen value: no growth, no music, no warning */
            snprintf(buf, size, "%s", _("None"));
        break;
    case PLANEDIT_CONNECT:
        duration_format_length(s->ph[planedit_find_phase(s, PHASE_CONNECT)].dur, buf, size);
        break;
    case PLANEDIT_MUSIC:
        if (!music || strcmp(music, "builtin") == 0)
            /* TRANSLATORS: the Adjust screen's Music value: the music that comes with the app */
            snprintf(buf, size, "%s", _("Safe Base's music"));
        else if (strcmp(music, "none") == 0)
            snprintf(buf, size, "%s", _("None"));
        else
            base_name(music, buf, size);
        break;
    case PLANEDIT_BREATHING:
        tenths = (int)(s->ph[planedit_first_breathing(s)].breathe * 10 + 0.5);
        if (tenths % 10)
            /* TRANSLATORS: the Adjust screen's Breathing pace: breaths a minute, with one
               decimal (the first %d the whole part, the second the tenths: write your
               decimal separator between them) */
            snprintf(buf, size, _("%d.%d a minute"), tenths / 10, tenths % 10);
        else
            /* TRANSLATORS: the Adjust screen's Breathing pace: breaths a minute, 2 to 20 */
            snprintf(buf, size, _("%d a minute"), tenths / 10);
        break;
    case PLANEDIT_END_WARNING:
        if (e->plan.end_warning_ms > 0)
            /* TRANSLATORS: the Adjust screen's Ending-soon warning: %s is a length ("2 min") */
            snprintf(buf, size, _("%s before the end"),
                     duration_format_length(e->plan.end_warning_ms, len, sizeof len));
        else
            snprintf(buf, size, "%s", _("None"));
        break;
    case PLANEDIT_CHILD_VIEW:
        /* TRANSLATORS: the Adjust screen's Child view value */
        snprintf(buf, size, "%s", e->plan.child_view ? _("Yes") : _("No"));
        break;
    case PLANEDIT_ROW_KINDS:
        break;
    }
}

const char *planedit_music(const planedit_t *e)
{
    return e->plan.music;
}

const plan_t *planedit_plan(const planedit_t *e)
{
    return &e->plan;
}

bool planedit_changed(const planedit_t *e)
{
    return e->len != e->opened_len || (e->len && memcmp(e->text, e->opened, e->len) != 0);
}
