/* Plans from text: plan_parse, and the line and section level of the reader; key values live
 * in plankeys.c, repeats and final checks in planbuild.c, the shared helpers in planparse.c.
 * libc only: never reads a file or a clock, never prints, never exits. */
#include <stdlib.h>
#include <string.h>

#include "core/plan/plan.h"
#include "core/base/translate.h"
#include "core/plan/planparse.h"
#include "core/plan/planread.h"

/* Adds a raw phase named name; returns false (having said why) when there is no room. */
static bool add_phase(planparse_t *st, const char *name, int line)
{
    if (st->plan.nphases >= PLAN_MAX_PHASES) {
        if (!st->phases_full)
            /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
            planparse_error(st, line, _("too many phases: a plan has at most %d"), PLAN_MAX_PHASES);
        st->phases_full = true;
        return false;
    }
    if (st->plan.nphases == st->capacity) {
        int cap = st->capacity ? st->capacity * 2 : 16;
        plan_phase_t *phases = realloc(st->plan.phases, (size_t)cap * sizeof *phases);
        if (phases)
            st->plan.phases = phases;
        plan_extra_t *extra = phases ? realloc(st->extra, (size_t)cap * sizeof *extra) : NULL;
        if (!extra) {
            st->out_of_memory = true;
            return false;
        }
        st->extra = extra;
        st->capacity = cap;
    }
    plan_phase_t *ph = &st->plan.phases[st->plan.nphases];
    memset(ph, 0, sizeof *ph);
    ph->name = planparse_strdup(st, name);
    if (!ph->name)
        return false;
    ph->kind = PHASE_PLAY;
    ph->music = MUSIC_CONTINUE;
    ph->round = ph->rounds = 1;
    ph->line = line;
    plan_extra_t *x = &st->extra[st->plan.nphases++];
    memset(x, 0, sizeof *x);
    x->block = st->repeat_line;
    x->rounds = st->repeat_line ? st->repeat_count : 1;
    if (st->repeat_line)
        st->repeat_phases++;
    return true;
}

static plan_section_t open_plan(planparse_t *st, const char *rest, int line)
{
    if (*rest) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("[plan] takes no name; put the title in \"title = ...\""));
        return SECTION_SKIP;
    }
    if (st->plan_line) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("a second [plan] section (the first is on line %d)"), st->plan_line);
        return SECTION_SKIP;
    }
    st->plan_line = line;
    return SECTION_PLAN;
}

static plan_section_t open_phase(planparse_t *st, const char *name, int line)
{
    char q[48];
    if (!*name) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("[phase] needs a name, e.g. [phase Connect]"));
        return SECTION_SKIP;
    }
    size_t chars = planread_chars(name);
    if (chars > PLAN_MAX_NAME_CHARS) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("phase name \"%s\" is %zu characters; the limit is %d"),
                        planread_quote(name, q, sizeof q), chars, PLAN_MAX_NAME_CHARS);
        return SECTION_SKIP;
    }
    st->prompts_full = false;
    return add_phase(st, name, line) ? SECTION_PHASE : SECTION_SKIP;
}

/* Reads N of [repeat N]: 1..PLAN_MAX_REPEAT, digits only. Returns 0 when it is not. */
static int repeat_count(const char *s)
{
    int n = 0;
    if (!*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        n = n * 10 + (*s - '0');
        if (n > PLAN_MAX_REPEAT)
            return 0;
    }
    return n;
}

static void open_repeat(planparse_t *st, const char *rest, int line)
{
    char q[48];
    if (st->repeat_line) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("[repeat] inside another [repeat] (line %d); repeats cannot nest"),
                        st->repeat_line);
        st->repeat_nested++;
        return;
    }
    int n = repeat_count(rest);
    if (n == 0)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("bad repeat count \"%s\": use [repeat N] with N from 1 to %d"),
                        planread_quote(rest, q, sizeof q), PLAN_MAX_REPEAT);
    st->repeat_line = line;
    st->repeat_count = n ? n : 1;
    st->repeat_phases = 0;
}

static void close_repeat(planparse_t *st, int line)
{
    if (st->repeat_nested > 0) {
        st->repeat_nested--;
        return;
    }
    if (!st->repeat_line) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("[end repeat] without a [repeat N] before it"));
        return;
    }
    if (st->repeat_phases == 0)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, st->repeat_line, _("[repeat %d] has no phases before its [end repeat]"),
                        st->repeat_count);
    st->repeat_line = 0;
}

/* Splits "word rest" in place: returns rest (trimmed), word is s. */
static char *split_word(char *s)
{
    char *p = s;
    while (*p && *p != ' ' && *p != '\t')
        p++;
    if (!*p)
        return p;
    *p++ = '\0';
    return planread_trim(p);
}

