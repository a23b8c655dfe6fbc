/* osproc.h on Linux and other POSIX systems. */
#define _GNU_SOURCE /* tm_gmtoff */
#include "platform/sys/osproc.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

char **osproc_args(int *argc, char **argv)
{
    (void)argc;
    return argv;
}

void osproc_console(void)
{
}

int osproc_utc_offset(time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);
    return (int)tm.tm_gmtoff;
}

static volatile sig_atomic_t hangup;

static void on_hangup(int sig)
{
    (void)sig;
    hangup = 1;
}

void osproc_watch(void (*ending)(void))
{
    (void)ending; /* (the display going away ends the process through exit(): atexit's job) */
    struct sigaction sa = { .sa_handler = on_hangup };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
}

bool osproc_stop_asked(void)
{
    if (!hangup)
        return false;
    hangup = 0;
    return true;
}

FILE *osproc_memstream_open(osproc_memstream_t *m)
{
    memset(m, 0, sizeof *m);
    m->f = open_memstream(&m->buf, &m->len);
    return m->f;
}

char *osproc_memstream_close(osproc_memstream_t *m, size_t *len)
{
    *len = 0;
    if (!m->f)
        return NULL;
    bool ok = fclose(m->f) == 0;
    m->f = NULL;
    if (!ok) {
        free(m->buf);
        m->buf = NULL;
    }
    *len = ok ? m->len : 0;
    return m->buf;
}
