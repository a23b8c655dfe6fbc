/* When the session screen must change on its own: the countdown's second boundaries, the
 * disk's steps (about two pixels at its rim, or once a second with reduced motion), and what
 * the disk shows between steps. Lets the loop sleep until the next visible change. libc only. */
#ifndef SAFEBASE_CORE_PACE_H
#define SAFEBASE_CORE_PACE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/session/session.h"

#define PACE_RIM_PX 2             /* the disk's rim moves about this far between steps */
#define PACE_MIN_STEP_MS 200      /* at most 5 disk steps a second */
#define PACE_MAX_STEP_MS 1000

/* Time between the disk's steps for a phase of length_ms on a disk of radius_px; reduced
 * motion: once a second, in step with the digits. */
int64_t pace_disk_step_ms(int64_t length_ms, int radius_px, bool reduced_motion);

/* The fraction of the phase still to go as the disk shows it: the remaining time rounded up
 * to a whole step (so the disk moves when a step is due, never before). 1 at the start, 0 at
 * the end. */
double pace_disk_remaining(const session_view_t *v, int64_t step_ms);

/* ms from now until the digits or the disk next change (at least 1), or -1 when the session
 * is not running (paused or over: nothing moves on its own). */
int64_t pace_session_wait(const session_view_t *v, int64_t step_ms, bool time_shown);

#define PACE_MERGE_MS 60          /* a breathing or fade frame due this little before a tick waits for it */

/* When the next frame is due, given the breathing guide next moves in breath_ms and the disk
 * or the digits next change in tick_ms (either -1: not at all): the sooner, except that a
 * breathing frame due at most PACE_MERGE_MS before the tick waits for it, so both move in one
 * frame (the guide then moves a pixel more at most). -1 when neither comes. */
int64_t pace_merge(int64_t breath_ms, int64_t tick_ms);

#endif
