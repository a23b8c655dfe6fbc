/* The session log on disk: appending records so that none is lost, torn or written twice (one
 * write() to a file opened O_APPEND, under flock(), then fsync()), and reading it back as a
 * stream. Creates the log 0600 in a 0700 folder; never truncates or rewrites what is there. */
#ifndef SAFEBASE_PLATFORM_LOGFILE_H
#define SAFEBASE_PLATFORM_LOGFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "core/log/logkeep.h"
#include "core/log/logread.h"

typedef enum { LOGFILE_WRITTEN, LOGFILE_ALREADY_THERE, LOGFILE_FAILED } logfile_result_t;
typedef enum { LOGFILE_READ_OK, LOGFILE_READ_MISSING, LOGFILE_READ_FAILED } logfile_read_t;

/* The log path: given (--log) when not NULL, else $XDG_DATA_HOME/safebase/sessions.csv.
 * Returns false without HOME (and no XDG_DATA_HOME) or when it does not fit. */
bool logfile_choose_path(const char *given, char *buf, size_t size);

/* Appends line (one record ending in '\n') to the log at path, writing the header first if
 * the file is new or empty, and a newline first if its last line lacks one. Returns true when
 * the line is safely on disk; otherwise false with a message naming the path and the reason
 * in err, and the file as it was before. */
bool logfile_append(const char *path, const char *line, char *err, size_t errsize);

/* As logfile_append, but first looks for the very same line among the log's last 4 MiB and
 * writes nothing if it is there (recovering a record that may already have been written). */
logfile_result_t logfile_append_once(const char *path, const char *line, char *err, size_t errsize);

/* logfile_append_once's result as core/log/logkeep takes it back (logkeep_appended_once). */
logkeep_once_t logfile_once_kept(logfile_result_t r);

/* Whether a record could be appended now (the folder can be made, the file opened for
 * appending, it is a regular file, the disk is not full). Writes nothing but may create an
 * empty log. Returns false with the reason in err. */
bool logfile_probe(const char *path, char *err, size_t errsize);

/* Reads the log from the start, or only its last tail_bytes (0 = all), handing each record,
 * header or bad line to fn. Returns MISSING when there is no log yet, FAILED with err when it
 * cannot be read. Memory stays the same for any size of log. */
logfile_read_t logfile_read(const char *path, off_t tail_bytes, logread_fn fn, void *ctx,
                            char *err, size_t errsize);

#endif
