/* Adjusting a plan: one step of a row, made on a copy of the text and kept only if the copy
 * parses; a warning left as long as what it warns of is lowered on the way.
 * libc only: never reads a clock or a file, never prints. */
#include "core/plan/planedit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/planedit_doc.h"

#define SEC 1000LL
#define MIN (60 * SEC)
#define ROUND_MS (5 * SEC)            /* scaled durations and lowered warnings: to 5 s */
#define MIN_SCALED_MS (10 * SEC)      /* a phase Length scales stays at least this long */
#define MIN_STEPPED_MS (5 * SEC)      /* separation and connect go no shorter */
#define MAX_GROW_MS (5 * MIN)
#define MIN_BREATHE 2
#define MAX_BREATHE 20

/* ---- a change, made on a copy ---- */

typedef struct {
    planedit_doc_t doc;
    planedit_scan_t *scan;
    bool ok;                          /* false: memory ran out; the change is dropped */
} work_t;

static bool work_begin(const planedit_t *e, work_t *w)
{
    memset(w, 0, sizeof *w);
    if (!e->scan)
        return false;
    w->scan = malloc(sizeof *w->scan);
    if (!w->scan || !planedit_doc_clone(&w->doc, &e->doc)) {
        free(w->scan);
        return false;
    }
    planedit_doc_scan(&w->doc, w->scan);
    w->ok = true;
    return true;
}

static void work_end(work_t *w)
{
    planedit_doc_free(&w->doc);
    free(w->scan);
}

/* Sets key in phase i (in [plan] when i < 0) and reads the copy again. */
static void work_set(work_t *w, int i, const char *key, const char *value, const char *after)
{
    if (!w->ok)
        return;
    const planedit_scan_t *s = w->scan;
    int head = i < 0 ? s->plan_head : s->ph[i].head, end = i < 0 ? s->plan_end : s->ph[i].end;
    w->ok = head >= 0 && planedit_doc_set(&w->doc, head, end, key, value, after);
    planedit_doc_scan(&w->doc, w->scan);
}

static void work_set_ms(work_t *w, int i, const char *key, int64_t ms, const char *after)
{
    char buf[48];
    work_set(w, i, key, planedit_duration(ms, buf, sizeof buf), after);
}

/* Removes key from phase i (from [plan] when i < 0) and reads the copy again. */
static void work_delete(work_t *w, int i, const char *key)
{
    const planedit_scan_t *s = w->scan;
    int head = i < 0 ? s->plan_head : s->ph[i].head, end = i < 0 ? s->plan_end : s->ph[i].end;
    planedit_doc_delete(&w->doc, planedit_doc_find(&w->doc, head, end, key));
    planedit_doc_scan(&w->doc, w->scan);
}

/* Sets a duration; 0, the default of grow and end_warning, removes the line instead. */
static void work_set_or_drop(work_t *w, int i, const char *key, int64_t ms, const char *after)
{
    if (ms > 0)
        work_set_ms(w, i, key, ms, after);
    else if (w->ok)
        work_delete(w, i, key);
}

/* A warning as long as what it warns of drops to half of it, down to 5 s; or goes. */
static void fix_warnings(work_t *w)
{
    for (int i = w->scan->nph - 1; i >= 0 && w->ok; i--) {
        const planedit_raw_t *ph = &w->scan->ph[i];
        int64_t half = ph->dur / 2 / ROUND_MS * ROUND_MS;
        if (ph->warn > 0 && ph->warn >= ph->dur) {
            work_set_or_drop(w, i, "warn", half, NULL);
        }
    }
    int64_t total = planedit_scan_total(w->scan), half = total / 2 / ROUND_MS * ROUND_MS;
    if (w->scan->end_warning > 0 && w->scan->end_warning >= total)
        work_set_or_drop(w, -1, "end_warning", half, NULL);
}

