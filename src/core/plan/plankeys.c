/* Plans: the keys of [plan] and [phase NAME] sections and the checks on their values.
 * libc only; never prints: every bad value becomes an error naming the value and what
 * would be accepted. Cross-key checks (warn < duration, totals) are in planbuild.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/plan/planparse.h"
#include "core/plan/planread.h"

typedef void (*key_fn)(planparse_t *st, const char *value, int line);

typedef struct {
    const char *name;
    key_fn fn;
    bool many;  /* may be given more than once in a section */
} key_def_t;

#define QUOTE(v) planread_quote((v), q, sizeof q)

/* A hint for the commonest slip: a comment at the end of a value line. */
static const char *hint(const char *value)
{
    if (!strchr(value, '#') && !strchr(value, ';'))
        return "";
    /* TRANSLATORS: the end of a message about a bad value in a plan file whose line holds a #
       or ; (the last %s of those messages): the comment must go on a line of its own. */
    return _("; comments go on their own line");
}

/* Finds value among names (case-insensitive); returns its index or -1. */
static int pick(const char *value, const char *const *names, int n)
{
    for (int i = 0; i < n; i++) {
        if (planread_iequal(value, names[i]))
            return i;
    }
    return -1;
}

static bool get_duration(planparse_t *st, const char *value, int line, int64_t *ms)
{
    char q[48];
    if (duration_parse(value, ms))
        return true;
    /* TRANSLATORS: plan-file mistakes, shown after "FILE:LINE: ". Keys (duration, fade,
       grow_max...), values people type (45s, 2m, yes, no, therapist...) and [sections] stay in
       English: the plan file is read in English words. The %s at the very end of some of these
       is empty, or "; comments go on their own line". */
    planparse_error(st, line, _("bad duration \"%s\": use e.g. 45s, 2m, 1m30s, 1h%s"), QUOTE(value),
                    hint(value));
    return false;
}

/* A duration where "none" (or 0) means none. */
static bool get_optional_duration(planparse_t *st, const char *value, int line, int64_t *ms)
{
    if (planread_iequal(value, "none")) {
        *ms = 0;
        return true;
    }
    return get_duration(st, value, line, ms);
}

/* Stores a copy of value in *field after checking its length in characters. */
static void set_text(planparse_t *st, char **field, const char *what, const char *value,
                     size_t max_chars, int line)
{
    char q[48];
    size_t chars = planread_chars(value);
    if (chars > max_chars) {
        /* TRANSLATORS: the first %s is a plan key, kept in English: title, description, prompt,
           note; the last %s is the start of the value as written */
        planparse_error(st, line, _("%s is %zu characters; the limit is %zu (\"%s\")"), what, chars,
                        max_chars, QUOTE(value));
        return;
    }
    free(*field);
    *field = planparse_strdup(st, value);
}

static plan_phase_t *current(planparse_t *st)
{
    return &st->plan.phases[st->plan.nphases - 1];
}

static plan_extra_t *current_extra(planparse_t *st)
{
    return &st->extra[st->plan.nphases - 1];
}

/* ---- [plan] ---- */

static void plan_title(planparse_t *st, const char *value, int line)
{
    set_text(st, &st->plan.title, "title", value, PLAN_MAX_TITLE_CHARS, line);
}

static void plan_audience(planparse_t *st, const char *value, int line)
{
    static const char *const names[] = { "therapist", "parent" };
    char q[48];
    int i = pick(value, names, 2);
    if (i < 0)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("bad audience \"%s\": use therapist or parent%s"), QUOTE(value),
                        hint(value));
    else
        st->plan.audience = i == 1 ? AUDIENCE_PARENT : AUDIENCE_THERAPIST;
}

static void plan_description(planparse_t *st, const char *value, int line)
{
    set_text(st, &st->plan.description, "description", value, PLAN_MAX_PROMPT_CHARS, line);
}

static void plan_music(planparse_t *st, const char *value, int line)
{
    (void)line;
    free(st->plan.music);
    st->plan.music = planparse_strdup(st, value);
    if (st->plan.music && (planread_iequal(value, "builtin") || planread_iequal(value, "none")))
        planread_lower(st->plan.music);
}

static void plan_end_warning(planparse_t *st, const char *value, int line)
{
    int64_t ms;
    st->end_warning_line = line;
    if (get_optional_duration(st, value, line, &ms))
        st->plan.end_warning_ms = ms;
}

