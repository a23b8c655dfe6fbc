/* Reads the session log row by row for --history, --report and the History screen: one file,
 * or every device's file in a shared folder. The loader lives on the heap (a CSV line's buffer
 * is 4 KiB); nothing here keeps state between calls. */
#include "platform/log/logload.h"

#include <stdlib.h>

#include "core/base/translate.h"
#include "platform/log/logdir.h"
#include "platform/sys/i18n.h"

typedef struct {
    logload_row_fn on_row;
    void *ctx;
    FILE *csv, *warn;
    const char *path;
    long bad;
    char line[RECORD_MAX_LINE + RECORD_COLUMNS * 2];
} loader_t;

static void on_event(void *ctx, const logread_event_t *ev)
{
    loader_t *l = ctx;
    if (ev->kind == LOGREAD_BAD) {
        if (l->bad++ < LOGLOAD_MAX_WARNINGS && l->warn)
            /* TRANSLATORS: a damaged line of the session log: the file, the line, what is wrong */
            i18n_say(l->warn, _("%s:%ld: %s (skipped)"), l->path, ev->line, ev->why);
    } else if (ev->kind == LOGREAD_ROW && l->on_row(l->ctx, ev->row) && l->csv &&
               record_format_row(ev->row, l->line, sizeof l->line) > 0) {
        fputs(l->line, l->csv);
    }
}

static void on_dir_event(void *ctx, const char *path, const logread_event_t *ev)
{
    loader_t *l = ctx;
    l->path = path;
    on_event(l, ev);
}

static loader_t *loader_new(logload_row_fn on_row, void *ctx, FILE *csv, FILE *warn, char *err,
                            size_t errsize)
{
    loader_t *l = malloc(sizeof *l);
    if (!l) {
        snprintf(err, errsize, "%s", _("out of memory"));
        return NULL;
    }
    *l = (loader_t){ .on_row = on_row, .ctx = ctx, .csv = csv, .warn = warn };
    return l;
}

/* Counts the damaged lines past the first ones named, and hands their number out. */
static void loader_end(loader_t *l, const char *where, long *bad)
{
    if (l->bad > LOGLOAD_MAX_WARNINGS && l->warn)
        /* TRANSLATORS: after the first damaged lines of the log (%s) are named */
        i18n_say(l->warn, P_("%s: %ld more damaged line skipped", "%s: %ld more damaged lines skipped",
                             l->bad - LOGLOAD_MAX_WARNINGS), where, l->bad - LOGLOAD_MAX_WARNINGS);
    *bad = l->bad;
}

logfile_read_t logload_file(const char *path, logload_row_fn on_row, void *ctx, FILE *csv, FILE *warn,
                            long *bad, char *err, size_t errsize)
{
    *bad = 0;
    loader_t *l = loader_new(on_row, ctx, csv, warn, err, errsize);
    if (!l)
        return LOGFILE_READ_FAILED;
    l->path = path;
    if (csv)
        fputs(RECORD_HEADER "\n", csv);
    logfile_read_t r = logfile_read(path, 0, on_event, l, err, errsize);
    loader_end(l, path, bad);
    free(l);
    return r;
}

logfile_read_t logload_dir(const char *dir, logload_row_fn on_row, void *ctx, FILE *csv, FILE *warn,
                           long *bad, char *err, size_t errsize)
{
    *bad = 0;
    loader_t *l = loader_new(on_row, ctx, csv, warn, err, errsize);
    char(*paths)[LOGDIR_PATH] = l ? malloc(LOGDIR_MAX_FILES * sizeof *paths) : NULL;
    logfile_read_t r = LOGFILE_READ_FAILED;
    int n;
    if (l && !paths)
        snprintf(err, errsize, "%s", _("out of memory"));
    if (!paths || (n = logdir_list(dir, paths, LOGDIR_MAX_FILES, err, errsize)) < 0)
        goto done;
    l->path = dir;
    if (csv)
        fputs(RECORD_HEADER "\n", csv);
    r = logdir_read(paths, n, 0, on_dir_event, l, warn, NULL);
    if (r == LOGFILE_READ_MISSING)
        /* TRANSLATORS: %s is the shared log folder, which holds no device's log file yet */
        snprintf(err, errsize, _("no device's log in %s yet"), dir);
    loader_end(l, dir, bad);
done:
    free(paths);
    free(l);
    return r;
}

static bool parse_day(const char *name, const char *value, int *day, FILE *err)
{
    *day = HISTORY_NO_DAY;
    if (!value || record_parse_date(value, day))
        return true;
    /* TRANSLATORS: the first %s is the option (--since, --until), the second the value given;
       dates are typed as YYYY-MM-DD in every language */
    i18n_say(err, _("%s: \"%s\" is not a date (YYYY-MM-DD, e.g. 2024-03-04)"), name, value);
    return false;
}

bool logload_days(const char *since, const char *until, int *since_day, int *until_day, FILE *err)
{
    if (!parse_day("--since", since, since_day, err) || !parse_day("--until", until, until_day, err))
        return false;
    if (*since_day != HISTORY_NO_DAY && *until_day != HISTORY_NO_DAY && *since_day > *until_day) {
        /* TRANSLATORS: the two dates given with --since and --until */
        i18n_say(err, _("--since %s comes after --until %s"), since, until);
        return false;
    }
    return true;
}
