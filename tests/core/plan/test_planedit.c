/* Tests for core/plan/planedit: the Adjust screen's rows on the six built-in plans, timelines of
 * presses (Length, Rounds, Separation...), limits refused, warnings kept valid, comments, CRLF
 * and inserted keys kept readable, the saved text, own titles and file stems; and a random walk
 * of 500 presses per plan after which the text must always parse (run under ASan). */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "core/plan/planedit.h"

#define SRC SAFEBASE_SOURCE_DIR
#define SEC 1000LL
#define MIN (60 * SEC)

static const char *const builtin_ids[] = { "connect-separate-connect", "gentle-calm",
    "gentle-self", "gentle-together", "safe-base-dance", "special-playtime" };
#define NBUILTIN ((int)(sizeof builtin_ids / sizeof *builtin_ids))

/* ---- helpers ---- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap + 1);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, (cap *= 2) + 1);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

static char *builtin_text(const char *id, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/assets/plans/%s.plan", SRC, id);
    char *text = read_file(path, len);
    CHECK(text != NULL);
    return text;
}

static bool open_text(planedit_t *e, const char *text)
{
    plan_errors_t errs;
    bool ok = planedit_open(e, text, strlen(text), "/home/ann/plans", &errs);
    for (int i = 0; !ok && i < errs.count; i++)
        fprintf(stderr, "    line %d: %s\n", errs.items[i].line, errs.items[i].message);
    CHECK(ok);
    return ok;
}

static bool open_builtin(planedit_t *e, const char *id)
{
    size_t len = 0;
    char *text = builtin_text(id, &len);
    char dir[512];
    snprintf(dir, sizeof dir, "%s/assets/plans", SRC);
    bool ok = text && planedit_open(e, text, len, dir, NULL);
    CHECK(ok);
    free(text);
    return ok;
}

static const char *value(const planedit_t *e, planedit_row_t row)
{
    static char buf[128];
    planedit_value(e, row, buf, sizeof buf);
    return buf;
}

static int64_t total(const planedit_t *e)
{
    return plan_total_ms(planedit_plan(e));
}

/* The duration of the first expanded phase called name (-1 if none). */
static int64_t phase_ms(const planedit_t *e, const char *name)
{
    const plan_t *p = planedit_plan(e);
    for (int i = 0; i < p->nphases; i++) {
        if (strcmp(p->phases[i].name, name) == 0)
            return p->phases[i].duration_ms;
    }
    return -1;
}

static const plan_phase_t *phase(const planedit_t *e, const char *name)
{
    const plan_t *p = planedit_plan(e);
    for (int i = 0; i < p->nphases; i++) {
        if (strcmp(p->phases[i].name, name) == 0)
            return &p->phases[i];
    }
    return NULL;
}

/* The current text parses on its own to the plan planedit holds, with valid warnings. */
static bool consistent(const planedit_t *e)
{
    plan_t p;
    if (!plan_parse(e->text, e->len, &p, NULL))
        return false;
    const plan_t *q = planedit_plan(e);
    bool ok = p.nphases == q->nphases && plan_total_ms(&p) == plan_total_ms(q)
              && p.end_warning_ms < plan_total_ms(&p) && strlen(e->text) == e->len;
    for (int i = 0; ok && i < p.nphases; i++)
        ok = p.phases[i].duration_ms == q->phases[i].duration_ms
             && p.phases[i].warn_ms < p.phases[i].duration_ms;
    plan_free(&p);
    return ok;
}

static int rows_of(const planedit_t *e, planedit_row_t rows[PLANEDIT_ROW_KINDS])
{
    return planedit_rows(e, rows);
}

static bool has_row(const planedit_t *e, planedit_row_t row)
{
    planedit_row_t rows[PLANEDIT_ROW_KINDS];
    int n = rows_of(e, rows);
    for (int i = 0; i < n; i++) {
        if (rows[i] == row)
            return true;
    }
    return false;
}

/* ---- rows and values of the built-in plans ---- */

static void test_labels(void)
{
    CHECK_EQ_STR(planedit_label(PLANEDIT_LENGTH), "Length");
    CHECK_EQ_STR(planedit_label(PLANEDIT_ROUNDS), "Rounds");
    CHECK_EQ_STR(planedit_label(PLANEDIT_SEPARATION), "First separation");
    CHECK_EQ_STR(planedit_label(PLANEDIT_GROWTH), "Separation grows by");
    CHECK_EQ_STR(planedit_label(PLANEDIT_CONNECT), "Connect time");
    CHECK_EQ_STR(planedit_label(PLANEDIT_MUSIC), "Music");
    CHECK_EQ_STR(planedit_label(PLANEDIT_BREATHING), "Breathing pace");
    CHECK_EQ_STR(planedit_label(PLANEDIT_END_WARNING), "Ending-soon warning");
    CHECK_EQ_STR(planedit_label(PLANEDIT_CHILD_VIEW), "Child view");
}

typedef struct {
    const char *id;
    const char *values[PLANEDIT_ROW_KINDS];   /* NULL: the plan has no such row */
} expected_rows_t;

