/* Prints the report: every log file read once, in order, into the core's report, then its page
 * written to stdout in one piece. A log that cannot be read stops it with nothing printed: a
 * report that silently lacks a file's sessions would mislead. */
#include "platform/log/reportprint.h"

#include <stdlib.h>

#include "core/base/translate.h"
#include "platform/log/historyprint.h"
#include "platform/log/logdir.h"
#include "platform/log/logload.h"
#include "platform/sys/i18n.h"

static bool add_row(void *r, const record_row_t *row)
{
    return report_add(r, row);
}

/* Reads one log, or every device's file in its shared folder, into r. Returns false with a
 * message on err when it cannot be read. */
static bool load(report_t *r, const char *path, FILE *err)
{
    char dir[4096];
    bool shared = logdir_of(path, dir, sizeof dir);
    long bad;
    char why[600];
    logfile_read_t res = shared ? logload_dir(dir, add_row, r, NULL, err, &bad, why, sizeof why)
                                : logload_file(path, add_row, r, NULL, err, &bad, why, sizeof why);
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
    if (!logload_days(o->since, o->until, &q.since, &q.until, err))
        return 2;
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
