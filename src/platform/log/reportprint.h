/* safebase --report: reads the log files as streams into the report and writes its one HTML
 * page to out. Damaged lines are named on err as --history names them. No SDL. */
#ifndef SAFEBASE_PLATFORM_REPORTPRINT_H
#define SAFEBASE_PLATFORM_REPORTPRINT_H

#include <stdio.h>

#include "core/log/report.h"
#include "platform/sys/options.h"

/* The whole of --report over the logs logs[0..nlogs) (one for --log or the usual log; a shared
 * folder's several later): o's client, since and until choose, and plan_title (the --plan
 * option resolved to a title by the caller, or NULL). Returns the exit status: 0 with the page
 * on out; 1 when a log cannot be read (naming it on err, nothing on out); 2 for a bad date. */
int reportprint_run(const options_t *o, const char *plan_title, const char *const *logs, int nlogs,
                    FILE *out, FILE *err);

#endif