static void on_section(planparse_t *st, char *text, int line)
{
    char q[64];
    size_t n = strlen(text);
    planparse_close_phase(st);
    st->section = SECTION_SKIP;
    memset(st->key_line, 0, sizeof st->key_line);
    if (text[n - 1] != ']') {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, strchr(text, ']') ? _("text after ] in \"%s\"; comments go on "
                        "their own line") : _("section header \"%s\" has no closing ]"),
                        planread_quote(text, q, sizeof q));
        return;
    }
    text[n - 1] = '\0';
    char *word = planread_trim(text + 1);
    char *rest = split_word(word);
    if (planread_iequal(word, "plan")) {
        st->section = open_plan(st, rest, line);
    } else if (planread_iequal(word, "phase")) {
        st->phase_headers++;
        st->section = open_phase(st, rest, line);
    } else if (planread_iequal(word, "repeat")) {
        open_repeat(st, rest, line);
        st->section = SECTION_NONE;
    } else if (planread_iequal(word, "end") && planread_iequal(rest, "repeat")) {
        close_repeat(st, line);
        st->section = SECTION_NONE;
    } else {
        /* TRANSLATORS: [%s%s%s] is the section header as written; section names stay English */
        planparse_error(st, line, _("unknown section [%s%s%s]; expected [plan], [phase NAME], "
                        "[repeat N] or [end repeat]"), planread_quote(word, q, 24), *rest ? " " : "",
                        planread_quote(rest, q + 24, 40));
    }
}

static void on_key_value(planparse_t *st, char *text, int line)
{
    char q[64];
    char *eq = strchr(text, '=');
    if (!eq) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("expected key = value, a [section] or a # comment, not \"%s\""),
                        planread_quote(text, q, sizeof q));
        return;
    }
    *eq = '\0';
    char *key = planread_lower(planread_trim(text));
    char *value = planread_trim(eq + 1);
    if (!*key) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("a key is missing before \"=\""));
        return;
    }
    if (st->section == SECTION_SKIP)
        return;  /* the section header was wrong and has been reported */
    if (st->section == SECTION_NONE) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("\"%s\" is outside any section; put it under [plan] or "
                        "[phase NAME]"), planread_quote(key, q, 32));
        return;
    }
    planparse_key(st, key, value, line);
}

static void on_line(planparse_t *st, planread_line_t *ln)
{
    if (ln->bad) {  /* said once; the line is still read so its section or key counts */
        planparse_error(st, ln->number, "%s", ln->error);
        st->had_content = true;
    }
    char *t = ln->text;
    if (t[0] == '\0' || t[0] == '#' || t[0] == ';')
        return;
    st->had_content = true;
    if (t[0] == '[')
        on_section(st, t, ln->number);
    else
        on_key_value(st, t, ln->number);
}

/* Stable sort by line, whole-file errors (line 0) last. */
static void sort_errors(plan_errors_t *e)
{
    for (int i = 1; i < e->count; i++) {
        plan_error_t item = e->items[i];
        unsigned key = (unsigned)item.line - 1u;  /* 0 becomes the largest */
        int j = i;
        while (j > 0 && (unsigned)e->items[j - 1].line - 1u > key) {
            e->items[j] = e->items[j - 1];
            j--;
        }
        e->items[j] = item;
    }
}

bool plan_parse(const char *text, size_t len, plan_t *out, plan_errors_t *errs)
{
    plan_errors_t local;
    planparse_t st;
    memset(out, 0, sizeof *out);
    memset(&st, 0, sizeof st);
    st.errs = errs ? errs : &local;
    memset(st.errs, 0, sizeof *st.errs);
    int nul_line = planread_find_nul(text, len);
    if (nul_line) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(&st, nul_line, _("binary file, not a plan (NUL byte on line %d)"), nul_line);
        return false;
    }
    st.plan.fade_ms = PLAN_DEFAULT_FADE_MS;
    planread_t reader;
    planread_init(&reader, text, len);
    planread_line_t *line = malloc(sizeof *line);
    if (!line) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(&st, 0, _("out of memory"));
        return false;
    }
    while (planread_next(&reader, line))
        on_line(&st, line);
    free(line);
    planparse_finish(&st);
    free(st.extra);
    if (st.out_of_memory)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(&st, 0, _("out of memory"));
    sort_errors(st.errs);
    if (st.errs->count > 0 || st.errs->dropped > 0) {
        plan_free(&st.plan);
        return false;
    }
    *out = st.plan;
    return true;
}