static void test_builtin_rows(void)
{
    static const expected_rows_t want[] = {
        { "connect-separate-connect", { "10 min", "3", "20 s", "20 s a round", "1 min",
          "Safe Base's music", NULL, "1 min before the end", "No" } },
        { "gentle-calm", { "10 min 30 s", "2", "15 s", "None", "1 min", "Safe Base's music",
          "6 a minute", "1 min before the end", "No" } },
        { "gentle-self", { "11 min 30 s", "4", "30 s", "15 s a round", "1 min", "Safe Base's music",
          NULL, "1 min before the end", "No" } },
        { "gentle-together", { "11 min", "3", NULL, NULL, "1 min", "Safe Base's music", NULL,
          "1 min before the end", "No" } },
        { "safe-base-dance", { "12 min", "4", "1 min 30 s", "10 s a round", "45 s",
          "Safe Base's music", NULL, "1 min before the end", "No" } },
        { "special-playtime", { "15 min", NULL, NULL, NULL, NULL, "None", NULL,
          "2 min before the end", "No" } },
    };
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        planedit_t e;
        if (!open_builtin(&e, want[k].id))
            continue;
        planedit_row_t rows[PLANEDIT_ROW_KINDS];
        int n = rows_of(&e, rows), expect = 0, at = 0;
        CHECK(n > 0 && rows[0] == PLANEDIT_LENGTH);
        for (int r = 0; r < PLANEDIT_ROW_KINDS; r++) {
            if (!want[k].values[r]) {
                CHECK(!has_row(&e, (planedit_row_t)r));
                CHECK(!planedit_step(&e, (planedit_row_t)r, +1));
                continue;
            }
            expect++;
            CHECK(at < n && rows[at] == (planedit_row_t)r);  /* in screen order */
            at++;
            if (strcmp(value(&e, (planedit_row_t)r), want[k].values[r]) != 0)
                fprintf(stderr, "%s, %s:\n", want[k].id, planedit_label((planedit_row_t)r));
            CHECK_EQ_STR(value(&e, (planedit_row_t)r), want[k].values[r]);
        }
        CHECK_EQ_INT(n, expect);
        CHECK(!planedit_changed(&e));
        planedit_free(&e);
    }
}

/* Every row but Length and Music: one step up and one down gives the file back as it was. */
static void test_builtin_every_row(void)
{
    for (int k = 0; k < NBUILTIN; k++) {
        planedit_t e;
        if (!open_builtin(&e, builtin_ids[k]))
            continue;
        planedit_row_t rows[PLANEDIT_ROW_KINDS];
        int n = rows_of(&e, rows);
        for (int i = 0; i < n; i++) {
            char before[128], after[128], *text = strdup(e.text);
            snprintf(before, sizeof before, "%s", value(&e, rows[i]));
            if (rows[i] == PLANEDIT_MUSIC) {
                CHECK(!planedit_step(&e, rows[i], +1));
                CHECK(!planedit_step(&e, rows[i], -1));
                free(text);
                continue;
            }
            bool up = planedit_step(&e, rows[i], +1);
            CHECK(up);
            snprintf(after, sizeof after, "%s", value(&e, rows[i]));
            CHECK(strcmp(before, after) != 0);
            CHECK(planedit_changed(&e));
            CHECK(consistent(&e));
            /* safe-base-dance: 15 min back to 10 would leave nothing outside its repeat */
            bool down = planedit_step(&e, rows[i], -1);
            CHECK(down || (rows[i] == PLANEDIT_LENGTH && !strcmp(builtin_ids[k], "safe-base-dance")));
            CHECK(consistent(&e));
            if (rows[i] != PLANEDIT_LENGTH && rows[i] != PLANEDIT_BREATHING) {
                CHECK_EQ_STR(value(&e, rows[i]), before);
                CHECK_EQ_STR(e.text, text);
            }
            free(text);
        }
        planedit_free(&e);
    }
}

/* ---- timelines of presses ---- */

static void test_special_playtime_length(void)
{
    planedit_t e;
    if (!open_builtin(&e, "special-playtime"))
        return;
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "20 min");
    CHECK_EQ_INT(phase_ms(&e, "Begin"), 80 * SEC);
    CHECK_EQ_INT(phase_ms(&e, "Their play"), 15 * MIN + 20 * SEC);
    CHECK_EQ_INT(phase_ms(&e, "Wind down"), 3 * MIN + 20 * SEC);
    CHECK(strstr(e.text, "duration = 15m20s\n"));
    CHECK(strstr(e.text, "duration = 1m20s\n"));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "25 min");
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "30 min");
    CHECK_EQ_INT(phase_ms(&e, "Begin"), 2 * MIN);
    CHECK_EQ_INT(phase_ms(&e, "Their play"), 23 * MIN);
    CHECK_EQ_INT(phase_ms(&e, "Wind down"), 5 * MIN);
    CHECK(strstr(e.text, "duration = 2m\n"));
    /* back down: through 15 min, which is the file as it came */
    for (int i = 0; i < 3; i++)
        CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "15 min");
    CHECK(!planedit_changed(&e));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "10 min");
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "5 min");
    CHECK_EQ_INT(phase_ms(&e, "Begin"), 20 * SEC);
    CHECK_EQ_INT(phase_ms(&e, "Their play"), 3 * MIN + 50 * SEC);
    CHECK_EQ_INT(phase_ms(&e, "Wind down"), 50 * SEC);
    CHECK_EQ_STR(value(&e, PLANEDIT_END_WARNING), "2 min before the end");
    /* 2 min: the end warning (2 min) must drop below the plan; 1 min: phases stay >= 10 s */
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "2 min");
    CHECK_EQ_STR(value(&e, PLANEDIT_END_WARNING), "1 min before the end");
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "1 min");
    CHECK_EQ_STR(value(&e, PLANEDIT_END_WARNING), "30 s before the end");
    CHECK_EQ_INT(phase_ms(&e, "Begin"), 10 * SEC);
    CHECK_EQ_INT(phase_ms(&e, "Their play"), 40 * SEC);
    CHECK_EQ_INT(phase_ms(&e, "Wind down"), 10 * SEC);
    char before[4096];
    snprintf(before, sizeof before, "%s", e.text);
    CHECK(!planedit_step(&e, PLANEDIT_LENGTH, -1));  /* nothing below 1 min */
    CHECK_EQ_STR(e.text, before);
    /* and up again in the proportions of the file as opened */
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "15 min");
    CHECK_EQ_INT(phase_ms(&e, "Begin"), 1 * MIN);
    CHECK_EQ_INT(phase_ms(&e, "Wind down"), 2 * MIN + 30 * SEC);
    /* the longest it goes: no phase over 3 hours */
    int ups = 0;
    while (planedit_step(&e, PLANEDIT_LENGTH, +1) && ups < 100)
        ups++;
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "3 h");
    CHECK(phase_ms(&e, "Their play") <= 3 * 3600 * SEC);
    CHECK(consistent(&e));
    planedit_free(&e);
}