static void plan_fade(planparse_t *st, const char *value, int line)
{
    char q[48];
    int64_t ms;
    if (!get_duration(st, value, line, &ms))
        return;
    if (ms < PLAN_MIN_FADE_MS || ms > PLAN_MAX_FADE_MS)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("fade \"%s\" is out of range: use 0.5s to 10s"), QUOTE(value));
    else
        st->plan.fade_ms = ms;
}

static void plan_child_view(planparse_t *st, const char *value, int line)
{
    static const char *const names[] = { "no", "yes", "false", "true", "off", "on", "0", "1" };
    char q[48];
    int i = pick(value, names, 8);
    if (i < 0)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("bad child_view \"%s\": use yes or no%s"), QUOTE(value),
                        hint(value));
    else
        st->plan.child_view = i % 2 == 1;
}

static void plan_grow_max(planparse_t *st, const char *value, int line)
{
    char q[48];
    int64_t ms;
    st->grow_max_line = line;
    if (!get_duration(st, value, line, &ms))
        return;
    if (ms == 0)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("grow_max \"%s\" is zero: leave it out for no cap"), QUOTE(value));
    else if (ms > PLAN_MAX_PHASE_MS)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("grow_max \"%s\" is over 3 hours"), QUOTE(value));
    else
        st->plan.grow_max_ms = ms;
}

/* ---- [phase NAME] ---- */

static void phase_kind(planparse_t *st, const char *value, int line)
{
    static const char *const names[] = { "connect", "separate", "play", "settle", "close" };
    char q[48];
    int i = pick(value, names, PHASE_KIND_COUNT);
    if (i < 0)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("bad kind \"%s\": use connect, separate, play, settle or close%s"),
                        QUOTE(value), hint(value));
    else
        current(st)->kind = (phase_kind_t)i;
}

static void phase_duration(planparse_t *st, const char *value, int line)
{
    char q[48];
    int64_t ms;
    if (!get_duration(st, value, line, &ms))
        return;
    if (ms == 0) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("duration \"%s\" is zero: a phase needs some time"), QUOTE(value));
    } else if (ms > PLAN_MAX_PHASE_MS) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("duration \"%s\" is over 3 hours"), QUOTE(value));
    } else {
        current(st)->duration_ms = ms;
        current_extra(st)->has_duration = true;
    }
}

static void phase_prompt(planparse_t *st, const char *value, int line)
{
    plan_phase_t *ph = current(st);
    if (ph->nprompts >= PLAN_MAX_PROMPTS) {
        if (!st->prompts_full)
            /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
            planparse_error(st, line, _("too many prompts: a phase has at most %d"), PLAN_MAX_PROMPTS);
        st->prompts_full = true;
        return;
    }
    char *text = NULL;
    set_text(st, &text, "prompt", value, PLAN_MAX_PROMPT_CHARS, line);
    if (text)
        ph->prompts[ph->nprompts++] = text;
}

static void phase_prompt_every(planparse_t *st, const char *value, int line)
{
    char q[48];
    int64_t ms;
    if (!get_duration(st, value, line, &ms))
        return;
    if (ms > 0 && ms < PLAN_MIN_PROMPT_EVERY_MS)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("prompt_every \"%s\" is too fast: use at least 5s, or 0 for "
                        "automatic"), QUOTE(value));
    else
        current(st)->prompt_every_ms = ms;
}

static void phase_music(planparse_t *st, const char *value, int line)
{
    static const char *const names[] = { "continue", "play", "soft", "silence" };
    char q[48];
    int i = pick(value, names, 4);
    if (i < 0)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("bad music \"%s\": use continue, play, soft or silence%s"),
                        QUOTE(value), hint(value));
    else
        current(st)->music = (music_mode_t)i;
}

static void phase_track(planparse_t *st, const char *value, int line)
{
    (void)line;
    current(st)->track = planparse_strdup(st, value);
}

static void phase_warn(planparse_t *st, const char *value, int line)
{
    int64_t ms;
    if (!get_optional_duration(st, value, line, &ms))
        return;
    current(st)->warn_ms = ms;
    current_extra(st)->warn_line = line;
}

/* Reads "6" or "4.5" by hand (no locale); returns false on anything else. */
static bool get_decimal(const char *s, double *out)
{
    double v = 0, scale = 1;
    int digits = 0;
    for (; *s >= '0' && *s <= '9' && digits < 4; s++, digits++)
        v = v * 10 + (*s - '0');
    if (digits == 0)
        return false;
    if (*s == '.') {
        s++;
        if (*s < '0' || *s > '9')
            return false;
        for (; *s >= '0' && *s <= '9'; s++) {
            scale /= 10;
            v += (*s - '0') * scale;
        }
    }
    *out = v;
    return *s == '\0';
}

