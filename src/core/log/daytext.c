/* Days in words: a struct tm filled from the calendar date (weekday and day of the year
 * included) and handed to strftime, which names days and months in the LC_TIME locale the
 * platform chose. glibc's "no padding" flag ("%-d": 4, not 04), which the formats (and their
 * translations) use, is written out here, so Windows' C library, which has no such flag, gives
 * the same text. libc only: never reads a clock or the time zone, never prints. */
#include "core/log/daytext.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/log/record.h"

/* The number "%-X" stands for (-1: not one of them). */
static int unpadded_value(char conversion, const struct tm *tm)
{
    switch (conversion) {
    case 'd':
    case 'e': return tm->tm_mday;
    case 'm': return tm->tm_mon + 1;
    case 'H': return tm->tm_hour;
    case 'I': return tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
    case 'M': return tm->tm_min;
    case 'S': return tm->tm_sec;
    case 'j': return tm->tm_yday + 1;
    default: return -1;
    }
}

/* format with each "%-X" replaced by its number, into out: false when it does not fit. */
static bool write_unpadded(const char *format, const struct tm *tm, char *out, size_t size)
{
    size_t o = 0;
    for (const char *p = format; *p; p++) {
        int value = p[0] == '%' && p[1] == '-' ? unpadded_value(p[2], tm) : -1;
        int n;
        if (value >= 0) {
            n = snprintf(out + o, size - o, "%d", value);
            p += 2;
        } else if (p[0] == '%' && p[1] != '\0') {
            n = snprintf(out + o, size - o, "%c%c", p[0], p[1]); /* ("%%-d" stays as it is) */
            p++;
        } else {
            n = snprintf(out + o, size - o, "%c", p[0]);
        }
        if (n < 0 || (size_t)n >= size - o)
            return false;
        o += (size_t)n;
    }
    return true;
}

char *daytext_format(int day, int minute, const char *format, char *buf, size_t size)
{
    if (!buf || size == 0)
        return buf;
    int y, m, d;
    record_civil_from_days(day, &y, &m, &d);
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_wday = ((day % 7) + 11) % 7;   /* 1970-01-01 was a Thursday (4) */
    tm.tm_yday = day - record_days_from_civil(y, 1, 1);
    tm.tm_hour = minute / 60;
    tm.tm_min = minute % 60;
    char plain[256];
    if (!write_unpadded(format, &tm, plain, sizeof plain) || strftime(buf, size, plain, &tm) == 0)
        buf[0] = '\0';
    return buf;
}

char *daytext_weekday(int monday0, const char *format, char *buf, size_t size)
{
    /* 1970-01-05 (day 4) was a Monday */
    return daytext_format(4 + (monday0 % 7 + 7) % 7, 0, format, buf, size);
}