static void test_csc_rounds_separation_growth(void)
{
    planedit_t e;
    if (!open_builtin(&e, "connect-separate-connect"))
        return;
    char before[4096];
    snprintf(before, sizeof before, "%s", e.text);
    CHECK(!planedit_step(&e, PLANEDIT_LENGTH, -1));  /* 5 min: nothing left outside the repeat */
    CHECK_EQ_STR(e.text, before);
    CHECK(planedit_step(&e, PLANEDIT_ROUNDS, +1));
    CHECK(planedit_step(&e, PLANEDIT_ROUNDS, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_ROUNDS), "5");
    CHECK(strstr(e.text, "\n[repeat 5]\n"));
    CHECK_EQ_INT(planedit_plan(&e)->nphases, 1 + 2 * 5 + 2);
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "15 min");  /* 1m30 + 5 x 1m + 20..100 s + 3m30 */
    CHECK(planedit_step(&e, PLANEDIT_SEPARATION, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_SEPARATION), "25 s");
    CHECK(planedit_step(&e, PLANEDIT_GROWTH, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_GROWTH), "25 s a round");
    CHECK(strstr(e.text, "duration = 25s\ngrow = 25s\n"));
    CHECK_EQ_INT(total(&e), 90 * SEC + 5 * MIN + 5 * 25 * SEC + 25 * SEC * 10 + 210 * SEC);
    /* the last round's Apart: 25 s + 4 x 25 s */
    const plan_t *p = planedit_plan(&e);
    CHECK_EQ_INT(p->phases[10].duration_ms, 125 * SEC);
    CHECK_EQ_INT(p->phases[10].round, 5);
    /* Length now scales Arrive, Reunion and Goodbye around the repeat */
    int64_t repeat_ms = total(&e) - 5 * MIN;
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "20 min");
    CHECK_EQ_INT(phase_ms(&e, "Arrive") + phase_ms(&e, "Reunion") + phase_ms(&e, "Goodbye"),
                 20 * MIN - repeat_ms);
    CHECK(phase_ms(&e, "Reunion") > phase_ms(&e, "Arrive"));
    CHECK(consistent(&e));
    planedit_free(&e);
}

static void test_limits(void)
{
    planedit_t e;
    if (!open_builtin(&e, "connect-separate-connect"))
        return;
    /* rounds go to 50 with this growth, then no further */
    int ups = 0;
    while (planedit_step(&e, PLANEDIT_ROUNDS, +1) && ups < 100)
        ups++;
    CHECK_EQ_INT(ups, 47);
    CHECK_EQ_STR(value(&e, PLANEDIT_ROUNDS), "50");
    CHECK(consistent(&e));
    for (int i = 0; i < 49; i++)
        CHECK(planedit_step(&e, PLANEDIT_ROUNDS, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_ROUNDS), "1");
    CHECK(!planedit_step(&e, PLANEDIT_ROUNDS, -1));
    CHECK(planedit_step(&e, PLANEDIT_ROUNDS, +1));
    CHECK(planedit_step(&e, PLANEDIT_ROUNDS, +1));
    /* growth: 5 s steps to 1 min, then 15 s, to 5 min */
    ups = 0;
    while (planedit_step(&e, PLANEDIT_GROWTH, +1) && ups < 100)
        ups++;
    CHECK_EQ_INT(ups, 8 + 16);
    CHECK_EQ_STR(value(&e, PLANEDIT_GROWTH), "5 min a round");
    /* now more rounds soon pass 12 hours: refused, the text unchanged */
    char before[4096];
    ups = 0;
    for (;;) {
        snprintf(before, sizeof before, "%s", e.text);
        if (!planedit_step(&e, PLANEDIT_ROUNDS, +1) || ++ups > 100)
            break;
    }
    CHECK_EQ_STR(e.text, before);
    CHECK(ups > 5 && ups < 47);
    CHECK(total(&e) <= 12 * 3600 * SEC);
    CHECK(consistent(&e));
    /* growth down to None (the line goes), then no further */
    int downs = 0;
    while (planedit_step(&e, PLANEDIT_GROWTH, -1) && downs < 100)
        downs++;
    CHECK_EQ_INT(downs, 24 + 4);
    CHECK_EQ_STR(value(&e, PLANEDIT_GROWTH), "None");
    CHECK(!strstr(e.text, "\ngrow"));
    /* separation down to 5 s: Apart's warn (10 s) drops to 5 s, then goes */
    CHECK(planedit_step(&e, PLANEDIT_SEPARATION, -1));
    CHECK_EQ_INT(phase(&e, "Apart")->warn_ms, 10 * SEC);
    CHECK(planedit_step(&e, PLANEDIT_SEPARATION, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_SEPARATION), "10 s");
    CHECK_EQ_INT(phase(&e, "Apart")->warn_ms, 5 * SEC);
    CHECK(planedit_step(&e, PLANEDIT_SEPARATION, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_SEPARATION), "5 s");
    CHECK_EQ_INT(phase(&e, "Apart")->warn_ms, 0);
    CHECK_EQ_INT(phase(&e, "Together")->warn_ms, 10 * SEC);
    CHECK(!planedit_step(&e, PLANEDIT_SEPARATION, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_SEPARATION), "5 s");
    /* connect steps: 15 s from 1 min, 1 min from 5 min */
    CHECK(planedit_step(&e, PLANEDIT_CONNECT, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_CONNECT), "1 min 15 s");
    for (int i = 0; i < 15; i++)
        CHECK(planedit_step(&e, PLANEDIT_CONNECT, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_CONNECT), "5 min");
    CHECK(planedit_step(&e, PLANEDIT_CONNECT, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_CONNECT), "6 min");
    CHECK(planedit_step(&e, PLANEDIT_CONNECT, -1));
    CHECK(planedit_step(&e, PLANEDIT_CONNECT, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_CONNECT), "4 min 45 s");
    CHECK(consistent(&e));
    planedit_free(&e);

    /* Length up to the longest the three outside phases allow (each at most 3 h) */
    if (!open_builtin(&e, "connect-separate-connect"))
        return;
    ups = 0;
    while (planedit_step(&e, PLANEDIT_LENGTH, +1) && ups < 100)
        ups++;
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "7 h");  /* 8 h: Reunion over 3 h */
    CHECK(phase_ms(&e, "Reunion") <= 3 * 3600 * SEC);
    CHECK(consistent(&e));
    /* end warning: only values shorter than the plan */
    planedit_free(&e);
    if (!open_builtin(&e, "special-playtime"))
        return;
    for (int i = 0; i < 4; i++)
        CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "3 min");
    CHECK(planedit_step(&e, PLANEDIT_END_WARNING, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_END_WARNING), "1 min before the end");
    CHECK(planedit_step(&e, PLANEDIT_END_WARNING, -1));
    CHECK(planedit_step(&e, PLANEDIT_END_WARNING, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_END_WARNING), "None");
    CHECK(!strstr(e.text, "end_warning"));
    CHECK(!planedit_step(&e, PLANEDIT_END_WARNING, -1));
    CHECK(planedit_step(&e, PLANEDIT_END_WARNING, +1));
    CHECK(planedit_step(&e, PLANEDIT_END_WARNING, +1));
    CHECK(planedit_step(&e, PLANEDIT_END_WARNING, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_END_WARNING), "2 min before the end");
    CHECK(!planedit_step(&e, PLANEDIT_END_WARNING, +1));  /* 3 min is not shorter than 3 min */
    CHECK(!planedit_step(&e, PLANEDIT_LENGTH, 0));
    CHECK(!planedit_step(&e, PLANEDIT_ROW_KINDS, 1));
    planedit_free(&e);
}