static void phase_breathe(planparse_t *st, const char *value, int line)
{
    static const char *const off[] = { "no", "none", "off", "false", "0" };
    static const char *const on[] = { "yes", "on", "true" };
    char q[48];
    double v = 0;
    if (pick(value, off, 5) >= 0)
        v = 0;
    else if (pick(value, on, 3) >= 0)
        v = 6;
    else if (!get_decimal(value, &v) || v < 2 || v > 20)
        v = -1;
    if (v < 0)
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("bad breathe \"%s\": use breaths per minute from 2 to 20, "
                        "yes (6) or no%s"), QUOTE(value), hint(value));
    else
        current(st)->breaths_per_min = v;
}

static void phase_note(planparse_t *st, const char *value, int line)
{
    set_text(st, &current(st)->note, "note", value, PLAN_MAX_PROMPT_CHARS, line);
}

static void phase_grow(planparse_t *st, const char *value, int line)
{
    int64_t ms;
    if (!st->repeat_line) {
        /* TRANSLATORS: a plan file's mistake; keys, values, [sections] stay English */
        planparse_error(st, line, _("grow only works inside [repeat N] ... [end repeat]"));
        return;
    }
    if (get_duration(st, value, line, &ms)) {
        current_extra(st)->grow_ms = ms;
        current_extra(st)->grow_line = line;
    }
}

static const key_def_t plan_keys[] = {
    { "title", plan_title, false },
    { "audience", plan_audience, false },
    { "description", plan_description, false },
    { "music", plan_music, false },
    { "end_warning", plan_end_warning, false },
    { "fade", plan_fade, false },
    { "child_view", plan_child_view, false },
    { "grow_max", plan_grow_max, false },
};

static const key_def_t phase_keys[] = {
    { "kind", phase_kind, false },
    { "duration", phase_duration, false },
    { "prompt", phase_prompt, true },
    { "prompt_every", phase_prompt_every, false },
    { "music", phase_music, false },
    { "track", phase_track, false },
    { "warn", phase_warn, false },
    { "breathe", phase_breathe, false },
    { "note", phase_note, false },
    { "grow", phase_grow, false },
};

static void unknown_key(planparse_t *st, const char *key, const key_def_t *keys, int n,
                        const char *section, int line)
{
    char allowed[128] = "", q[32];
    size_t used = 0;
    for (int i = 0; i < n && used < sizeof allowed; i++)
        used += (size_t)snprintf(allowed + used, sizeof allowed - used, "%s%s", i ? ", " : "",
                                 keys[i].name);
    /* TRANSLATORS: the second %s is the section, [plan] or [phase]; the last is the keys it
       allows, in English ("kind, duration, prompt...") */
    planparse_error(st, line, _("unknown key \"%s\" in %s; allowed: %s"), QUOTE(key), section,
                    allowed);
}

void planparse_key(planparse_t *st, const char *key, const char *value, int line)
{
    bool in_plan = st->section == SECTION_PLAN;
    const key_def_t *keys = in_plan ? plan_keys : phase_keys;
    int n = in_plan ? (int)(sizeof plan_keys / sizeof *plan_keys)
                    : (int)(sizeof phase_keys / sizeof *phase_keys);
    int i = 0;
    while (i < n && strcmp(keys[i].name, key) != 0)
        i++;
    if (i == n) {
        unknown_key(st, key, keys, n, in_plan ? "[plan]" : "[phase]", line);
        return;
    }
    /* a required key given badly must not also be reported as missing */
    if (keys[i].fn == plan_title)
        st->title_given = true;
    if (keys[i].fn == phase_duration && !current_extra(st)->duration_line)
        current_extra(st)->duration_line = line;
    if (!*value) {
        /* TRANSLATORS: %s is a plan key, kept in English (duration, title...) */
        planparse_error(st, line, _("%s has no value"), keys[i].name);
        return;
    }
    if (st->key_line[i] && !keys[i].many) {
        /* TRANSLATORS: %s is a plan key, kept in English (duration, title...) */
        planparse_error(st, line, _("%s is given twice in this section (first on line %d)"),
                        keys[i].name, st->key_line[i]);
        return;
    }
    if (!st->key_line[i])
        st->key_line[i] = line;
    keys[i].fn(st, value, line);
}
