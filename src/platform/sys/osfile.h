/* The file-system calls whose Windows form differs from POSIX, behind one interface: paths are
 * UTF-8 on both (wide-character calls on Windows), descriptors never leak into child
 * processes, files are binary (no CRLF translation). osfile_posix.c and osfile_win.c are the
 * two halves; CMake compiles the one for the target. Callers keep using read(), write(),
 * lseek() and close() on the descriptors these return. Nothing here prints. */
#ifndef SAFEBASE_PLATFORM_OSFILE_H
#define SAFEBASE_PLATFORM_OSFILE_H

#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef _WIN32
/* what POSIX spells and Windows has not: open() flags Windows does without */
#ifndef O_CLOEXEC
#define O_CLOEXEC 0 /* osfile_win.c opens every descriptor not inherited */
#endif
#ifndef O_DIRECTORY
#define O_DIRECTORY 0
#endif
#ifndef O_NONBLOCK
#define O_NONBLOCK 0
#endif
#endif

typedef enum { OSFILE_OTHER, OSFILE_REGULAR, OSFILE_FOLDER } osfile_kind_t;

typedef struct {
    osfile_kind_t kind;
    int64_t size;     /* bytes */
    int64_t mtime_ns; /* last change, ns since 1970 */
    uint64_t dev, ino; /* identity: two paths to one file (or folder) have the same pair */
} osfile_stat_t;

/* open(2) with a UTF-8 path; O_CLOEXEC (POSIX) or not inherited (Windows), always binary. */
int osfile_open(const char *path, int flags, int mode);
/* fopen with a UTF-8 path; "b" and close-on-exec added. */
FILE *osfile_fopen(const char *path, const char *mode);

/* stat (following links) and fstat: 0, or -1 with errno set. */
int osfile_stat(const char *path, osfile_stat_t *st);
int osfile_fstat(int fd, osfile_stat_t *st);

/* mkdir with the given mode (POSIX; Windows folders inherit their parent's rights). */
int osfile_mkdir(const char *path, unsigned mode);
int osfile_unlink(const char *path);

/* Renames from over to, replacing it in one step (MoveFileExW with REPLACE_EXISTING and
 * WRITE_THROUGH on Windows). 0, or -1 with errno set. */
int osfile_replace(const char *from, const char *to);
/* Gives from the name to only if to does not exist (EEXIST then); from is gone afterwards. */
int osfile_rename_new(const char *from, const char *to);

/* fsync (FlushFileBuffers on Windows): 0, or -1 with errno set. */
int osfile_sync(int fd);
/* Makes a folder's new entries durable, best effort (nothing to do on Windows). */
void osfile_sync_dir(const char *dir);

/* An exclusive lock between processes on an open file (flock; LockFileEx on Windows, on a
 * byte far past any end, so readers are not blocked). wait=false fails at once when it is
 * held elsewhere. Released by close(). 0, or -1 with errno set. */
int osfile_lock(int fd, bool wait);

/* pread(2): up to n bytes at offset at, the file's position on POSIX (Windows moves it:
 * callers seek, or append, after it). The bytes read, 0 at the end, -1 with errno set. */
long osfile_pread(int fd, void *buf, size_t n, int64_t at);

/* Cuts an open file to size bytes: 0, or -1 with errno set. */
int osfile_truncate(int fd, int64_t size);

/* Bytes free for this user on the disk of an open file; -1 when unknown. */
int64_t osfile_free_bytes(int fd);

/* The absolute path with no links or "..": false when it does not resolve or fit. */
bool osfile_realpath(const char *path, char *buf, size_t size);

/* This computer's name (UTF-8) into buf: false when it has none that fits. */
bool osfile_hostname(char *buf, size_t size);
/* Random bytes from the system: false when it cannot give them. */
bool osfile_random(void *buf, size_t size);
/* This process's id. */
long osfile_pid(void);

/* A folder's entries one by one: each name (UTF-8) with what it is when the folder says so
 * without a stat() (OSFILE_OTHER for links and "unknown": ask osfile_stat then). On Windows,
 * entries marked hidden or system are left out, as dot-names are by the callers. */
typedef struct osfile_dir osfile_dir_t;
osfile_dir_t *osfile_opendir(const char *path); /* NULL with errno set */
/* The next entry's name (valid until the next call), or NULL at the end. */
const char *osfile_readdir(osfile_dir_t *d, osfile_kind_t *kind);
void osfile_closedir(osfile_dir_t *d);

#ifdef _WIN32
/* The user's folders on Windows, UTF-8 with '/' between names: %APPDATA% and %LOCALAPPDATA%
 * (the environment first, as Windows sets it, else the known folder), Music and Documents. */
typedef enum { OSFILE_APPDATA, OSFILE_LOCALAPPDATA, OSFILE_MUSIC, OSFILE_DOCUMENTS } osfile_known_t;
bool osfile_known_dir(osfile_known_t which, char *buf, size_t size);
#endif

#endif