static void test_breathing_and_child_view(void)
{
    planedit_t e;
    if (!open_builtin(&e, "gentle-calm"))
        return;
    CHECK(planedit_step(&e, PLANEDIT_BREATHING, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_BREATHING), "7 a minute");
    /* every guide, Rest's 5 too; no new guides */
    CHECK_EQ_INT((int)phase(&e, "Arrive")->breaths_per_min, 7);
    CHECK_EQ_INT((int)phase(&e, "Breathe together")->breaths_per_min, 7);
    CHECK_EQ_INT((int)phase(&e, "Rest")->breaths_per_min, 7);
    CHECK_EQ_INT((int)phase(&e, "Sway")->breaths_per_min, 0);
    int ups = 0;
    while (planedit_step(&e, PLANEDIT_BREATHING, +1) && ups < 100)
        ups++;
    CHECK_EQ_INT(ups, 13);
    CHECK_EQ_STR(value(&e, PLANEDIT_BREATHING), "20 a minute");
    int downs = 0;
    while (planedit_step(&e, PLANEDIT_BREATHING, -1) && downs < 100)
        downs++;
    CHECK_EQ_INT(downs, 18);
    CHECK_EQ_STR(value(&e, PLANEDIT_BREATHING), "2 a minute");
    CHECK(planedit_step(&e, PLANEDIT_CHILD_VIEW, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_CHILD_VIEW), "Yes");
    CHECK(planedit_plan(&e)->child_view);
    CHECK(strstr(e.text, "fade = 4s\nchild_view = yes\n"));
    CHECK(planedit_step(&e, PLANEDIT_CHILD_VIEW, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_CHILD_VIEW), "No");
    CHECK(!strstr(e.text, "child_view"));
    CHECK(planedit_step(&e, PLANEDIT_CHILD_VIEW, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_CHILD_VIEW), "Yes");
    planedit_free(&e);

    /* a pace of 4.5: up to 5, down to 4 */
    if (!open_text(&e, "[plan]\ntitle = T\n[phase A]\nduration = 1m\nbreathe = 4.5\n"))
        return;
    CHECK_EQ_STR(value(&e, PLANEDIT_BREATHING), "4.5 a minute");
    CHECK(planedit_step(&e, PLANEDIT_BREATHING, -1));
    CHECK_EQ_STR(value(&e, PLANEDIT_BREATHING), "4 a minute");
    planedit_free(&e);
    if (!open_text(&e, "[plan]\ntitle = T\n[phase A]\nduration = 1m\nbreathe = 4.5\n"))
        return;
    CHECK(planedit_step(&e, PLANEDIT_BREATHING, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_BREATHING), "5 a minute");
    planedit_free(&e);
}

