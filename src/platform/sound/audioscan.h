/* The loudness thread's entry (audio.c starts it with the engine as its argument), and the
 * measurement it makes of one file, for tools that want the same numbers. */
#ifndef SAFEBASE_PLATFORM_AUDIOSCAN_H
#define SAFEBASE_PLATFORM_AUDIOSCAN_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/sound/loudness.h"

/* What measuring one file found. */
typedef struct {
    loudness_t loud;
    int64_t frames;          /* the length read, in 48 kHz frames */
    int64_t length;          /* the length the header gave, in 48 kHz frames (0 = none) */
    int rate;                /* the rate it was read and measured at (the file's own) */
    double filtered;         /* the share of samples the true-peak interpolator ran on */
    char why[200];           /* why it could not be measured */
} audioscan_measure_t;

/* Reads path whole at its own rate: EBU R128 integrated loudness by libebur128, true peak by
 * core/sound/truepeak. Returns false with m->why when it cannot, or when quit (may be NULL)
 * becomes non-zero on the way. m is filled from zero. */
bool audioscan_measure(const char *path, SDL_atomic_t *quit, audioscan_measure_t *m);

/* Runs until the engine's quit flag is set; returns 0. */
int audioscan_main(void *arg);

#endif
