/* Saves whole files: a temporary file beside the target, written and fsync()ed, then renamed
 * over it (replace) or given the first free name without replacing (create), then the folder
 * fsync()ed (osfile.h: the same on Windows).
 * Must not print, nor leave a temporary file behind when it fails. */
#include "platform/sys/savefile.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/base/translate.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

#define SAVEFILE_MAX_PATH 4096
#define SAVEFILE_MAX_NUMBER 999

static bool fail(const char *path, int error, char *err, size_t errsize)
{
    if (err && errsize)
        /* TRANSLATORS: a file (%1$s) that cannot be saved, and why */
        snprintf(err, errsize, _("cannot save %s: %s"), path, strerror(error));
    return false;
}

/* Writes data to a new file target.tmp-PID-N (its name into tmp) and fsync()s it. False with
 * errno set and nothing left behind. */
static bool write_temp(const char *target, const char *data, size_t len, char *tmp, size_t tmpsize)
{
    int fd = -1;
    for (int n = 1; fd < 0; n++) {
        if (snprintf(tmp, tmpsize, "%s.tmp-%ld-%d", target, osfile_pid(), n) >= (int)tmpsize) {
            errno = ENAMETOOLONG;
            return false;
        }
        fd = osfile_open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd < 0 && (errno != EEXIST || n == SAVEFILE_MAX_NUMBER))
            return false;
    }
    int error = 0;
    for (size_t done = 0; done < len && !error;) {
        ssize_t w = write(fd, data + done, len - done);
        if (w > 0)
            done += (size_t)w;
        else if (w == 0 || errno != EINTR)
            error = w == 0 ? ENOSPC : errno;
    }
    if (!error && osfile_sync(fd) != 0)
        error = errno;
    if (close(fd) != 0 && !error)
        error = errno;
    if (error) {
        osfile_unlink(tmp);
        errno = error;
        return false;
    }
    return true;
}

bool savefile_replace(const char *path, const char *data, size_t len, char *err, size_t errsize)
{
    char dir[SAVEFILE_MAX_PATH], tmp[SAVEFILE_MAX_PATH + 64];
    if (strlen(path) >= SAVEFILE_MAX_PATH)
        return fail(path, ENAMETOOLONG, err, errsize);
    paths_dirname(path, dir, sizeof dir);
    if (!paths_mkdirs(dir, 0700, 0700) || !write_temp(path, data, len, tmp, sizeof tmp))
        return fail(path, errno, err, errsize);
    if (osfile_replace(tmp, path) != 0) {
        int error = errno;
        osfile_unlink(tmp);
        return fail(path, error, err, errsize);
    }
    osfile_sync_dir(dir);
    return true;
}

/* dir/STEM.EXT for number 1, dir/STEM-N.EXT after; false when it does not fit. */
static bool numbered(char *buf, size_t size, const char *dir, const char *stem, const char *ext, int n)
{
    char name[SAVEFILE_MAX_PATH], number[16] = "";
    if (n > 1)
        snprintf(number, sizeof number, "-%d", n);
    int k = snprintf(name, sizeof name, "%s%s%s%s", stem, number, *ext ? "." : "", ext);
    return k > 0 && k < (int)sizeof name && paths_join(buf, size, dir, name);
}

bool savefile_create(const char *dir, const char *stem, const char *ext, const char *data, size_t len,
                     char *out, size_t outsize, char *err, size_t errsize)
{
    char first[SAVEFILE_MAX_PATH], last[SAVEFILE_MAX_PATH], tmp[SAVEFILE_MAX_PATH + 64];
    char path[SAVEFILE_MAX_PATH];
    if (!ext)
        ext = "";
    if (!numbered(first, sizeof first, dir, stem, ext, 1))
        return fail(dir, ENAMETOOLONG, err, errsize);
    if (!*stem || strpbrk(stem, "/\\") || strpbrk(ext, "/\\") || strcmp(stem, ".") == 0 || strcmp(stem, "..") == 0)
        return fail(first, EINVAL, err, errsize);
    if (!numbered(last, sizeof last, dir, stem, ext, SAVEFILE_MAX_NUMBER) || strlen(last) >= outsize)
        return fail(first, ENAMETOOLONG, err, errsize);
    if (!paths_mkdirs(dir, 0700, 0700) || !write_temp(first, data, len, tmp, sizeof tmp))
        return fail(first, errno, err, errsize);
    int error = EEXIST;
    for (int n = 1; n <= SAVEFILE_MAX_NUMBER && error == EEXIST; n++) {
        numbered(path, sizeof path, dir, stem, ext, n);
        error = osfile_rename_new(tmp, path) == 0 ? 0 : errno;
    }
    if (error) {
        osfile_unlink(tmp);
        return fail(first, error, err, errsize);
    }
    osfile_sync_dir(dir);
    snprintf(out, outsize, "%s", path);
    return true;
}
