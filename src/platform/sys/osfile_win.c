/* osfile.h on Windows: UTF-8 paths turned into wide ones for the W calls; every file opened
 * with CreateFileW sharing read, write and delete (so the journal can be replaced while it is
 * open, as on Linux), not inherited, binary; Win32 errors turned into errno values. */
#include "platform/sys/osfile.h"

#include <windows.h>
#include <bcrypt.h>
#include <shlobj.h>
#include <errno.h>
#include <io.h>
#include <stdlib.h>
#include <string.h>

#define WIDE_MAX 32768 /* the longest path Windows takes, in UTF-16 units */

static int errno_of(DWORD e)
{
    switch (e) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_DRIVE:
    case ERROR_BAD_NETPATH:
    case ERROR_BAD_NET_NAME: return ENOENT;
    case ERROR_ACCESS_DENIED:
    case ERROR_PRIVILEGE_NOT_HELD: return EACCES;
    case ERROR_FILE_EXISTS:
    case ERROR_ALREADY_EXISTS: return EEXIST;
    case ERROR_SHARING_VIOLATION: return EBUSY; /* another program holds it (a spreadsheet) */
    case ERROR_LOCK_VIOLATION:
    case ERROR_IO_PENDING: return EWOULDBLOCK;
    case ERROR_INVALID_PARAMETER: return EINVAL;
    case ERROR_TOO_MANY_OPEN_FILES: return EMFILE;
    case ERROR_NOT_SAME_DEVICE: return EXDEV;
    case ERROR_BAD_PATHNAME: return ENOENT;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL: return ENOSPC;
    case ERROR_WRITE_PROTECT: return EROFS;
    case ERROR_FILENAME_EXCED_RANGE: return ENAMETOOLONG;
    case ERROR_DIRECTORY: return ENOTDIR;
    case ERROR_DIR_NOT_EMPTY: return ENOTEMPTY;
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY: return ENOMEM;
    case ERROR_INVALID_NAME: return EINVAL;
    default: return EIO;
    }
}

static int fail_win(void)
{
    errno = errno_of(GetLastError());
    return -1;
}

/* path as UTF-16 in a new buffer (free it), or NULL with errno set */
static wchar_t *wide(const char *path)
{
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, path, -1, NULL, 0);
    if (n <= 0 || n > WIDE_MAX) {
        errno = n > WIDE_MAX ? ENAMETOOLONG : EINVAL;
        return NULL;
    }
    wchar_t *w = malloc((size_t)n * sizeof *w);
    if (!w) {
        errno = ENOMEM;
        return NULL;
    }
    MultiByteToWideChar(CP_UTF8, 0, path, -1, w, n);
    return w;
}

/* UTF-16 into UTF-8 in buf: false when it does not fit */
static bool narrow(const wchar_t *w, char *buf, size_t size)
{
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, buf, (int)(size > INT_MAX ? INT_MAX : size), NULL, NULL);
    return n > 0;
}

static void forward(char *buf);

static HANDLE handle_of(int fd)
{
    return (HANDLE)_get_osfhandle(fd);
}

static HANDLE create(const char *path, DWORD access, DWORD disposition, DWORD attributes)
{
    wchar_t *w = wide(path);
    if (!w)
        return INVALID_HANDLE_VALUE;
    HANDLE h = CreateFileW(w, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, disposition,
                           attributes, NULL);
    DWORD e = GetLastError();
    free(w);
    SetLastError(e);
    return h;
}

