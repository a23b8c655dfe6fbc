/* Days in words: a struct tm filled from the calendar date (weekday and day of the year
 * included) and handed to strftime, which names days and months in the LC_TIME locale the
 * platform chose. libc only: never reads a clock or the time zone, never prints. */
#include "core/log/daytext.h"

#include <string.h>
#include <time.h>

#include "core/log/record.h"

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
    if (strftime(buf, size, format, &tm) == 0)
        buf[0] = '\0';
    return buf;
}

char *daytext_weekday(int monday0, const char *format, char *buf, size_t size)
{
    /* 1970-01-05 (day 4) was a Monday */
    return daytext_format(4 + (monday0 % 7 + 7) % 7, 0, format, buf, size);
}
