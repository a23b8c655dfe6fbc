/* The process's dealings with its system that differ between POSIX and Windows: the command
 * line in UTF-8, the terminal it was started from, the time zone's offset, and being told the
 * user is logging off. osproc_posix.c and osproc_win.c are the two halves. Nothing here prints. */
#ifndef SAFEBASE_PLATFORM_OSPROC_H
#define SAFEBASE_PLATFORM_OSPROC_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

/* argv in UTF-8: argv itself on POSIX; on Windows the wide command line split and converted
 * (kept for the process's life), its count into *argc. NULL only when out of memory. */
char **osproc_args(int *argc, char **argv);

/* On Windows, a GUI program has no console: when it was started from one (cmd, PowerShell)
 * and its output is not redirected, stdout and stderr are attached to that console, in UTF-8,
 * so --help, --list, --check, --history and --report answer there (the console's code page is
 * put back at exit); started from Explorer, no console window ever opens. Nothing on POSIX. */
void osproc_console(void);

/* Seconds east of UTC of local time at t (tm_gmtoff). */
int osproc_utc_offset(time_t t);

/* Watches for the user asking the program to stop from outside: SIGHUP on POSIX (SDL turns
 * SIGTERM and SIGINT into a quit already); Ctrl+C, Ctrl+Break or the console closed on Windows.
 * osproc_stop_asked tells (once) when that happened. On Windows ending() is also called, on the
 * main thread, when Windows ends the user's session (log off, shut down): the process is killed
 * soon after it returns, so it must write what must be kept then. */
void osproc_watch(void (*ending)(void));
bool osproc_stop_asked(void);

/* A FILE that writes into memory (open_memstream; a temporary file read back on Windows).
 * osproc_memstream_close gives the text (malloc'd, NUL-terminated, the caller frees) and its
 * length; NULL when anything failed. */
typedef struct {
    FILE *f;
    char *buf;
    size_t len;
} osproc_memstream_t;
FILE *osproc_memstream_open(osproc_memstream_t *m);
char *osproc_memstream_close(osproc_memstream_t *m, size_t *len);

#endif
