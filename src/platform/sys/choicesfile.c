/* Reads and writes choices.tsv in the config folder; the text itself is core/plan/choices.c's.
 * Must not print, nor write the file any way but savefile_replace. */
#include "platform/sys/choicesfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"
#include "platform/sys/savefile.h"

#define CHOICESFILE_NAME "choices.tsv"
#define CHOICESFILE_MAX (4 * 1024 * 1024)

static bool file_path(char *path, size_t size, char *err, size_t errsize)
{
    char dir[4096];
    if (paths_config_dir(dir, sizeof dir) && paths_join(path, size, dir, CHOICESFILE_NAME))
        return true;
    /* TRANSLATORS: %s is the file of remembered choices, choices.tsv; XDG_CONFIG_HOME and HOME
       are environment variables */
    snprintf(err, errsize, _("%s: no config folder (neither XDG_CONFIG_HOME nor HOME is set)"), CHOICESFILE_NAME);
    return false;
}

bool choicesfile_load(choices_t *c, char *err, size_t errsize)
{
    char path[4200];
    if (errsize)
        err[0] = '\0';
    if (!file_path(path, sizeof path, err, errsize))
        return false;
    FILE *f = osfile_fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT)
            return true;
        snprintf(err, errsize, "%s: %s", path, strerror(errno));
        return false;
    }
    char *text = malloc(CHOICESFILE_MAX + 1);
    size_t len = text ? fread(text, 1, CHOICESFILE_MAX + 1, f) : 0;
    int error = ferror(f) ? errno : 0;
    fclose(f);
    if (!text || error || len > CHOICESFILE_MAX) {
        /* TRANSLATORS: the file of remembered choices is too large to read */
        snprintf(err, errsize, "%s: %s", path, !text ? _("out of memory") : error ? strerror(error) : _("too large"));
        free(text);
        return false;
    }
    char why[512];
    bool ok = choices_parse(c, text, len, why, sizeof why);
    free(text);
    if (!ok)
        snprintf(err, errsize, "%s: %s", path, why);
    return ok;
}

bool choicesfile_save(const choices_t *c, char *err, size_t errsize)
{
    char path[4200];
    if (errsize)
        err[0] = '\0';
    if (!file_path(path, sizeof path, err, errsize))
        return false;
    char *text = choices_encode(c);
    if (!text) {
        snprintf(err, errsize, _("cannot save %s: %s"), path, _("out of memory"));
        return false;
    }
    bool ok = savefile_replace(path, text, strlen(text), err, errsize);
    free(text);
    return ok;
}