static void test_music(void)
{
    planedit_t e;
    if (!open_builtin(&e, "special-playtime"))
        return;
    CHECK_EQ_STR(planedit_music(&e), "none");
    CHECK(planedit_set_music(&e, "/home/ann/Music/calm song.ogg"));
    CHECK_EQ_STR(value(&e, PLANEDIT_MUSIC), "calm song.ogg");
    CHECK_EQ_STR(planedit_music(&e), "/home/ann/Music/calm song.ogg");
    CHECK(strstr(e.text, "\nmusic = /home/ann/Music/calm song.ogg\n"));
    CHECK(planedit_set_music(&e, "/home/ann/Music/"));
    CHECK_EQ_STR(value(&e, PLANEDIT_MUSIC), "Music");
    CHECK(planedit_set_music(&e, "builtin"));
    CHECK_EQ_STR(value(&e, PLANEDIT_MUSIC), "Safe Base's music");
    CHECK(!planedit_set_music(&e, "/a\nb"));
    CHECK(!planedit_set_music(&e, ""));
    CHECK(!planedit_set_music(&e, " /x"));
    CHECK(!planedit_set_music(&e, NULL));
    CHECK_EQ_STR(planedit_music(&e), "builtin");
    CHECK(planedit_set_music(&e, "none"));
    CHECK(!planedit_changed(&e));
    CHECK(!planedit_step(&e, PLANEDIT_MUSIC, +1));
    planedit_free(&e);

    /* no music key: not given, then added under [plan] */
    if (!open_text(&e, "[plan]\ntitle = T\n\n[phase A]\nduration = 1m\n"))
        return;
    CHECK(planedit_music(&e) == NULL);
    CHECK_EQ_STR(value(&e, PLANEDIT_MUSIC), "Safe Base's music");
    CHECK(planedit_set_music(&e, "/m/x.mp3"));
    CHECK_EQ_STR(e.text, "[plan]\ntitle = T\nmusic = /m/x.mp3\n\n[phase A]\nduration = 1m\n");
    planedit_free(&e);
}

static void test_comments_and_inserted_keys(void)
{
    static const char text[] =
        "# My own plan.\n"
        "; Written by hand.\n"
        "[Plan]\n"
        "  Title = Mine\n"
        "# the music: see below\n"
        "\n"
        "[phase Hello]\n"
        "  Duration   =   1m\n"
        "  ; a comment in a phase\n"
        "  prompt = Hi # not a comment; kept\n"
        "\n"
        "[REPEAT 2]\n"
        "[phase Away]\n"
        "kind = Separate\n"
        "DURATION=20s\n"
        "warn = 15s\n"
        "note = Stay close.\n"
        "# before the end\n"
        "[End Repeat]\n"
        "[phase Bye]\n"
        "duration = 30s\n";
    planedit_t e;
    if (!open_text(&e, text))
        return;
    CHECK(planedit_step(&e, PLANEDIT_CHILD_VIEW, +1));
    CHECK(planedit_step(&e, PLANEDIT_END_WARNING, +1));
    CHECK(planedit_step(&e, PLANEDIT_GROWTH, +1));
    CHECK(planedit_step(&e, PLANEDIT_SEPARATION, +1));
    CHECK(planedit_step(&e, PLANEDIT_ROUNDS, +1));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));  /* 1m + 3 x 25 s + 15 s + 30 s -> 4 min */
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "4 min");
    CHECK_EQ_STR(e.text,
        "# My own plan.\n"
        "; Written by hand.\n"
        "[Plan]\n"
        "  Title = Mine\n"
        "  child_view = yes\n"
        "  end_warning = 30s\n"
        "# the music: see below\n"
        "\n"
        "[phase Hello]\n"
        "  Duration   =   1m40s\n"
        "  ; a comment in a phase\n"
        "  prompt = Hi # not a comment; kept\n"
        "\n"
        "[REPEAT 3]\n"
        "[phase Away]\n"
        "kind = Separate\n"
        "DURATION=25s\n"
        "grow = 5s\n"
        "warn = 15s\n"
        "note = Stay close.\n"
        "# before the end\n"
        "[End Repeat]\n"
        "[phase Bye]\n"
        "duration = 50s\n");
    CHECK(consistent(&e));
    /* Separation down to 15 s: warn 15 s drops to 5 s (half of 15 s, down to 5 s) */
    CHECK(planedit_step(&e, PLANEDIT_SEPARATION, -1));
    CHECK(planedit_step(&e, PLANEDIT_SEPARATION, -1));
    CHECK(strstr(e.text, "DURATION=15s\ngrow = 5s\nwarn = 5s\n"));
    planedit_free(&e);
}

static void test_line_ends(void)
{
    size_t len = 0;
    char *lf = builtin_text("special-playtime", &len);
    if (!lf)
        return;
    char *crlf = malloc(len * 2 + 4), *cr = malloc(len + 4);
    size_t n = 0, m = 0;
    memcpy(crlf, "\xEF\xBB\xBF", 3);  /* with a byte order mark, which is dropped */
    n = 3;
    for (size_t i = 0; i < len; i++) {
        if (lf[i] == '\n')
            crlf[n++] = '\r';
        crlf[n++] = lf[i];
        cr[m++] = lf[i] == '\n' ? '\r' : lf[i];
    }
    planedit_t e;
    CHECK(planedit_open(&e, crlf, n, "/p", NULL));
    CHECK(e.text[0] == '#');
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK(planedit_step(&e, PLANEDIT_CHILD_VIEW, +1));
    CHECK(strstr(e.text, "duration = 15m20s\r\n"));
    CHECK(strstr(e.text, "end_warning = 2m\r\nchild_view = yes\r\n"));
    int lone = 0, pairs = 0;
    for (size_t i = 0; i < e.len; i++) {
        if (e.text[i] == '\n' && (i == 0 || e.text[i - 1] != '\r'))
            lone++;
        if (e.text[i] == '\r' && e.text[i + 1] != '\n')
            lone++;
        pairs += e.text[i] == '\n';
    }
    CHECK_EQ_INT(lone, 0);
    CHECK(pairs > 30);
    CHECK(consistent(&e));
    char *saved = planedit_text(&e, "Mine", "Special playtime (special-playtime.plan)", "2024-05-01");
    CHECK(saved && strncmp(saved, "# Adjusted in Safe Base on 2024-05-01 from Special", 50) == 0);
    CHECK(saved && strstr(saved, "playtime.plan).\r\n# Special playtime: 15 minutes"));
    CHECK(saved && strstr(saved, "\r\ntitle = Mine\r\n"));
    CHECK(saved && !strstr(saved, "\xEF\xBB\xBF"));
    free(saved);
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK(planedit_step(&e, PLANEDIT_CHILD_VIEW, +1));
    CHECK(!planedit_changed(&e));  /* the BOM is gone, but that was how it was opened */
    planedit_free(&e);

    CHECK(planedit_open(&e, cr, m, NULL, NULL));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK(strstr(e.text, "duration = 7m40s\r"));
    CHECK(strchr(e.text, '\n') == NULL);
    CHECK(consistent(&e));
    planedit_free(&e);
    free(lf);
    free(crlf);
    free(cr);
}

