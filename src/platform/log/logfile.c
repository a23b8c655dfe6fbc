/* Appends whole lines to the session log with O_APPEND + a lock + fsync (LockFileEx and
 * FlushFileBuffers on Windows: osfile.h), and reads it back in chunks. Never truncates or
 * rewrites what others wrote: the only truncate removes this call's own bytes after a failed
 * write, under the lock. Never prints; errors come back as text. */
#include "platform/log/logfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/translate.h"
#include "core/log/record.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

#define TAIL_SEARCH (4 << 20)      /* append_once looks this far back for the same line */
#define READ_CHUNK (256 << 10)
#define LOW_SPACE (64 << 10)       /* probe: less free space than this is a full disk */

bool logfile_choose_path(const char *given, char *buf, size_t size)
{
    if (given)
        return snprintf(buf, size, "%s", given) < (int)size;
    char dir[4096];
    return paths_data_dir(dir, sizeof dir) && paths_join(buf, size, dir, "sessions.csv");
}

/* errno in words a parent or therapist can act on. */
static const char *reason(int e)
{
    switch (e) {
    /* TRANSLATORS: why the session log cannot be written, after "cannot write the log FILE: " */
    case ENOSPC: return _("the disk is full");
#ifdef EDQUOT
    case EDQUOT: return _("the disk quota is used up");
#endif
    case EROFS: return _("the disk is read-only");
    case EACCES:
    case EPERM: return _("no permission to write there");
    case EISDIR: return _("it is a folder, not a file");
#ifdef _WIN32
    case EBUSY: return _("another program has it open (a spreadsheet?): close it there");
#endif
    default: return strerror(e);
    }
}

/* Opens the log for appending, locked. Returns the fd, or -1 with err set. */
static int open_locked(const char *path, osfile_stat_t *st, char *err, size_t errsize)
{
    char dir[4096];
    paths_dirname(path, dir, sizeof dir);
    if (!paths_mkdirs(dir, 0755, 0700)) {
        /* TRANSLATORS: the folder (%1$s) of the session log cannot be made, and why */
        snprintf(err, errsize, _("cannot create the log folder %s: %s"), dir, reason(errno));
        return -1;
    }
    int fd = osfile_open(path, O_RDWR | O_APPEND | O_CREAT, 0600);
    if (fd < 0) {
        snprintf(err, errsize, _("cannot write the log %s: %s"), path, reason(errno));
        return -1;
    }
    if (osfile_lock(fd, true) != 0 || osfile_fstat(fd, st) != 0) {
        snprintf(err, errsize, _("cannot lock the log %s: %s"), path, reason(errno));
    } else if (st->kind != OSFILE_REGULAR) {
        snprintf(err, errsize, _("cannot write the log %s: %s"), path, _("it is not a regular file"));
    } else {
        return fd;
    }
    close(fd);
    return -1;
}

/* Whether needle[0..n) is in buf[0..have). */
static bool contains(const char *buf, size_t have, const char *needle, size_t n)
{
    for (const char *p = buf; n <= have && p <= buf + have - n; p++) {
        p = memchr(p, needle[0], (size_t)(buf + have - n - p) + 1);
        if (!p)
            return false;
        if (memcmp(p, needle, n) == 0)
            return true;
    }
    return false;
}

/* Whether "\n" + line (or line at the very start) is among the last TAIL_SEARCH bytes. */
static bool tail_has(int fd, int64_t size, const char *line)
{
    size_t n = strlen(line);
    char *needle = malloc(n + 2), *buf = malloc(READ_CHUNK + n + 2);
    bool found = false;
    if (!needle || !buf)
        goto done;
    needle[0] = '\n';
    memcpy(needle + 1, line, n + 1);
    int64_t at = size > TAIL_SEARCH ? size - TAIL_SEARCH : 0;
    size_t keep = 0;
    if (at == 0)
        buf[keep++] = '\n'; /* the file's start counts as a line start */
    while (!found && at < size) {
        long got = osfile_pread(fd, buf + keep, READ_CHUNK, at);
        if (got <= 0)
            break;
        at += got;
        size_t have = keep + (size_t)got;
        found = contains(buf, have, needle, n + 1);
        keep = have < n ? have : n; /* a match may straddle two chunks */
        memmove(buf, buf + have - keep, keep);
    }
done:
    free(needle);
    free(buf);
    return found;
}

/* Writes prefix + line with one write(). On a short or failed write, or a failed fsync, cuts
 * the file back to its size before: only this call's bytes (the lock keeps others out), so
 * the log never holds half a line and the record can be tried again without a double. */
