/* The journal: a small text file beside the log that holds, while the app runs, the records
 * not yet safely in the log: the running session as of its last checkpoint (as an
 * "interrupted" record), a finished session waiting for its rating, and records the log
 * refused. Here only its encoding; the platform writes it atomically. libc only, no clock. */
#ifndef SAFEBASE_CORE_JOURNAL_H
#define SAFEBASE_CORE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/log/record.h"

#define JOURNAL_MAGIC "safebase-journal 1"
#define JOURNAL_MAX_ENTRIES 32
#define JOURNAL_MAX_BYTES (JOURNAL_MAX_ENTRIES * (RECORD_MAX_LINE + 32) + 8192)

typedef enum {
    JOURNAL_LIVE,      /* the running session at its last checkpoint (outcome interrupted) */
    JOURNAL_HELD,      /* a finished session's record, waiting for the end screen's answer */
    JOURNAL_PENDING    /* a record the log could not take; written at the next chance */
} journal_kind_t;

typedef struct {
    journal_kind_t kind;
    int len;                          /* bytes of line, its final newline included */
    char line[RECORD_MAX_LINE];       /* exactly the bytes to append to the log */
} journal_entry_t;

typedef struct {
    char id[64];                      /* this run of the app: "<epoch ms>-<pid>" */
    char log[4096];                   /* the log these records belong to */
    int count;
    journal_entry_t items[JOURNAL_MAX_ENTRIES];
} journal_t;

/* Empties j for the run id and the log path. */
void journal_init(journal_t *j, const char *id, const char *log);

/* The index of the first entry of this kind, or -1. */
int journal_find(const journal_t *j, journal_kind_t kind);

/* Sets the entry of a kind that is one per run (LIVE, HELD) to line, or adds a PENDING one.
 * Returns false when the journal is full or the line is empty, too long or lacks its newline. */
bool journal_put(journal_t *j, journal_kind_t kind, const char *line);

/* Removes entry i (later ones move up). */
void journal_remove(journal_t *j, int i);

/* Writes j as text into buf. Returns its length, or -1 if it does not fit. */
int journal_encode(const journal_t *j, char *buf, size_t size);

/* Reads text[0..len) into *j. Returns true, or false with the line and the reason in err;
 * *j is then partly filled and must not be used. */
bool journal_decode(const char *text, size_t len, journal_t *j, char *err, size_t errsize);

/* "live", "held", "pending". */
const char *journal_kind_name(journal_kind_t kind);

#endif
