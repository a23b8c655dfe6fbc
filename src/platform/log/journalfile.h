/* The journal on disk: each running app keeps its own file beside the log
 * (LOG.journal-ID), replaced atomically (temporary file, fsync, rename, fsync of the folder)
 * and flock()ed for as long as the app lives, so a journal nobody holds belongs to an app that
 * died. When the log's folder cannot be written, the journal goes to
 * $XDG_STATE_HOME/safebase instead. No SDL; prints only in journalfile_recover. */
#ifndef SAFEBASE_PLATFORM_JOURNALFILE_H
#define SAFEBASE_PLATFORM_JOURNALFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/log/journal.h"

typedef struct {
    journal_t *j;            /* owned: the records to keep; change them, then save */
    char path[4400];         /* where the journal is now; "" when there is none on disk */
    int fd;                  /* the open, locked journal; -1 when none */
    char *buf;               /* owned: room to encode it */
} journalfile_t;

/* Prepares an empty journal for this run (id) of the log at log_path. Nothing is written
 * until journalfile_save. Returns false when out of memory. */
bool journalfile_init(journalfile_t *jf, const char *log_path, const char *id);

/* Writes the journal as it is now (an empty one removes the file). Returns true when it is
 * safely on disk (beside the log, or in the fallback folder); false with the reason in err. */
bool journalfile_save(journalfile_t *jf, char *err, size_t errsize);

/* Frees memory and lets go of the lock. A journal that still holds records stays on disk for
 * the next start. */
void journalfile_free(journalfile_t *jf);

/* Appends to the log the records of every journal of log_path whose app is gone (each only
 * once, even if this was cut short before), then removes those journals. Says what it did,
 * and why anything stays, on out. Returns the number of records written. */
int journalfile_recover(const char *log_path, FILE *out);

#endif
