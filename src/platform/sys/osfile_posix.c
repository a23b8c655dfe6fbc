/* osfile.h on Linux and other POSIX systems: the system calls as they are, with O_CLOEXEC. */
#define _GNU_SOURCE /* renameat2, O_CLOEXEC in fopen's "e" */
#include "platform/sys/osfile.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

int osfile_open(const char *path, int flags, int mode)
{
    return open(path, flags | O_CLOEXEC, mode);
}

FILE *osfile_fopen(const char *path, const char *mode)
{
    char m[8];
    if (snprintf(m, sizeof m, "%se", mode) >= (int)sizeof m) {
        errno = EINVAL;
        return NULL;
    }
    return fopen(path, m);
}

static void fill(const struct stat *s, osfile_stat_t *st)
{
    st->kind = S_ISREG(s->st_mode) ? OSFILE_REGULAR : S_ISDIR(s->st_mode) ? OSFILE_FOLDER : OSFILE_OTHER;
    st->size = (int64_t)s->st_size;
    st->mtime_ns = (int64_t)s->st_mtim.tv_sec * 1000000000 + s->st_mtim.tv_nsec;
    st->dev = (uint64_t)s->st_dev;
    st->ino = (uint64_t)s->st_ino;
}

int osfile_stat(const char *path, osfile_stat_t *st)
{
    struct stat s;
    if (stat(path, &s) != 0)
        return -1;
    fill(&s, st);
    return 0;
}

int osfile_fstat(int fd, osfile_stat_t *st)
{
    struct stat s;
    if (fstat(fd, &s) != 0)
        return -1;
    fill(&s, st);
    return 0;
}

int osfile_mkdir(const char *path, unsigned mode)
{
    return mkdir(path, (mode_t)mode);
}

int osfile_unlink(const char *path)
{
    return unlink(path);
}

int osfile_replace(const char *from, const char *to)
{
    return rename(from, to);
}

int osfile_rename_new(const char *from, const char *to)
{
    if (link(from, to) == 0)
        return unlink(from), 0;
    if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS)
        return -1;
    /* no hard links on this filesystem (FAT): rename without replacing */
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int osfile_sync(int fd)
{
    return fsync(fd);
}

void osfile_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd); /* best effort: the files in it are in place and fsync()ed already */
        close(fd);
    }
}

int osfile_lock(int fd, bool wait)
{
    return flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB);
}

long osfile_pread(int fd, void *buf, size_t n, int64_t at)
{
    return (long)pread(fd, buf, n, (off_t)at);
}

int osfile_truncate(int fd, int64_t size)
{
    return ftruncate(fd, (off_t)size);
}

int64_t osfile_free_bytes(int fd)
{
    struct statvfs vfs;
    if (fstatvfs(fd, &vfs) != 0)
        return -1;
    return (int64_t)((unsigned long long)vfs.f_bavail * vfs.f_frsize);
}

bool osfile_realpath(const char *path, char *buf, size_t size)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return false;
    int n = snprintf(buf, size, "%s", real);
    return n >= 0 && (size_t)n < size;
}

bool osfile_hostname(char *buf, size_t size)
{
    if (size < 2 || gethostname(buf, size - 1) != 0)
        return false;
    buf[size - 1] = '\0';
    return buf[0] != '\0';
}

bool osfile_random(void *buf, size_t size)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, buf, size) : -1;
    if (fd >= 0)
        close(fd);
    return n == (ssize_t)size;
}

long osfile_pid(void)
{
    return (long)getpid();
}

struct osfile_dir {
    DIR *d;
};

osfile_dir_t *osfile_opendir(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return NULL;
    osfile_dir_t *od = malloc(sizeof *od);
    if (!od) {
        closedir(d);
        errno = ENOMEM;
        return NULL;
    }
    od->d = d;
    return od;
}

const char *osfile_readdir(osfile_dir_t *d, osfile_kind_t *kind)
{
    struct dirent *e = readdir(d->d);
    if (!e)
        return NULL;
    *kind = e->d_type == DT_DIR ? OSFILE_FOLDER : e->d_type == DT_REG ? OSFILE_REGULAR : OSFILE_OTHER;
    return e->d_name;
}

void osfile_closedir(osfile_dir_t *d)
{
    if (d) {
        closedir(d->d);
        free(d);
    }
}
