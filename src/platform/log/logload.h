/* Reads the session log row by row for --history, --report and the History screen: one file,
 * or every device's file in a shared folder, with the damaged lines named the same way for all
 * three. Also the --since/--until dates they share. Prints only on the FILEs it is given. */
#ifndef SAFEBASE_PLATFORM_LOGLOAD_H
#define SAFEBASE_PLATFORM_LOGLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/log/history.h"
#include "core/log/record.h"
#include "platform/log/logfile.h"

#define LOGLOAD_MAX_WARNINGS 20   /* damaged lines named one by one; the rest are counted */

/* Takes one good row; returns whether it is selected (a selected row goes to the CSV). */
typedef bool (*logload_row_fn)(void *ctx, const record_row_t *row);

/* Hands every good row of the log at path to on_row. When csv is not NULL, the header and then
 * each selected row are written to it as CSV lines. Damaged lines are named on warn ("FILE:LINE:
 * why (skipped)"), the first LOGLOAD_MAX_WARNINGS of them, then counted in one line, and their
 * number goes to *bad. err gets why the log could not be read. */
logfile_read_t logload_file(const char *path, logload_row_fn on_row, void *ctx, FILE *csv, FILE *warn,
                            long *bad, char *err, size_t errsize);

/* The same over every device's file in a shared log folder (platform/log/logdir.h): sync
 * tools' leftovers skipped, a session found in two files handed on once, a file that vanished
 * named on warn. MISSING, with err saying so, when the folder holds no device's file yet. */
logfile_read_t logload_dir(const char *dir, logload_row_fn on_row, void *ctx, FILE *csv, FILE *warn,
                           long *bad, char *err, size_t errsize);

/* Reads --since and --until ("YYYY-MM-DD" or NULL for an open end, HISTORY_NO_DAY) into days.
 * Returns false, with a message on err naming the option and the value, for a date that is not
 * one or a --since after the --until. */
bool logload_days(const char *since, const char *until, int *since_day, int *until_day, FILE *err);

#endif
