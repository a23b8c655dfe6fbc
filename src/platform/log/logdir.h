/* A log folder shared between devices (--log-dir DIR, log_dir = DIR): each device appends only
 * to its own file, DIR/sessions-NAME.csv (NAME = host name + a short id kept in the state
 * folder), and history reads every device's file, skipping what sync tools leave behind and
 * counting a session found in two files once. Never writes in DIR; prints only on warn. */
#ifndef SAFEBASE_PLATFORM_LOGDIR_H
#define SAFEBASE_PLATFORM_LOGDIR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "core/log/logread.h"
#include "platform/log/logfile.h"

#define LOGDIR_PATH 4096
#define LOGDIR_MAX_FILES 256

/* This device's name, "HOST-xxxxxxxx": the host name lower-cased with anything outside
 * [a-z0-9-] turned into '-', then 8 hex digits from /dev/urandom made at the first call and
 * kept in paths_state_dir()/device-id (created atomically; two first runs at once agree).
 * With create false an id that is not there yet is not made (returns false). */
bool logdir_device_name(bool create, char *out, size_t size, char *err, size_t errsize);

/* DIR/sessions-NAME.csv: the one file in dir this device writes. Makes the id if need be. */
bool logdir_device_file(const char *dir, char *out, size_t size, char *err, size_t errsize);

/* Whether a file name is a device's log: sessions-*.csv, and not what a sync tool or an
 * editor leaves (hidden files, Syncthing's *.sync-conflict-* and ~syncthing~*.tmp, any other
 * "conflict" copy, backups ending in ~, .# locks). */
bool logdir_is_log_name(const char *name);

/* When log_path is this device's file in a shared folder (its name is sessions-NAME.csv for
 * this device's NAME, as logdir_device_file makes it), that folder into dir. Never makes an id. */
bool logdir_of(const char *log_path, char *dir, size_t size);

/* The device files in dir (regular files with logdir_is_log_name), sorted by name, at most
 * max. Returns how many; 0 when dir does not exist yet; -1 with err when it cannot be read. */
int logdir_list(const char *dir, char paths[][LOGDIR_PATH], int max, char *err, size_t errsize);

/* A record (or header, or bad line) of the file at path. */
typedef void (*logdir_fn)(void *ctx, const char *path, const logread_event_t *ev);

typedef struct {
    int files;          /* read */
    int skipped;        /* gone or unreadable when their turn came (named on warn) */
    long rows;          /* handed on */
    long duplicates;    /* rows already seen in an earlier file, or earlier in the same one */
} logdir_stats_t;

/* Reads the n files (only their last tail_bytes each when > 0) one after another, handing
 * each event to fn, except a row already handed on (the same fields, every one: a session a
 * copied file repeats). A file that vanished or cannot be read is skipped with a line on warn (may be
 * NULL). Returns LOGFILE_READ_MISSING when no file could be read, else LOGFILE_READ_OK. */
logfile_read_t logdir_read(char paths[][LOGDIR_PATH], int n, off_t tail_bytes, logdir_fn fn, void *ctx,
                           FILE *warn, logdir_stats_t *stats);

#endif