/* Parses the copy; when it parses it becomes e's text and plan. Frees w either way. */
static bool work_commit(planedit_t *e, work_t *w)
{
    size_t len = 0;
    char *text = w->ok ? planedit_doc_join(&w->doc, e->eol, e->final_eol, NULL, &len) : NULL;
    plan_t plan;
    bool ok = text && plan_parse(text, len, &plan, NULL);
    if (ok) {
        planedit_doc_t doc = e->doc;
        planedit_scan_t *scan = e->scan;
        e->doc = w->doc;
        e->scan = w->scan;
        w->doc = doc;
        w->scan = scan;
        free(e->text);
        e->text = text;
        e->len = len;
        plan_free(&e->plan);
        e->plan = plan;
    } else {
        free(text);
    }
    work_end(w);
    return ok;
}

/* ---- steps ---- */

static int64_t round_5s(int64_t ms)
{
    return (ms + ROUND_MS / 2) / ROUND_MS * ROUND_MS;
}

/* Length's ladder: the next length above (dir > 0) or below the total, more than tol away. */
static int64_t ladder_next(int64_t total, int dir, int64_t tol)
{
    static const int minutes[] = { 1, 2, 3, 4, 5, 10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90,
        120, 150, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720 };
    int n = (int)(sizeof minutes / sizeof *minutes);
    for (int k = 0; k < n; k++) {
        int64_t v = minutes[dir > 0 ? k : n - 1 - k] * MIN;
        if (dir > 0 ? v > total + tol : v < total - tol)
            return v;
    }
    return -1;
}

/* Shares avail among the phases out[] in proportion to their weights, to 5 s, each at least
 * 10 s; the leftover goes to (or comes from) the longest. */
static bool scale_outside(int64_t *d, const int *out, int nout, const int64_t *weight,
                          int64_t avail)
{
    int64_t wsum = 0, sum = 0;
    if (avail < MIN_SCALED_MS * nout)
        return false;
    for (int k = 0; k < nout; k++)
        wsum += weight[out[k]];
    int longest = out[0];
    for (int k = 0; k < nout; k++) {
        int i = out[k];
        int64_t v = (weight[i] * avail + wsum * (ROUND_MS / 2)) / (wsum * ROUND_MS) * ROUND_MS;
        d[i] = v < MIN_SCALED_MS ? MIN_SCALED_MS : v;
        sum += d[i];
        if (d[i] > d[longest])
            longest = i;
    }
    int64_t left = avail - sum;
    if (left >= 0)
        d[longest] += left;
    while (left < 0) {  /* the 10 s floor took too much: take it back from the longest */
        int j = out[0];
        for (int k = 1; k < nout; k++)
            j = d[out[k]] > d[j] ? out[k] : j;
        int64_t take = d[j] - MIN_SCALED_MS < -left ? d[j] - MIN_SCALED_MS : -left;
        d[j] -= take;
        left += take;
    }
    for (int k = 0; k < nout; k++) {
        if (d[out[k]] > PLAN_MAX_PHASE_MS)
            return false;
    }
    return true;
}

static int64_t rounds_of(const planedit_scan_t *s, int i)
{
    return s->ph[i].rep >= 0 ? s->rep[s->ph[i].rep].count : 1;
}

/* Every phase is in a repeat: scales every duration and grow; the longest phase takes what
 * is left over, to the second, shared by its rounds. */
static bool scale_all(const planedit_scan_t *s, int64_t *d, int64_t *g, int64_t target,
                      int64_t total, int dir)
{
    int longest = 0;
    int64_t now = 0;
    for (int i = 0; i < s->nph; i++) {
        d[i] = round_5s(d[i] * target / total);
        d[i] = d[i] < MIN_SCALED_MS ? MIN_SCALED_MS : d[i];
        g[i] = round_5s(g[i] * target / total);
        longest = d[i] > d[longest] ? i : longest;
    }
    for (int i = 0; i < s->nph; i++) {
        int64_t r = rounds_of(s, i);
        now += d[i] * r + g[i] * (r - 1) * r / 2;
    }
    int64_t r = rounds_of(s, longest), q = target - now;
    int64_t adj = (q >= 0 ? (q + r * 500) / (r * SEC) : -((-q + r * 500) / (r * SEC))) * SEC;
    d[longest] += adj;
    now += adj * r;
    if (d[longest] < MIN_SCALED_MS)
        return false;
    for (int i = 0; i < s->nph; i++) {
        if (d[i] + g[i] * (rounds_of(s, i) - 1) > PLAN_MAX_PHASE_MS)
            return false;
    }
    return dir > 0 ? now > total : now < total;
}

