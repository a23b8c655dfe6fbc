/* Equal loudness, the arithmetic: the gain that brings a measured track (EBU R128 integrated
 * loudness and true peak) to the target without its peaks passing the ceiling, and the safe
 * gain for a track not yet measured. libc only; measuring is the platform's (libebur128). */
#ifndef SAFEBASE_CORE_LOUDNESS_H
#define SAFEBASE_CORE_LOUDNESS_H

#include <stdbool.h>

#define LOUDNESS_CEILING_DBTP (-1.0)  /* no track's true peak goes above this */
#define LOUDNESS_MAX_BOOST_DB 20.0   /* a very quiet track is raised at most this much */
#define LOUDNESS_ASSUMED_LUFS (-5.0)  /* an unmeasured track is treated as this loud: louder
                                      * than nearly all mastered music, so it only gets louder
                                      * once measured */
#define LOUDNESS_SILENT_LUFS (-70.0)  /* at or below: silence (EBU R128's absolute gate) */

typedef struct {
    double integrated_lufs;   /* EBU R128 integrated loudness; <= LOUDNESS_SILENT_LUFS: silent */
    double true_peak_db;      /* true peak in dBTP (dB relative to full scale) */
} loudness_t;

/* The gain in dB for a measured track: target minus its loudness, lowered so that its true
 * peak stays at or under ceiling_dbtp, and raised by at most LOUDNESS_MAX_BOOST_DB. A silent
 * track gets 0 dB. */
double loudness_gain_db(const loudness_t *m, double target_lufs, double ceiling_dbtp);

/* The gain for a track not measured yet: as if it were LOUDNESS_ASSUMED_LUFS loud, so it is
 * never louder than it will be once measured (unless it is louder than that itself). */
double loudness_safe_gain_db(double target_lufs);

/* dB to a linear amplitude factor. */
double loudness_db_to_gain(double db);

#endif