int osfile_open(const char *path, int flags, int mode)
{
    (void)mode; /* a new file inherits its folder's rights */
    DWORD access = (flags & O_ACCMODE) == O_RDONLY ? GENERIC_READ
                   : (flags & O_ACCMODE) == O_WRONLY ? GENERIC_WRITE
                                                     : GENERIC_READ | GENERIC_WRITE;
    DWORD disposition = (flags & O_CREAT) && (flags & O_EXCL) ? CREATE_NEW
                        : (flags & O_CREAT) && (flags & O_TRUNC) ? CREATE_ALWAYS
                        : (flags & O_CREAT)                      ? OPEN_ALWAYS
                        : (flags & O_TRUNC)                      ? TRUNCATE_EXISTING
                                                                 : OPEN_EXISTING;
    HANDLE h = create(path, access, disposition, FILE_ATTRIBUTE_NORMAL);
    if (h == INVALID_HANDLE_VALUE) {
        int error = errno_of(GetLastError());
        osfile_stat_t st;
        if (error == EACCES && osfile_stat(path, &st) == 0 && st.kind == OSFILE_FOLDER)
            error = EISDIR; /* (Windows says "access denied" to a folder opened as a file) */
        errno = error;
        return -1;
    }
    int crt = _O_BINARY | _O_NOINHERIT | ((flags & O_APPEND) ? _O_APPEND : 0) |
              ((flags & O_ACCMODE) == O_RDONLY ? _O_RDONLY : 0);
    int fd = _open_osfhandle((intptr_t)h, crt);
    if (fd < 0) {
        CloseHandle(h);
        errno = EMFILE;
    }
    return fd;
}

