/* Durations as people write them ("45s", "2m", "1m30s", "1h", "2.5s") and as the screen
 * shows them ("m:ss"). libc only; no clock, no allocation. */
#ifndef SAFEBASE_CORE_DURATION_H
#define SAFEBASE_CORE_DURATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Parses text such as "45s", "2m", "1m30s", "1h 5m", "2.5s", "90" (plain seconds) into
 * milliseconds, rounded to the nearest ms. Returns false (and leaves *out_ms alone) on
 * anything else: empty text, negative numbers, unknown units, a unit given twice, units
 * out of order, or a value over 100 hours. Zero is accepted; callers decide if it is valid. */
bool duration_parse(const char *text, int64_t *out_ms);

/* Writes remaining time as "m:ss" (or "h:mm:ss" from one hour), rounding up to the
 * second so a countdown shows 0:01 until it really is over. Returns buf. */
char *duration_format_clock(int64_t ms, char *buf, size_t size);

/* Writes a length for lists: "15 min", "1 h 5 min", "45 s", "2 min 30 s". Returns buf. */
char *duration_format_length(int64_t ms, char *buf, size_t size);

#endif
