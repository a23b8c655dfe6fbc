/* Saving a user's file so that it is never half-written: the whole text goes to a temporary
 * file beside it first, and two copies saved at the same moment never overwrite each other.
 * Files are written 0600: they hold clients' names. Knows nothing of what the files hold;
 * never prints. */
#ifndef SAFEBASE_PLATFORM_SAVEFILE_H
#define SAFEBASE_PLATFORM_SAVEFILE_H

#include <stdbool.h>
#include <stddef.h>

/* Replaces path with data atomically: writes a unique temporary file in the same folder
 * (path.tmp-PID-N), fsync()s it, renames it over path, fsync()s the folder. Creates missing
 * parent folders (0700 for new ones). False with a message naming the path and strerror in
 * err; the old file is then untouched and no temporary file is left. */
bool savefile_replace(const char *path, const char *data, size_t len, char *err, size_t errsize);

/* Writes data as a NEW file in dir named STEM.EXT, or STEM-2.EXT, STEM-3.EXT... (up to 999),
 * never replacing an existing file even when another process saves the same name at the same
 * moment (temporary file then link(2), EEXIST moves on to the next number; then unlink the
 * temporary). The path chosen goes to out. False with err as above. An empty ext gives STEM,
 * STEM-2... without a dot. */
bool savefile_create(const char *dir, const char *stem, const char *ext, const char *data, size_t len,
                     char *out, size_t outsize, char *err, size_t errsize);

#endif