static bool step_length(planedit_t *e, int dir)
{
    const planedit_scan_t *s = e->scan;
    int64_t total = planedit_scan_total(s), outside = 0, tol = 0;
    int64_t d[PLAN_MAX_PHASES], g[PLAN_MAX_PHASES];
    int out[PLAN_MAX_PHASES], nout = 0;
    if (s->nph <= 0)
        return false;
    for (int i = 0; i < s->nph; i++) {
        d[i] = s->ph[i].dur;
        g[i] = s->ph[i].grow;
        if (s->ph[i].rep < 0) {
            out[nout++] = i;
            outside += d[i];
        } else if (rounds_of(s, i) * 500 > tol) {
            tol = rounds_of(s, i) * 500;
        }
    }
    if (nout > 0)
        tol = 0;
    int64_t target = ladder_next(total, dir, tol);
    if (target < 0)
        return false;
    bool ok = nout > 0 ? scale_outside(d, out, nout, e->weight, target - (total - outside))
                       : scale_all(s, d, g, target, total, dir);
    work_t w;
    if (!ok || !work_begin(e, &w))
        return false;
    for (int i = 0; i < s->nph; i++) {
        if (d[i] != s->ph[i].dur)
            work_set_ms(&w, i, "duration", d[i], NULL);
        if (g[i] != s->ph[i].grow)
            work_set_or_drop(&w, i, "grow", g[i], "duration");
    }
    fix_warnings(&w);
    return work_commit(e, &w);
}

static bool step_rounds(planedit_t *e, int dir)
{
    if (e->scan->nrep == 0)
        return false;
    int n = e->scan->rep[0].count + dir;
    work_t w;
    if (n < 1 || n > PLAN_MAX_REPEAT || !work_begin(e, &w))
        return false;
    w.ok = planedit_doc_set_count(&w.doc, e->scan->rep[0].head, n);
    planedit_doc_scan(&w.doc, w.scan);
    fix_warnings(&w);
    return work_commit(e, &w);
}

/* The next duration on the steps of separation and connect: 5 s to 1 min, 15 s to 5 min,
 * 1 min to 30 min, then 5 min. */
static int64_t duration_step(int64_t ms, int dir)
{
    int64_t at = dir > 0 ? ms : ms - 1;
    int64_t step = at < MIN ? 5 * SEC : at < 5 * MIN ? 15 * SEC : at < 30 * MIN ? MIN : 5 * MIN;
    return dir > 0 ? (ms / step + 1) * step : (ms - 1) / step * step;
}

static bool step_phase(planedit_t *e, phase_kind_t kind, int dir)
{
    int i = planedit_find_phase(e->scan, kind);
    if (i < 0)
        return false;
    int64_t v = duration_step(e->scan->ph[i].dur, dir);
    bool outside = e->scan->ph[i].rep < 0;
    work_t w;
    if (v < MIN_STEPPED_MS || v > PLAN_MAX_PHASE_MS || !work_begin(e, &w))
        return false;
    work_set_ms(&w, i, "duration", v, NULL);
    fix_warnings(&w);
    if (!work_commit(e, &w))
        return false;
    if (outside)
        planedit_reset_weights(e);
    return true;
}

