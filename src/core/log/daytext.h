/* A day of the log in the user's words: the weekday and month names of the C library's LC_TIME
 * locale (strftime on a struct tm built from the day), in a format the caller gives, usually a
 * translated one. libc only: no clock, no time zone, never prints. */
#ifndef SAFEBASE_CORE_DAYTEXT_H
#define SAFEBASE_CORE_DAYTEXT_H

#include <stddef.h>

/* Writes day (days since 1970-01-01) at minute (of that day, 0 to 1439) with a strftime
 * format, such as _("%a %-d %b %Y"). Returns buf; "" when it does not fit. */
char *daytext_format(int day, int minute, const char *format, char *buf, size_t size);

/* The weekday's name in a strftime format (such as "%a"), Monday 0 to Sunday 6. Returns buf. */
char *daytext_weekday(int monday0, const char *format, char *buf, size_t size);

#endif