static bool write_record(int fd, int64_t size, const char *line, const char *path, char *err, size_t errsize)
{
    char last = '\n';
    if (size > 0 && osfile_pread(fd, &last, 1, size - 1) != 1)
        last = '\n';
    const char *prefix = size == 0 ? RECORD_HEADER "\n" : last != '\n' ? "\n" : "";
    char buf[RECORD_MAX_LINE + sizeof RECORD_HEADER + 2];
    int n = snprintf(buf, sizeof buf, "%s%s", prefix, line);
    if (n < 0 || (size_t)n >= sizeof buf) {
        snprintf(err, errsize, _("the record is too long for the log %s"), path);
        return false;
    }
    ssize_t wrote = write(fd, buf, (size_t)n);
    int e = wrote < 0 ? errno : ENOSPC; /* a short write to a regular file: the disk is full */
    if (wrote == n) {
        if (osfile_sync(fd) == 0)
            return true;
        e = errno;
    }
    if (wrote > 0 && osfile_truncate(fd, size) == 0)
        osfile_sync(fd);
    snprintf(err, errsize, _("cannot write the log %s: %s"), path, reason(e));
    return false;
}

static logfile_result_t append(const char *path, const char *line, bool once, char *err, size_t errsize)
{
    osfile_stat_t st;
    int fd = open_locked(path, &st, err, errsize);
    if (fd < 0)
        return LOGFILE_FAILED;
    logfile_result_t r = LOGFILE_ALREADY_THERE;
    if (!once || !tail_has(fd, st.size, line))
        r = write_record(fd, st.size, line, path, err, errsize) ? LOGFILE_WRITTEN : LOGFILE_FAILED;
    close(fd); /* also releases the lock */
    return r;
}

bool logfile_append(const char *path, const char *line, char *err, size_t errsize)
{
    return append(path, line, false, err, errsize) == LOGFILE_WRITTEN;
}

logfile_result_t logfile_append_once(const char *path, const char *line, char *err, size_t errsize)
{
    return append(path, line, true, err, errsize);
}

logkeep_once_t logfile_once_kept(logfile_result_t r)
{
    return r == LOGFILE_WRITTEN ? LOGKEEP_ONCE_WRITTEN : r == LOGFILE_ALREADY_THERE ? LOGKEEP_ONCE_ALREADY_THERE
                                                                                   : LOGKEEP_ONCE_FAILED;
}

bool logfile_probe(const char *path, char *err, size_t errsize)
{
    osfile_stat_t st;
    int fd = open_locked(path, &st, err, errsize);
    if (fd < 0)
        return false;
    int64_t free_bytes = osfile_free_bytes(fd);
    bool ok = true;
    if (free_bytes >= 0 && free_bytes < LOW_SPACE) {
        snprintf(err, errsize, _("cannot write the log %s: %s"), path, reason(ENOSPC));
        ok = false;
    }
    close(fd);
    return ok;
}

logfile_read_t logfile_read(const char *path, off_t tail_bytes, logread_fn fn, void *ctx,
                            char *err, size_t errsize)
{
    int fd = osfile_open(path, O_RDONLY | O_NONBLOCK, 0); /* (a FIFO must not hang us) */
    if (fd < 0) {
        snprintf(err, errsize, _("cannot read the log %s: %s"), path, strerror(errno));
        return errno == ENOENT ? LOGFILE_READ_MISSING : LOGFILE_READ_FAILED;
    }
    osfile_stat_t st;
    logread_t *r = malloc(sizeof *r);
    char *buf = malloc(READ_CHUNK);
    logfile_read_t result = LOGFILE_READ_FAILED;
    bool stat_ok = r && buf && osfile_fstat(fd, &st) == 0;
    /* a regular file only: a device such as /dev/zero would be read for ever */
    if (!stat_ok || st.kind != OSFILE_REGULAR) {
        snprintf(err, errsize, _("cannot read the log %s: %s"), path, !r || !buf ? _("out of memory")
                 : !stat_ok ? strerror(errno) : st.kind == OSFILE_FOLDER ? reason(EISDIR)
                 : _("it is not a regular file"));
        goto done;
    }
    bool tail = tail_bytes > 0 && st.size > tail_bytes;
    if (tail && lseek(fd, st.size - tail_bytes, SEEK_SET) < 0)
        tail = false;
    logread_init(r, tail);
    ssize_t got;
    while ((got = read(fd, buf, READ_CHUNK)) > 0)
        logread_feed(r, buf, (size_t)got, fn, ctx);
    if (got < 0) {
        snprintf(err, errsize, _("cannot read the log %s: %s"), path, strerror(errno));
        goto done;
    }
    logread_finish(r, fn, ctx);
    result = LOGFILE_READ_OK;
done:
    free(buf);
    free(r);
    close(fd);
    return result;
}