static bool step_growth(planedit_t *e, int dir)
{
    int i = planedit_find_phase(e->scan, PHASE_SEPARATE);
    if (i < 0 || e->scan->ph[i].rep < 0)
        return false;
    int64_t g = e->scan->ph[i].grow, v;
    if (dir > 0)
        v = g < MIN ? (g / (5 * SEC) + 1) * 5 * SEC : (g / (15 * SEC) + 1) * 15 * SEC;
    else
        v = g - 1 < MIN ? (g - 1) / (5 * SEC) * 5 * SEC : (g - 1) / (15 * SEC) * 15 * SEC;
    work_t w;
    if (g <= 0 && dir < 0)
        return false;
    if (v < 0 || v > MAX_GROW_MS || !work_begin(e, &w))
        return false;
    work_set_or_drop(&w, i, "grow", v, "duration");
    fix_warnings(&w);
    return work_commit(e, &w);
}

static bool step_breathing(planedit_t *e, int dir)
{
    int f = planedit_first_breathing(e->scan);
    if (f < 0)
        return false;
    double b = e->scan->ph[f].breathe;
    int whole = (int)b, v = dir > 0 ? whole + 1 : (b > whole ? whole : whole - 1);
    char value[16];
    work_t w;
    if (v < MIN_BREATHE || v > MAX_BREATHE || !work_begin(e, &w))
        return false;
    snprintf(value, sizeof value, "%d", v);
    for (int i = 0; i < w.scan->nph; i++) {
        if (w.scan->ph[i].breathe > 0)
            work_set(&w, i, "breathe", value, NULL);
    }
    return work_commit(e, &w);
}

static bool step_end_warning(planedit_t *e, int dir)
{
    static const int64_t choices[] = { 0, 30 * SEC, MIN, 2 * MIN, 3 * MIN, 5 * MIN, 10 * MIN };
    int n = (int)(sizeof choices / sizeof *choices);
    int64_t now = e->plan.end_warning_ms, total = plan_total_ms(&e->plan), v = -1;
    for (int k = 0; k < n; k++) {
        int64_t c = choices[dir > 0 ? k : n - 1 - k];
        if (c < total && (dir > 0 ? c > now : c < now)) {
            v = c;
            break;
        }
    }
    work_t w;
    if (v < 0 || !work_begin(e, &w))
        return false;
    work_set_or_drop(&w, -1, "end_warning", v, NULL);
    return work_commit(e, &w);
}

bool planedit_step(planedit_t *e, planedit_row_t row, int dir)
{
    work_t w;
    if (!planedit_has_row(e, row) || (dir != 1 && dir != -1))
        return false;
    switch (row) {
    case PLANEDIT_LENGTH: return step_length(e, dir);
    case PLANEDIT_ROUNDS: return step_rounds(e, dir);
    case PLANEDIT_SEPARATION: return step_phase(e, PHASE_SEPARATE, dir);
    case PLANEDIT_GROWTH: return step_growth(e, dir);
    case PLANEDIT_CONNECT: return step_phase(e, PHASE_CONNECT, dir);
    case PLANEDIT_BREATHING: return step_breathing(e, dir);
    case PLANEDIT_END_WARNING: return step_end_warning(e, dir);
    case PLANEDIT_CHILD_VIEW:
        if (!work_begin(e, &w))
            return false;
        if (e->plan.child_view)
            work_delete(&w, -1, "child_view");  /* no is the default */
        else
            work_set(&w, -1, "child_view", "yes", NULL);
        return work_commit(e, &w);
    case PLANEDIT_MUSIC:
    case PLANEDIT_ROW_KINDS: break;
    }
    return false;
}

bool planedit_set_music(planedit_t *e, const char *music)
{
    work_t w;
    if (!music || !*music || strlen(music) > PLAN_MAX_LINE)
        return false;
    for (const unsigned char *p = (const unsigned char *)music; *p; p++) {
        if (*p < 0x20 || *p == 0x7F)
            return false;
    }
    size_t n = strlen(music);
    if (music[0] == ' ' || music[0] == '\t' || music[n - 1] == ' ' || music[n - 1] == '\t')
        return false;
    if (!work_begin(e, &w))
        return false;
    work_set(&w, -1, "music", music, NULL);
    return work_commit(e, &w);
}

