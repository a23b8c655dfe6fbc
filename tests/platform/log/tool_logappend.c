/* A test tool: appends records to a log through the app's own logfile_append, to test what
 * sessions alone would take too long for. "tool_logappend LOG N TAG" appends N records (client
 * TAG, note = their number); "--short-write" makes the disk take only half of one record (the
 * tool is linked with -Wl,--wrap=write, so the app's own write(2) calls come here first). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log/record.h"
#include "platform/log/logfile.h"

static bool shorted;

ssize_t __real_write(int fd, const void *buf, size_t n);
ssize_t __wrap_write(int fd, const void *buf, size_t n);

/* write(2), or with --short-write on a disk that fills up half way through. */
ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
    return __real_write(fd, buf, shorted ? n / 2 : n);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: tool_logappend LOG N TAG [--short-write]\n");
        return 2;
    }
    shorted = argc > 4 && strcmp(argv[4], "--short-write") == 0;
    int n = atoi(argv[2]);
    for (int i = 0; i < n; i++) {
        char note[32], line[RECORD_MAX_LINE], err[600];
        snprintf(note, sizeof note, "%d", i);
        record_t r = { .started_epoch_ms = 1700000000000LL + i * 1000LL, .ended_epoch_ms = 1700000600000LL + i * 1000LL,
                       .plan = "Concurrent, test", .planned_ms = 600000, .duration_ms = 600000,
                       .outcome = "completed", .phases_completed = 1, .phases_total = 1,
                       .client = argv[3], .rating = 1 + i % 5, .note = note };
        if (record_format(&r, line, sizeof line) < 0)
            return 1;
        if (!logfile_append(argv[1], line, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            return shorted ? 0 : 1; /* a short write must fail, cleanly */
        }
    }
    return shorted ? 1 : 0;
}