FILE *osfile_fopen(const char *path, const char *mode)
{
    bool plus = strchr(mode, '+') != NULL;
    int flags = mode[0] == 'r' ? (plus ? O_RDWR : O_RDONLY)
                : mode[0] == 'w' ? (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC
                : mode[0] == 'a' ? (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND
                                 : -1;
    char m[8];
    if (flags < 0 || snprintf(m, sizeof m, "%c%sb", mode[0], plus ? "+" : "") >= (int)sizeof m) {
        errno = EINVAL;
        return NULL;
    }
    int fd = osfile_open(path, flags, 0666);
    if (fd < 0)
        return NULL;
    FILE *f = _fdopen(fd, m);
    if (!f)
        _close(fd);
    return f;
}

static int64_t ns_of(FILETIME t)
{
    /* 100-ns units since 1601 */
    int64_t ticks = (int64_t)(((uint64_t)t.dwHighDateTime << 32) | t.dwLowDateTime);
    return (ticks - 116444736000000000LL) * 100;
}

static int fill(HANDLE h, osfile_stat_t *st)
{
    BY_HANDLE_FILE_INFORMATION info;
    if (!GetFileInformationByHandle(h, &info))
        return fail_win();
    DWORD type = GetFileType(h);
    st->kind = (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) ? OSFILE_FOLDER
               : type == FILE_TYPE_DISK                        ? OSFILE_REGULAR
                                                               : OSFILE_OTHER;
    st->size = (int64_t)(((uint64_t)info.nFileSizeHigh << 32) | info.nFileSizeLow);
    st->mtime_ns = ns_of(info.ftLastWriteTime);
    st->dev = info.dwVolumeSerialNumber;
    st->ino = ((uint64_t)info.nFileIndexHigh << 32) | info.nFileIndexLow;
    return 0;
}

int osfile_stat(const char *path, osfile_stat_t *st)
{
    /* no access asked: the attributes of a file another program holds open are still read;
     * BACKUP_SEMANTICS opens folders too, and links are followed */
    HANDLE h = create(path, 0, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS);
    if (h == INVALID_HANDLE_VALUE)
        return fail_win();
    int r = fill(h, st);
    CloseHandle(h);
    return r;
}

int osfile_fstat(int fd, osfile_stat_t *st)
{
    HANDLE h = handle_of(fd);
    if (h == INVALID_HANDLE_VALUE) {
        errno = EBADF;
        return -1;
    }
    return fill(h, st);
}

/* call(path as UTF-16): 0, or -1 with errno set */
static int on_path(const char *path, BOOL(WINAPI *call)(LPCWSTR))
{
    wchar_t *w = wide(path);
    if (!w)
        return -1;
    BOOL ok = call(w);
    DWORD e = GetLastError();
    free(w);
    if (ok)
        return 0;
    errno = errno_of(e);
    return -1;
}

static BOOL WINAPI make_folder(LPCWSTR path)
{
    return CreateDirectoryW(path, NULL);
}

int osfile_mkdir(const char *path, unsigned mode)
{
    (void)mode;
    return on_path(path, make_folder);
}

int osfile_unlink(const char *path)
{
    return on_path(path, DeleteFileW);
}

static int move(const char *from, const char *to, DWORD flags)
{
    wchar_t *wf = wide(from), *wt = wf ? wide(to) : NULL;
    if (!wt) {
        free(wf);
        return -1;
    }
    BOOL ok = MoveFileExW(wf, wt, flags);
    DWORD e = GetLastError();
    free(wf);
    free(wt);
    if (ok)
        return 0;
    errno = errno_of(e);
    return -1;
}

int osfile_replace(const char *from, const char *to)
{
    return move(from, to, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH);
}

int osfile_rename_new(const char *from, const char *to)
{
    return move(from, to, MOVEFILE_WRITE_THROUGH); /* fails with ERROR_ALREADY_EXISTS: EEXIST */
}

int osfile_sync(int fd)
{
    if (!FlushFileBuffers(handle_of(fd)))
        return fail_win();
    return 0;
}

void osfile_sync_dir(const char *dir)
{
    (void)dir; /* NTFS journals its folders: MOVEFILE_WRITE_THROUGH made the rename durable */
}

int osfile_lock(int fd, bool wait)
{
    OVERLAPPED at = { 0 };
    at.Offset = 0;
    at.OffsetHigh = 0x7fffffff; /* far past any end: Windows' locks are mandatory for the bytes
                                   they cover, and readers must not be blocked */
    DWORD flags = LOCKFILE_EXCLUSIVE_LOCK | (wait ? 0 : LOCKFILE_FAIL_IMMEDIATELY);
    if (!LockFileEx(handle_of(fd), flags, 0, 1, 0, &at))
        return fail_win();
    return 0;
}

long osfile_pread(int fd, void *buf, size_t n, int64_t at)
{
    OVERLAPPED where = { 0 };
    where.Offset = (DWORD)((uint64_t)at & 0xffffffffu);
    where.OffsetHigh = (DWORD)((uint64_t)at >> 32);
    DWORD got = 0;
    if (!ReadFile(handle_of(fd), buf, n > 0x40000000 ? 0x40000000 : (DWORD)n, &got, &where))
        return GetLastError() == ERROR_HANDLE_EOF ? 0 : fail_win();
    return (long)got;
}

int osfile_truncate(int fd, int64_t size)
{
    int e = _chsize_s(fd, size);
    if (e) {
        errno = e;
        return -1;
    }
    return 0;
}

int64_t osfile_free_bytes(int fd)
{
    wchar_t path[MAX_PATH + 1];
    DWORD n = GetFinalPathNameByHandleW(handle_of(fd), path, MAX_PATH, FILE_NAME_NORMALIZED);
    if (n == 0 || n >= MAX_PATH)
        return -1;
    wchar_t *slash = wcsrchr(path, L'\\');
    if (slash)
        slash[1] = L'\0';
    ULARGE_INTEGER avail;
    if (!GetDiskFreeSpaceExW(path, &avail, NULL, NULL))
        return -1;
    return (int64_t)avail.QuadPart;
}

bool osfile_realpath(const char *path, char *buf, size_t size)
{
    wchar_t *w = wide(path);
    if (!w)
        return false;
    wchar_t full[WIDE_MAX];
    DWORD n = GetFullPathNameW(w, WIDE_MAX, full, NULL);
    free(w);
    if (n == 0 || n >= WIDE_MAX || GetFileAttributesW(full) == INVALID_FILE_ATTRIBUTES)
        return false;
    if (!narrow(full, buf, size))
        return false;
    forward(buf); /* one separator, as the rest of Safe Base writes paths */
    return true;
}

bool osfile_hostname(char *buf, size_t size)
{
    wchar_t name[256];
    DWORD n = 256;
    if (!GetComputerNameExW(ComputerNameDnsHostname, name, &n) || n == 0)
        return false;
    return narrow(name, buf, size);
}

bool osfile_random(void *buf, size_t size)
{
    return size <= ULONG_MAX &&
           BCryptGenRandom(NULL, buf, (ULONG)size, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}

long osfile_pid(void)
{
    return (long)GetCurrentProcessId();
}

struct osfile_dir {
    HANDLE find;
    WIN32_FIND_DATAW data;
    bool first; /* data holds an entry not yet given */
    char name[MAX_PATH * 4];
};

osfile_dir_t *osfile_opendir(const char *path)
{
    char pattern[4200];
    size_t len = strlen(path);
    bool sep = len > 0 && (path[len - 1] == '/' || path[len - 1] == '\\');
    if (snprintf(pattern, sizeof pattern, "%s%s*", path, sep ? "" : "/") >= (int)sizeof pattern) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    wchar_t *w = wide(pattern);
    osfile_dir_t *d = w ? calloc(1, sizeof *d) : NULL;
    if (!d) {
        free(w);
        if (w)
            errno = ENOMEM;
        return NULL;
    }
    d->find = FindFirstFileExW(w, FindExInfoBasic, &d->data, FindExSearchNameMatch, NULL, 0);
    DWORD e = GetLastError();
    free(w);
    if (d->find == INVALID_HANDLE_VALUE && e != ERROR_FILE_NOT_FOUND) {
        free(d);
        errno = errno_of(e);
        return NULL;
    }
    d->first = d->find != INVALID_HANDLE_VALUE; /* (nothing found: an empty drive, no "." even) */
    return d;
}

const char *osfile_readdir(osfile_dir_t *d, osfile_kind_t *kind)
{
    for (;;) {
        if (d->find == INVALID_HANDLE_VALUE || (!d->first && !FindNextFileW(d->find, &d->data)))
            return NULL;
        d->first = false;
        DWORD a = d->data.dwFileAttributes;
        if ((a & (FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM)) || !narrow(d->data.cFileName, d->name, sizeof d->name))
            continue; /* hidden, as a dot-name is on Linux ($RECYCLE.BIN, System Volume Information) */
        *kind = (a & FILE_ATTRIBUTE_REPARSE_POINT) ? OSFILE_OTHER /* a link: the caller asks */
                : (a & FILE_ATTRIBUTE_DIRECTORY) ? OSFILE_FOLDER
                                                 : OSFILE_REGULAR;
        return d->name;
    }
}

void osfile_closedir(osfile_dir_t *d)
{
    if (d) {
        if (d->find != INVALID_HANDLE_VALUE)
            FindClose(d->find);
        free(d);
    }
}

/* '\\' turned into '/' in buf */
static void forward(char *buf)
{
    for (char *p = buf; *p; p++)
        if (*p == '\\')
            *p = '/';
}

bool osfile_known_dir(osfile_known_t which, char *buf, size_t size)
{
    static const wchar_t *const vars[] = { L"APPDATA", L"LOCALAPPDATA", NULL, NULL };
    const KNOWNFOLDERID *ids[] = { &FOLDERID_RoamingAppData, &FOLDERID_LocalAppData, &FOLDERID_Music,
                                   &FOLDERID_Documents };
    const wchar_t *env = vars[which] ? _wgetenv(vars[which]) : NULL;
    bool ok = false;
    if (env && *env) {
        ok = narrow(env, buf, size);
    } else {
        wchar_t *known = NULL;
        ok = SUCCEEDED(SHGetKnownFolderPath(ids[which], KF_FLAG_DEFAULT, NULL, &known)) && narrow(known, buf, size);
        CoTaskMemFree(known);
    }
    if (ok)
        forward(buf);
    return ok;
}
