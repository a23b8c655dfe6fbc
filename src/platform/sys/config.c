/* Loads safebase.ini into settings_t and lays the command-line options over it. Prints only
 * to the stream given; never exits. No SDL. */
#include "platform/sys/config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

#define CONFIG_MAX_FILE (64 * 1024)

static void read_file(settings_t *s, const char *path, bool must_exist, FILE *err)
{
    FILE *f = osfile_fopen(path, "rb");
    if (!f) {
        if (must_exist || errno != ENOENT)
            /* TRANSLATORS: the settings file (%1$s) cannot be read; %2$s says why */
            fprintf(err, _("%s: cannot read the settings (%s); using the defaults\n"), path, strerror(errno));
        return;
    }
    char *text = malloc(CONFIG_MAX_FILE + 1);
    size_t len = text ? fread(text, 1, CONFIG_MAX_FILE + 1, f) : 0;
    bool error = ferror(f);
    fclose(f);
    if (!text || error || len > CONFIG_MAX_FILE) {
        /* TRANSLATORS: the settings file (%s) cannot be used */
        fprintf(err, len > CONFIG_MAX_FILE ? _("%s: too large for a settings file; using the defaults\n")
                                           : _("%s: cannot read the settings; using the defaults\n"), path);
        free(text);
        return;
    }
    settings_errors_t errs;
    settings_t parsed = *s;
    settings_parse(text, len, &parsed, &errs);
    free(text);
    for (int i = 0; i < errs.count; i++)
        fprintf(err, "%s:%d: %s\n", path, errs.items[i].line, errs.items[i].message);
    if (errs.dropped)
        /* TRANSLATORS: after the settings file's (%s) first 16 mistakes */
        fprintf(err, P_("%s: %d more mistake not shown\n", "%s: %d more mistakes not shown\n", errs.dropped), path,
                errs.dropped);
    *s = parsed;
}

static void apply_options(settings_t *s, const options_t *o)
{
    if (o->font)
        snprintf(s->font, sizeof s->font, "%s", o->font);
    if (o->display >= 0)
        s->display = o->display;
    if (o->theme)
        s->theme = strcmp(o->theme, "contrast") == 0 ? THEME_CONTRAST : THEME_CALM;
    s->reduced_motion |= o->reduced_motion;
    s->child_view |= o->child_view;
    s->hide_time |= o->hide_time;
    s->shuffle |= o->shuffle;
    if (o->no_captions)
        s->captions = false;
    if (o->volume_percent >= 0)
        s->volume_percent = o->volume_percent;
    if (o->loudness_target < 0)
        s->loudness_target = o->loudness_target;
}

void config_load(settings_t *s, const options_t *o, FILE *err)
{
    settings_defaults(s);
    char dir[4096], path[4096];
    if (o->config)
        read_file(s, o->config, true, err);
    else if (paths_config_dir(dir, sizeof dir) && paths_join(path, sizeof path, dir, "safebase.ini"))
        read_file(s, path, false, err);
    apply_options(s, o);
}
