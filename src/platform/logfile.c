/* Appends whole lines to the session log with O_APPEND + flock + fsync. Never truncates or
 * rewrites an existing log, never prints; errors come back as text. No SDL here. */
#include "platform/logfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/record.h"
#include "platform/paths.h"

bool logfile_default_path(char *buf, size_t size)
{
    char dir[4096];
    return paths_data_dir(dir, sizeof dir) && paths_join(buf, size, dir, "sessions.csv");
}

static bool write_all(int fd, const char *data, size_t len)
{
    ssize_t n = write(fd, data, len); /* one write: O_APPEND keeps it whole */
    if (n == (ssize_t)len)
        return true;
    if (n >= 0)
        errno = ENOSPC; /* a short write on a regular file means the disk is full */
    return false;
}

bool logfile_append(const char *path, const char *line, char *err, size_t errsize)
{
    char dir[4096];
    paths_dirname(path, dir, sizeof dir);
    if (!paths_mkdirs(dir, 0700)) {
        snprintf(err, errsize, "cannot create the log folder %s: %s", dir, strerror(errno));
        return false;
    }
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        snprintf(err, errsize, "cannot open the log %s: %s", path, strerror(errno));
        return false;
    }
    bool ok = false;
    struct stat st;
    if (flock(fd, LOCK_EX) != 0 || fstat(fd, &st) != 0) {
        snprintf(err, errsize, "cannot lock the log %s: %s", path, strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        snprintf(err, errsize, "the log %s is not a regular file", path);
    } else {
        char buf[RECORD_MAX_LINE + 256];
        int n = snprintf(buf, sizeof buf, "%s%s", st.st_size == 0 ? RECORD_HEADER "\n" : "", line);
        if (n < 0 || (size_t)n >= sizeof buf)
            snprintf(err, errsize, "the log line is too long for %s", path);
        else if (!write_all(fd, buf, (size_t)n) || fsync(fd) != 0)
            snprintf(err, errsize, "cannot write the log %s: %s", path, strerror(errno));
        else
            ok = true;
    }
    close(fd); /* also releases the lock */
    return ok;
}
