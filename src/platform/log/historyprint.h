/* safebase --history: reads the log as a stream into the history counts and prints them in
 * kind words (days with a session are marked; nothing is called missed), or prints the
 * selected rows as CSV; one log, or every device's in a shared folder. Also the loader the
 * History screen shares. No SDL. */
#ifndef SAFEBASE_PLATFORM_HISTORYPRINT_H
#define SAFEBASE_PLATFORM_HISTORYPRINT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/log/history.h"
#include "platform/log/logload.h"

/* Today's local date, days since 1970-01-01 (the one place the history reads the clock). */
int historyprint_today(void);

/* Reads the log at path into h (history_init'ed by the caller), as logload_file: selected
 * rows go to csv as CSV lines when csv is not NULL; damaged lines are named on warn and
 * counted in *bad. err gets why the log could not be read. */
logfile_read_t historyprint_load(const char *path, history_t *h, FILE *csv, FILE *warn, long *bad,
                                 char *err, size_t errsize);

/* As historyprint_load, over every device's file in a shared log folder (logload_dir). */
logfile_read_t historyprint_load_dir(const char *dir, history_t *h, FILE *csv, FILE *warn, long *bad,
                                     char *err, size_t errsize);

/* Writes the history report of h in words to out. */
void historyprint_report(const history_t *h, FILE *out);

/* The whole of --history: the log at log_path, or every device's file in log_dir when it is
 * not NULL; since/until ("YYYY-MM-DD" or NULL), client and plan title filters (NULL = all),
 * csv for the rows. Returns the exit status: 0, 1 when the log cannot be read, 2 for a bad
 * date (with a message on err). */
int historyprint_main(const char *log_path, const char *log_dir, const char *since, const char *until,
                      const char *client, const char *plan, bool csv, FILE *out, FILE *err);

#endif