/* ---- the saved file ---- */

static void test_saved_text(void)
{
    static const char text[] =
        "# A plan with music of its own.\n"
        "[plan]\n"
        "title = Music plan\n"
        "music = music/calm.ogg\n"
        "[phase A]\n"
        "duration = 1m\n"
        "track = ./songs/a.ogg\n"
        "[phase B]\n"
        "duration = 1m\n"
        "track = /abs/b.ogg\n"
        "[phase C]\n"
        "duration = 1m\n"
        "track = builtin\n";
    planedit_t e;
    if (!open_text(&e, text))
        return;
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    char *s = planedit_text(&e, "Music plan (yours)", "Music plan (music-plan.plan)", "2024-05-01");
    CHECK(s != NULL);
    if (s) {
        const char *want = "# Adjusted in Safe Base on 2024-05-01 from Music plan (music-plan.plan).\n"
                           "# A plan with music of its own.\n[plan]\n";
        CHECK(strncmp(s, want, strlen(want)) == 0);
        CHECK(strstr(s, "\ntitle = Music plan (yours)\n"));
        CHECK(strstr(s, "\nmusic = /home/ann/plans/music/calm.ogg\n"));
        CHECK(strstr(s, "\ntrack = /home/ann/plans/songs/a.ogg\n"));
        CHECK(strstr(s, "\ntrack = /abs/b.ogg\n"));
        CHECK(strstr(s, "\ntrack = builtin\n"));
        plan_t p;
        CHECK(plan_parse(s, strlen(s), &p, NULL));
        CHECK_EQ_STR(p.title, "Music plan (yours)");
        CHECK_EQ_INT(plan_total_ms(&p), 4 * MIN);
        CHECK_EQ_INT(p.nphases, 3);
        CHECK_EQ_STR(p.phases[0].track, "/home/ann/plans/songs/a.ogg");
        plan_free(&p);
    }
    free(s);
    /* "keep this plan": the title kept, a comment */
    s = planedit_text(&e, NULL, "kept from Music plan", NULL);
    const char *kept = "# Adjusted in Safe Base from kept from Music plan.\n# A plan";
    CHECK(s && strncmp(s, kept, strlen(kept)) == 0);
    CHECK(s && strstr(s, "\ntitle = Music plan\n"));
    free(s);
    /* no comment, no title: only the paths change */
    s = planedit_text(&e, NULL, NULL, NULL);
    CHECK(s && strncmp(s, "# A plan with", 13) == 0);
    free(s);
    /* a long origin wraps onto more comment lines; a title too long is cut; control chars go */
    char from[400], title[200];
    memset(from, 'x', 20);
    for (int i = 0; i < 30; i++)
        memcpy(from + 20 + i * 10, " word\n1234", 10);
    from[320] = '\0';
    memset(title, 0, sizeof title);
    for (int i = 0; i < 70; i++)
        memcpy(title + i * 2, "\xC3\xA9", 2);  /* 70 x e-acute */
    s = planedit_text(&e, title, from, "today");
    CHECK(s != NULL);
    if (s) {
        plan_t p;
        CHECK(plan_parse(s, strlen(s), &p, NULL));
        CHECK_EQ_INT(strlen(p.title), 120);   /* 60 characters of 2 bytes */
        plan_free(&p);
        const char *line = s;
        int comments = 0;
        while (line && *line == '#') {
            const char *nl = strchr(line, '\n');
            CHECK(nl && nl - line <= 78);
            comments++;
            line = nl ? nl + 1 : NULL;
        }
        CHECK(comments >= 4);
    }
    free(s);
    planedit_free(&e);

    /* every built-in plan, adjusted, saves to a file that parses to the same phases */
    for (int k = 0; k < NBUILTIN; k++) {
        if (!open_builtin(&e, builtin_ids[k]))
            continue;
        CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
        s = planedit_text(&e, "Adjusted", "somewhere", "2024-01-01");
        plan_t p;
        CHECK(s && plan_parse(s, strlen(s), &p, NULL));
        if (s && p.nphases) {
            CHECK_EQ_STR(p.title, "Adjusted");
            CHECK_EQ_INT(plan_total_ms(&p), total(&e));
            CHECK_EQ_INT(p.nphases, planedit_plan(&e)->nphases);
            CHECK(p.music && (strcmp(p.music, "builtin") == 0 || strcmp(p.music, "none") == 0));
            plan_free(&p);
        }
        free(s);
        planedit_free(&e);
    }
}

