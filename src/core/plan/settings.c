/* Reads safebase.ini: "key = value" lines (an optional [safebase] header, # or ; comments),
 * checked line by line with the plan reader's line layer. A bad line keeps its setting's
 * default. libc only; never prints, never allocates. */
#include "core/plan/settings.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"
#include "core/base/printf.h"
#include "core/plan/planread.h"

void settings_defaults(settings_t *s)
{
    memset(s, 0, sizeof *s);
    s->theme = THEME_CALM;
    s->captions = true;
    s->volume_percent = 100;
    s->loudness_target = -23.0;
}

static void add_error(settings_errors_t *errs, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void add_error(settings_errors_t *errs, int line, const char *fmt, ...)
{
    if (errs->count >= SETTINGS_MAX_ERRORS) {
        errs->dropped++;
        return;
    }
    settings_error_t *e = &errs->items[errs->count++];
    e->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}

static bool parse_bool(const char *v, bool *out)
{
    static const char *const yes[] = { "yes", "true", "on", "1" };
    static const char *const no[] = { "no", "false", "off", "0" };
    for (int i = 0; i < 4; i++) {
        if (planread_iequal(v, yes[i]) || planread_iequal(v, no[i])) {
            *out = planread_iequal(v, yes[i]);
            return true;
        }
    }
    return false;
}

static bool parse_number(const char *v, double lo, double hi, double *out)
{
    char *end = NULL;
    double d = strtod(v, &end);
    if (end == v || *end || !(d >= lo && d <= hi))
        return false;
    *out = d;
    return true;
}

static bool copy_path(const char *v, char *dst, size_t size)
{
    if (strlen(v) >= size)
        return false;
    memcpy(dst, v, strlen(v) + 1);
    return true;
}

/* Applies one key; returns NULL when good, "" for an unknown key, else what a good value looks
 * like (in the user's language). */
static const char *apply(settings_t *s, const char *key, const char *v)
{
    bool *flags[] = { &s->reduced_motion, &s->child_view, &s->hide_time, &s->captions, &s->shuffle };
    static const char *const flag_keys[] = { "reduced_motion", "child_view", "hide_time", "captions", "shuffle" };
    for (int i = 0; i < 5; i++)
        if (planread_iequal(key, flag_keys[i]))
            /* TRANSLATORS: what a good value of a setting looks like, in "bad value for %s:
               expected %s; using the default". The values people type (yes, no, calm,
               contrast, LUFS) stay in English: safebase.ini is read in English words. */
            return parse_bool(v, flags[i]) ? NULL : _("yes or no");
    double d;
    if (planread_iequal(key, "theme")) {
        bool calm = planread_iequal(v, "calm"), contrast = planread_iequal(v, "contrast");
        if (calm || contrast)
            s->theme = contrast ? THEME_CONTRAST : THEME_CALM;
        return calm || contrast ? NULL : _("calm or contrast");
    }
    if (planread_iequal(key, "display")) {
        bool ok = parse_number(v, 0, 63, &d) && d == (int)d;
        if (ok)
            s->display = (int)d;
        return ok ? NULL : _("a monitor number from 0 to 63");
    }
    if (planread_iequal(key, "volume")) {
        bool ok = parse_number(v, 0, 100, &d) && d == (int)d;
        if (ok)
            s->volume_percent = (int)d;
        return ok ? NULL : _("a whole number from 0 to 100");
    }
    if (planread_iequal(key, "loudness_target")) {
        bool ok = parse_number(v, -40, -10, &d);
        if (ok)
            s->loudness_target = d;
        return ok ? NULL : _("a loudness from -40 to -10 (LUFS)");
    }
    if (planread_iequal(key, "font"))
        return copy_path(v, s->font, sizeof s->font) ? NULL : _("a shorter path");
    if (planread_iequal(key, "music"))
        return copy_path(v, s->music, sizeof s->music) ? NULL : _("a shorter path");
    if (planread_iequal(key, "log_dir"))
        return !*v ? _("a folder") : copy_path(v, s->log_dir, sizeof s->log_dir) ? NULL : _("a shorter path");
    return "";
}

static void take_line(settings_t *s, const planread_line_t *l, settings_errors_t *errs)
{
    char text[PLAN_MAX_LINE + 1], q[64];
    snprintf(text, sizeof text, "%s", l->text);
    if (text[0] == '\0' || text[0] == '#' || text[0] == ';' || planread_iequal(text, "[safebase]"))
        return;
    char *eq = strchr(text, '=');
    if (!eq) {
        /* TRANSLATORS: a mistake in the settings file, shown after "FILE:LINE: " */
        add_error(errs, l->number, _("expected \"key = value\", found \"%s\""), planread_quote(text, q, sizeof q));
        return;
    }
    *eq = '\0';
    char *key = planread_trim(text), *value = planread_trim(eq + 1);
    const char *want = apply(s, key, value);
    if (want && !*want)
        /* TRANSLATORS: a mistake in the settings file; the setting names stay in English */
        add_error(errs, l->number, _("unknown setting \"%s\"; known: theme, reduced_motion, child_view, hide_time, "
                                     "font, display, captions, volume, loudness_target, shuffle, music, log_dir"),
                  planread_quote(key, q, sizeof q));
    else if (want)
        /* TRANSLATORS: a mistake in the settings file: the first %s is the setting's name (in
           English), the second what a good value looks like ("a whole number from 0 to 100") */
        add_error(errs, l->number, _("bad value for %s: expected %s; using the default"), key, want);
}

bool settings_parse(const char *text, size_t len, settings_t *s, settings_errors_t *errs)
{
    memset(errs, 0, sizeof *errs);
    int nul = planread_find_nul(text, len);
    if (nul > 0) {
        errs->items[0].line = nul;
        snprintf(errs->items[0].message, sizeof errs->items[0].message,
                 _("binary file, not settings (NUL byte on line %d); using the defaults"), nul);
        errs->count = 1;
        return false;
    }
    planread_t r;
    planread_line_t line;
    planread_init(&r, text, len);
    while (planread_next(&r, &line)) {
        if (line.bad)
            add_error(errs, line.number, "%s", line.error);
        else
            take_line(s, &line, errs);
    }
    return errs->count == 0 && errs->dropped == 0;
}
