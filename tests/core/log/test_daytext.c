/* Tests of core/log/daytext: days of the log written with strftime formats, in the C locale's
 * English names (as without a translation), across years, leap days and days before 1970;
 * and, when the machine has it, a German LC_TIME naming the same days in German. */
#include "check.h"
#include "core/log/daytext.h"
#include "core/log/record.h"

#include <locale.h>
#include <string.h>

static const char *day(int y, int m, int d, int minute, const char *format)
{
    static char buf[64];
    return daytext_format(record_days_from_civil(y, m, d), minute, format, buf, sizeof buf);
}

static void test_english_names(void)
{
    CHECK_EQ_STR(day(2024, 3, 4, 0, "%a %-d %b %Y"), "Mon 4 Mar 2024");
    CHECK_EQ_STR(day(2024, 3, 6, 0, "%a %-d %b"), "Wed 6 Mar");
    CHECK_EQ_STR(day(2024, 3, 6, 9 * 60 + 30, "%a %-d %b %H:%M"), "Wed 6 Mar 09:30");
    CHECK_EQ_STR(day(2024, 2, 29, 23 * 60 + 59, "%A %d/%m/%Y %H:%M"), "Thursday 29/02/2024 23:59");
    CHECK_EQ_STR(day(1970, 1, 1, 0, "%a %Y-%m-%d"), "Thu 1970-01-01");
    CHECK_EQ_STR(day(1969, 12, 31, 0, "%a %Y-%m-%d"), "Wed 1969-12-31");
    CHECK_EQ_STR(day(2023, 12, 31, 0, "%j %B"), "365 December");   /* the day of the year too */
    CHECK_EQ_STR(day(2024, 12, 31, 0, "%j"), "366");
    CHECK_EQ_STR(day(2100, 3, 1, 0, "%a %x"), "Mon 03/01/00");
}

/* glibc's "-" flag (no padding) is written out by daytext itself: the same on every C library
 * (Windows' has no such flag), in every translation's order. */
static void test_unpadded(void)
{
    CHECK_EQ_STR(day(2024, 3, 4, 0, "%-d.%-m."), "4.3.");
    CHECK_EQ_STR(day(2024, 12, 25, 0, "%-d/%-m"), "25/12");
    CHECK_EQ_STR(day(2024, 3, 4, 7 * 60 + 5, "%a, %-d %b %-H:%M"), "Mon, 4 Mar 7:05");
    CHECK_EQ_STR(day(2024, 3, 4, 0, "%a %-d. %b %Y"), "Mon 4. Mar 2024");
    CHECK_EQ_STR(day(2024, 3, 4, 0, "%-j %-I"), "64 12");
    CHECK_EQ_STR(day(2024, 3, 4, 0, "100%% %%-d %-d"), "100% %-d 4"); /* "%%" is a percent sign */
    char big[300];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK_EQ_STR(day(2024, 3, 4, 0, big), ""); /* too long to write out: empty, never cut */
}

static void test_weekdays(void)
{
    static const char *const names[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    char buf[16];
    for (int i = 0; i < 7; i++)
        CHECK_EQ_STR(daytext_weekday(i, "%a", buf, sizeof buf), names[i]);
    CHECK_EQ_STR(daytext_weekday(7, "%A", buf, sizeof buf), "Monday");
}

static void test_too_small(void)
{
    char buf[4] = "xyz";
    CHECK_EQ_STR(daytext_format(record_days_from_civil(2024, 3, 4), 0, "%A", buf, sizeof buf), "");
    CHECK(daytext_format(0, 0, "%a", NULL, 0) == NULL);
}

static void test_german_names(void)
{
    if (!setlocale(LC_TIME, "de_DE.UTF-8")) {
        printf("(no de_DE.UTF-8 locale here: German names not checked)\n");
        return;
    }
    CHECK_EQ_STR(day(2024, 3, 4, 0, "%a %-d. %B %Y"), "Mo 4. M\xC3\xA4rz 2024");
    setlocale(LC_TIME, "C");
    CHECK_EQ_STR(day(2024, 3, 4, 0, "%a"), "Mon");
}

int main(void)
{
    test_english_names();
    test_unpadded();
    test_weekdays();
    test_too_small();
    test_german_names();
    return check_summary();
}