static void test_outline(void)
{
    planedit_t e;
    if (!open_builtin(&e, "connect-separate-connect"))
        return;
    char lines[8][PLANEDIT_LINE];
    int n = planedit_outline(&e, lines, 8);
    CHECK_EQ_INT(n, 5);
    CHECK_EQ_STR(lines[0], "Arrive \xC2\xB7 1 min 30 s");
    CHECK_EQ_STR(lines[1], "3 rounds of: Together 1 min, Apart 20 s to 1 min");
    CHECK_EQ_STR(lines[2], "Reunion \xC2\xB7 2 min");
    CHECK_EQ_STR(lines[3], "Goodbye \xC2\xB7 1 min 30 s");
    CHECK_EQ_STR(lines[4], "Total: 10 min");
    n = planedit_outline(&e, lines, 3);
    CHECK_EQ_INT(n, 3);
    CHECK_EQ_STR(lines[0], "Arrive \xC2\xB7 1 min 30 s");
    CHECK_EQ_STR(lines[1], "...");
    CHECK_EQ_STR(lines[2], "Total: 10 min");
    n = planedit_outline(&e, lines, 1);
    CHECK_EQ_INT(n, 1);
    CHECK_EQ_STR(lines[0], "Total: 10 min");
    CHECK_EQ_INT(planedit_outline(&e, lines, 0), 0);
    planedit_free(&e);

    /* a long repeat line is cut with "..." at a character */
    char text[2048] = "[plan]\ntitle = T\n[repeat 2]\n";
    for (int i = 0; i < 8; i++) {
        size_t k = strlen(text);
        snprintf(text + k, sizeof text - k, "[phase Ph\xC3\xA9se number %d long name]\nduration = 1m\n", i);
    }
    strcat(text, "[end repeat]\n");
    if (!open_text(&e, text))
        return;
    n = planedit_outline(&e, lines, 8);
    CHECK_EQ_INT(n, 2);
    CHECK(strlen(lines[0]) < PLANEDIT_LINE && strlen(lines[0]) > PLANEDIT_LINE - 10);
    CHECK(strncmp(lines[0], "2 rounds of: Ph\xC3\xA9se number 0 long name 1 min, ", 45) == 0);
    CHECK(strcmp(lines[0] + strlen(lines[0]) - 3, "...") == 0);
    CHECK_EQ_STR(lines[1], "Total: 16 min");
    planedit_free(&e);
}

/* ---- titles and file names ---- */

static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void test_own_title(void)
{
    char out[256];
    planedit_own_title("Special playtime", NULL, 0, out, sizeof out);
    CHECK_EQ_STR(out, "Special playtime (yours)");
    const char *taken[] = { "special playtime (YOURS)", "Special playtime (yours 2)", "Other" };
    planedit_own_title("Special playtime", taken, 1, out, sizeof out);
    CHECK_EQ_STR(out, "Special playtime (yours 2)");
    planedit_own_title("Special playtime (yours 2)", taken, 3, out, sizeof out);
    CHECK_EQ_STR(out, "Special playtime (yours 3)");
    planedit_own_title("Special playtime (yours)", taken + 1, 1, out, sizeof out);
    CHECK_EQ_STR(out, "Special playtime (yours)");
    planedit_own_title("Mine (Yours 12)", NULL, 0, out, sizeof out);
    CHECK_EQ_STR(out, "Mine (yours)");
    planedit_own_title("Fun (yours truly)", NULL, 0, out, sizeof out);
    CHECK_EQ_STR(out, "Fun (yours truly) (yours)");
    planedit_own_title("", NULL, 0, out, sizeof out);
    CHECK_EQ_STR(out, "My plan (yours)");
    /* 60 characters of 2-byte UTF-8: cut to 52 + " (yours)", never inside a character */
    char base[256] = "";
    for (int i = 0; i < 60; i++)
        strcat(base, "\xC3\xA9");
    planedit_own_title(base, NULL, 0, out, sizeof out);
    CHECK_EQ_INT(utf8_chars(out), PLAN_MAX_TITLE_CHARS);
    CHECK_EQ_INT(strlen(out), 52 * 2 + 8);
    const char *taken2[] = { out };
    char second[256];
    planedit_own_title(base, taken2, 1, second, sizeof second);
    CHECK_EQ_INT(utf8_chars(second), PLAN_MAX_TITLE_CHARS);
    CHECK(strcmp(second + strlen(second) - 10, " (yours 2)") == 0);
    /* 3-byte characters and a word boundary space before the suffix */
    char wide[256] = "";
    for (int i = 0; i < 51; i++)
        strcat(wide, "\xE2\x98\x80");
    strcat(wide, " abcdefgh");
    planedit_own_title(wide, NULL, 0, out, sizeof out);
    CHECK_EQ_INT(utf8_chars(out), 51 + 8);   /* the space before the cut is dropped */
    CHECK(strcmp(out + strlen(out) - 8, " (yours)") == 0);
    /* a small buffer: still whole characters and the suffix */
    char small[16];
    planedit_own_title(base, NULL, 0, small, sizeof small);
    CHECK_EQ_STR(small, "\xC3\xA9\xC3\xA9\xC3\xA9 (yours)");
    /* Every built-in title, made "yours" again and again, stays a title that parses */
    char t[256] = "Connect, separate, connect";
    const char *all[40];
    char store[40][128];
    for (int i = 0; i < 40; i++) {
        planedit_own_title(t, all, i, store[i], sizeof store[i]);
        all[i] = store[i];
        CHECK(utf8_chars(store[i]) <= PLAN_MAX_TITLE_CHARS);
        for (int j = 0; j < i; j++)
            CHECK(strcmp(store[i], store[j]) != 0);
    }
    CHECK_EQ_STR(store[39], "Connect, separate, connect (yours 40)");
}

