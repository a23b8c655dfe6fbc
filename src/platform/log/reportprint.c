/* Prints the report: every log file read once, in order, into the core's report, then its page
 * written to stdout in one piece. A log that cannot be read stops it with nothing printed: a
 * report that silently lacks a file's sessions would mislead. */
#include "platform/log/reportprint.h"

#include <stdlib.h>

#include "core/base/translate.h"
#include "platform/log/historyprint.h"
#include "platform/log/logdir.h"
#include "platform/log/logfile.h"
#include "platform/sys/i18n.h"

typedef struct {
    report_t *r;
    FILE *warn;
    const char *path;
    long bad;
} loader_t;

static void on_record(void *ctx, const logread_event_t *ev)
{
    loader_t *l = ctx;
    if (ev->kind == LOGREAD_BAD) {
        if (l->bad++ < HISTORYPRINT_MAX_WARNINGS && l->warn)
            /* TRANSLATORS: a damaged line of the session log: the file, the line, what is wrong */
            i18n_say(l->warn, _("%s:%ld: %s (skipped)"), l->path, ev->line, ev->why);
    } else if (ev->kind == LOGREAD_ROW) {
        report_add(l->r, ev->row);
    }
}

static bool parse_day(const char *name, const char *value, int *day, FILE *err)
{
    if (!value)
        return true;
    if (record_parse_date(value, day))
        return true;
    /* TRANSLATORS: the first %s is the option (--since, --until), the second the value given;
       dates are typed as YYYY-MM-DD in every language */
    i18n_say(err, _("%s: \"%s\" is not a date (YYYY-MM-DD, e.g. 2024-03-04)"), name, value);
    return false;
}

static void on_dir_record(void *ctx, const char *path, const logread_event_t *ev)
{
    loader_t *l = ctx;
    l->path = path;
    on_record(ctx, ev);
}

/* This device's file in a shared folder (--log-dir): every device's file in it, a session
 * found in two of them counted once. */
static bool load_dir(report_t *r, const char *dir, FILE *err)
{
    loader_t l = { .r = r, .warn = err, .path = dir };
    char why[600];
    char(*paths)[LOGDIR_PATH] = malloc(LOGDIR_MAX_FILES * sizeof *paths);
    int n = paths ? logdir_list(dir, paths, LOGDIR_MAX_FILES, why, sizeof why) : -1;
    if (n < 0) {
        i18n_say(err, "%s", paths ? why : _("out of memory"));
        free(paths);
        return false;
    }
    if (n == 0)
        r->logs_missing++;
    else if (logdir_read(paths, n, 0, on_dir_record, &l, err, NULL) == LOGFILE_READ_FAILED) {
        free(paths);
        return false;
    }
    free(paths);
    return true;
}

/* Reads one log into r. Returns false with a message on err when it cannot be read. */
static bool load(report_t *r, const char *path, FILE *err)
{
    char dir[4096];
    if (logdir_of(path, dir, sizeof dir))
        return load_dir(r, dir, err);
    loader_t l = { .r = r, .warn = err, .path = path };
    char why[600];
    logfile_read_t res = logfile_read(path, 0, on_record, &l, why, sizeof why);
    if (l.bad > HISTORYPRINT_MAX_WARNINGS)
        /* TRANSLATORS: after the first damaged lines of the log (%s) are named */
        i18n_say(err, P_("%s: %ld more damaged line skipped", "%s: %ld more damaged lines skipped",
                         l.bad - HISTORYPRINT_MAX_WARNINGS), path, l.bad - HISTORYPRINT_MAX_WARNINGS);
    if (res == LOGFILE_READ_FAILED) {
        i18n_say(err, "%s", why);
        return false;
    }
    if (res == LOGFILE_READ_MISSING)
        r->logs_missing++;
    return true;
}

int reportprint_run(const options_t *o, const char *plan_title, const char *const *logs, int nlogs,
                    FILE *out, FILE *err)
{
    report_query_t q = { .today = historyprint_today(), .since = REPORT_NO_DAY, .until = REPORT_NO_DAY,
                         .client = o->client, .plan = plan_title };
    if (!parse_day("--since", o->since, &q.since, err) || !parse_day("--until", o->until, &q.until, err))
        return 2;
    if (q.since != REPORT_NO_DAY && q.until != REPORT_NO_DAY && q.since > q.until) {
        /* TRANSLATORS: the two dates given with --since and --until */
        i18n_say(err, _("--since %s comes after --until %s"), o->since, o->until);
        return 2;
    }
    report_t r;
    report_init(&r, &q);
    int status = 0;
    for (int i = 0; i < nlogs && status == 0; i++)
        if (!load(&r, logs[i], err))
            status = 1;
    if (status == 0 && r.logs_missing < nlogs)
        r.logs_missing = 0;   /* "nothing logged yet" only when no log exists at all */
    size_t len = 0;
    char *page = status == 0 && !r.out_of_memory ? report_html(&r, &len) : NULL;
    if (status == 0 && !page) {
        i18n_say(err, "%s", _("out of memory making the report"));
        status = 1;
    }
    if (page && (fwrite(page, 1, len, out) != len || fflush(out) != 0)) {
        i18n_say(err, "%s", _("could not write the report to standard output"));
        status = 1;
    }
    free(page);
    report_free(&r);
    return status;
}
