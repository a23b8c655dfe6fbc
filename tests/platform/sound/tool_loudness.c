/* tool_loudness [--old | --native-full | --decode] FILE: one file's loudness measured as the
 * loudness thread measures it (audioscan_measure), with the CPU seconds it took, for
 * bench/analysis.sh. The other ways, for comparison: --old, the analysis before (read at
 * 48 kHz, libebur128's true peak on every sample); --native-full, the file's own rate with
 * libebur128's true peak; --decode, reading alone. Prints one line; exits 1 when unreadable. */
#include <ebur128.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "platform/sound/audioscan.h"
#include "platform/sound/trackread.h"

#define BLOCK 4096

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The other ways: 48 kHz or the file's own rate, libebur128 for both loudness and true peak
 * (ebur: false = decode only). Fills m as audioscan_measure does. */
static bool measure_other(const char *path, bool native, bool ebur, audioscan_measure_t *m)
{
    memset(m, 0, sizeof *m);
    trackread_t *r = native ? trackread_open_native(path, m->why, sizeof m->why)
                            : trackread_open(path, m->why, sizeof m->why);
    if (!r)
        return false;
    m->rate = trackread_rate(r);
    ebur128_state *st = ebur ? ebur128_init(2, (unsigned long)m->rate,
                                            EBUR128_MODE_I | EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_HISTOGRAM) : NULL;
    float *buf = malloc(sizeof(float) * 2 * BLOCK);
    int64_t frames = 0;
    int n;
    while (buf && (n = trackread_read(r, buf, BLOCK)) > 0) {
        if (st)
            ebur128_add_frames_float(st, buf, (size_t)n);
        frames += n;
    }
    m->frames = frames * 48000 / m->rate;
    double tp[2] = { 0.0, 0.0 };
    bool ok = buf && frames > 0;
    if (ok && st) {
        ok = ebur128_loudness_global(st, &m->loud.integrated_lufs) == EBUR128_SUCCESS &&
             ebur128_true_peak(st, 0, &tp[0]) == EBUR128_SUCCESS && ebur128_true_peak(st, 1, &tp[1]) == EBUR128_SUCCESS;
        double peak = tp[0] > tp[1] ? tp[0] : tp[1];
        m->loud.true_peak_db = peak > 0.0 ? 20.0 * log10(peak) : -HUGE_VAL;
        m->filtered = 1.0;
    }
    if (!ok)
        snprintf(m->why, sizeof m->why, "%s", trackread_error(r)[0] ? trackread_error(r) : "no sound");
    if (st)
        ebur128_destroy(&st);
    free(buf);
    trackread_close(r);
    return ok;
}

int main(int argc, char **argv)
{
    const char *way = argc == 3 ? argv[1] : "";
    bool known = argc == 2 || (argc == 3 && (strcmp(way, "--old") == 0 || strcmp(way, "--native-full") == 0 ||
                                             strcmp(way, "--decode") == 0));
    if (!known) {
        fprintf(stderr, "usage: tool_loudness [--old | --native-full | --decode] FILE\n");
        return 2;
    }
    const char *path = argv[argc - 1];
    audioscan_measure_t m;
    double t0 = cpu_seconds();
    bool ok = !*way ? audioscan_measure(path, NULL, &m)
                    : measure_other(path, strcmp(way, "--old") != 0, strcmp(way, "--decode") != 0, &m);
    double cpu = cpu_seconds() - t0;
    if (!ok) {
        fprintf(stderr, "tool_loudness: %s: %s\n", path, m.why);
        return 1;
    }
    printf("integrated=%.3f true_peak=%.3f rate=%d seconds=%.2f cpu=%.3f interpolated=%.1f%%\n",
           m.loud.integrated_lufs, m.loud.true_peak_db, m.rate, (double)m.frames / 48000.0, cpu,
           100.0 * m.filtered);
    return 0;
}