static void test_file_stem(void)
{
    char out[128];
    planedit_file_stem("Special playtime (yours 2)", out, sizeof out);
    CHECK_EQ_STR(out, "special-playtime-yours-2");
    planedit_file_stem("Connect, separate, connect", out, sizeof out);
    CHECK_EQ_STR(out, "connect-separate-connect");
    planedit_file_stem("  -- Gentle: a sense of self! --", out, sizeof out);
    CHECK_EQ_STR(out, "gentle-a-sense-of-self");
    planedit_file_stem("Caf\xC3\xA9 au lait", out, sizeof out);
    CHECK_EQ_STR(out, "caf-au-lait");
    planedit_file_stem("\xC3\xA9\xC3\xA9 !", out, sizeof out);
    CHECK_EQ_STR(out, "plan");
    planedit_file_stem("", out, sizeof out);
    CHECK_EQ_STR(out, "plan");
    char long_title[128];
    memset(long_title, 'a', 59);
    strcpy(long_title + 59, " b c");
    planedit_file_stem(long_title, out, sizeof out);
    CHECK_EQ_INT(strlen(out), 59);  /* no '-' at the end */
    memset(long_title, 'b', 100);
    long_title[100] = '\0';
    planedit_file_stem(long_title, out, sizeof out);
    CHECK_EQ_INT(strlen(out), 60);
    char small[6];
    planedit_file_stem("ab cd ef", small, sizeof small);
    CHECK_EQ_STR(small, "ab-cd");
}

/* ---- opening ---- */

static void test_open_errors(void)
{
    planedit_t e;
    plan_errors_t errs;
    const char *bad = "[plan]\ntitle = T\n[phase A]\nduration = soon\n";
    CHECK(!planedit_open(&e, bad, strlen(bad), "/p", &errs));
    CHECK(errs.count == 1 && errs.items[0].line == 4);
    planedit_free(&e);
    CHECK(!planedit_open(&e, "", 0, NULL, &errs));
    CHECK(errs.count >= 1);
    planedit_free(&e);
    CHECK(!planedit_open(&e, "[plan]\0", 7, NULL, NULL));
    planedit_free(&e);
    /* all phases inside the repeat: Length scales durations and growth */
    const char *inside = "[plan]\ntitle = T\n[repeat 3]\n[phase A]\nkind = connect\nduration = 1m\n"
                         "[phase B]\nkind = separate\nduration = 20s\ngrow = 20s\n[end repeat]\n";
    if (!open_text(&e, inside))
        return;
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "5 min");
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, +1));
    CHECK_EQ_STR(value(&e, PLANEDIT_LENGTH), "10 min");
    CHECK_EQ_STR(value(&e, PLANEDIT_CONNECT), "2 min");
    CHECK_EQ_STR(value(&e, PLANEDIT_GROWTH), "40 s a round");
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK(planedit_step(&e, PLANEDIT_LENGTH, -1));
    CHECK(total(&e) > 3 * MIN + 30 * SEC && total(&e) < 4 * MIN + 30 * SEC);
    CHECK(consistent(&e));
    planedit_free(&e);
}

/* ---- a random walk: the text always parses ---- */

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static bool on_ladder(int64_t ms)
{
    static const int minutes[] = { 1, 2, 3, 4, 5, 10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90,
        120, 150, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720 };
    for (size_t i = 0; i < sizeof minutes / sizeof *minutes; i++) {
        if (ms == minutes[i] * MIN)
            return true;
    }
    return false;
}

static void test_random_walk(void)
{
    uint32_t seed = 12345;
    for (int k = 0; k < NBUILTIN; k++) {
        planedit_t e;
        if (!open_builtin(&e, builtin_ids[k]))
            continue;
        int bad = 0, taken = 0, ladder_misses = 0;
        char *before = NULL;
        for (int press = 0; press < 500; press++) {
            planedit_row_t rows[PLANEDIT_ROW_KINDS];
            int n = rows_of(&e, rows);
            planedit_row_t row = rows[next_random(&seed) % (uint32_t)n];
            int dir = next_random(&seed) % 2 ? +1 : -1;
            free(before);
            before = strdup(e.text);
            bool moved = planedit_step(&e, row, dir);
            taken += moved;
            if (!moved && strcmp(before, e.text) != 0)
                bad++;
            if (!consistent(&e))
                bad++;
            if (moved && row == PLANEDIT_LENGTH && !on_ladder(total(&e)))
                ladder_misses++;
            char len[64];
            planedit_value(&e, PLANEDIT_LENGTH, len, sizeof len);
            char want[64];
            int64_t t = total(&e);
            snprintf(want, sizeof want, "%s", len);
            if (t <= 0 || t > 12 * 3600 * SEC)
                bad++;
            char lines[16][PLANEDIT_LINE];
            int nl = planedit_outline(&e, lines, 16);
            if (nl < 2 || strncmp(lines[nl - 1], "Total: ", 7) != 0 || strcmp(lines[nl - 1] + 7, want))
                bad++;
        }
        free(before);
        if (bad)
            fprintf(stderr, "%s: %d bad presses\n", builtin_ids[k], bad);
        CHECK_EQ_INT(bad, 0);
        CHECK_EQ_INT(ladder_misses, 0);
        CHECK(taken > 200);
        char *s = planedit_text(&e, "Walked", "a walk", "2024-01-01");
        plan_t p;
        CHECK(s && plan_parse(s, strlen(s), &p, NULL));
        if (s && p.nphases) {
            CHECK_EQ_INT(plan_total_ms(&p), total(&e));
            plan_free(&p);
        }
        free(s);
        planedit_free(&e);
    }
}

int main(void)
{
    test_labels();
    test_builtin_rows();
    test_builtin_every_row();
    test_special_playtime_length();
    test_csc_rounds_separation_growth();
    test_limits();
    test_breathing_and_child_view();
    test_music();
    test_comments_and_inserted_keys();
    test_line_ends();
    test_saved_text();
    test_outline();
    test_own_title();
    test_file_stem();
    test_open_errors();
    test_random_walk();
    return check_summary();
}
