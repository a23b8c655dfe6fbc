/* Appends session records to the CSV log so that none is lost or torn: one write() to a
 * file opened O_APPEND, under flock(), then fsync(). Creates the log 0600 in a 0700 folder. */
#ifndef SAFEBASE_PLATFORM_LOGFILE_H
#define SAFEBASE_PLATFORM_LOGFILE_H

#include <stdbool.h>
#include <stddef.h>

/* The default log path: $XDG_DATA_HOME/safebase/sessions.csv. Returns false without HOME. */
bool logfile_default_path(char *buf, size_t size);

/* Appends line (one record ending in '\n') to the log at path, writing the header first if
 * the file is new or empty. Returns true when the line is safely on disk; otherwise false with
 * a message naming the path and the reason in err. Never writes part of a line. */
bool logfile_append(const char *path, const char *line, char *err, size_t errsize);

#endif
