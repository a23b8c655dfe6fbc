/* The breathing guide's pace: how full the breath is at a moment of a phase, eased so the
 * shape never jerks (in over 40% of a breath, out over 60%: a longer out-breath calms), and
 * how often it must be redrawn to move smoothly. libc only: time is an argument. */
#ifndef SAFEBASE_CORE_BREATH_H
#define SAFEBASE_CORE_BREATH_H

#include <stdbool.h>
#include <stdint.h>

#define BREATH_DEFAULT_PER_MIN 6.0
#define BREATH_MIN_FRAME_MS 33      /* about 30 frames a second at the fastest */
#define BREATH_MAX_FRAME_MS 250

/* How full the breath is at t_ms into the phase: 0 (all out) .. 1 (all in), starting empty.
 * per_min <= 0 gives 0. Smooth: its rate of change is zero at both turns. */
double breath_level(double per_min, int64_t t_ms);

/* True while breathing in at t_ms. */
bool breath_inhaling(double per_min, int64_t t_ms);

/* Time between frames so a shape whose size swings by amplitude_px moves about one pixel (the
 * smallest step a screen shows) a frame at its fastest, clamped to BREATH_MIN_FRAME_MS .. BREATH_MAX_FRAME_MS. */
int64_t breath_frame_ms(double per_min, int amplitude_px);

#define BREATH_GLOW_LEAST 0.3    /* the glow's size all out, as a share of its room round the disk */

/* The glow's radius in whole pixels round a disk of radius disk_r with room up to halo_r, at
 * fullness level (0..1). */
int breath_glow_radius(int disk_r, int halo_r, double level);

/* How many pixels that radius moves between all out and all in: the amplitude to pace its
 * frames with (breath_next_change). */
int breath_glow_travel(int disk_r, int halo_r);

#define BREATH_STEP_PX 2         /* the soft glow moves this far between frames: its edge fades over
                                  * tens of pixels, so a step changes no pixel by more than ~3 levels */

/* ms from t_ms until a shape whose size swings by amplitude_px has moved BREATH_STEP_PX pixels
 * (slow near the turns, so fewer frames there), at most BREATH_MAX_FRAME_MS. */
int64_t breath_next_change(double per_min, int64_t t_ms, int amplitude_px);

#endif
