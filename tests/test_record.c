/* Tests of the log line: the CSV columns, RFC 4180 quoting, ISO 8601 local times. */
#include "check.h"
#include "core/record.h"

static void test_times(void)
{
    char buf[64];
    CHECK_EQ_STR(record_format_time(0, 0, buf, sizeof buf), "1970-01-01T00:00:00+00:00");
    /* 1700000000 s is 2023-11-14 22:13:20 UTC */
    CHECK_EQ_STR(record_format_time(1700000000000LL, 3600, buf, sizeof buf), "2023-11-14T23:13:20+01:00");
    CHECK_EQ_STR(record_format_time(1700000000999LL, -5 * 3600 - 1800, buf, sizeof buf),
                 "2023-11-14T16:43:20-05:30");
    /* a leap day, and a local time that crosses midnight into the next year */
    CHECK_EQ_STR(record_format_time(951782400000LL, 0, buf, sizeof buf), "2000-02-29T00:00:00+00:00");
    CHECK_EQ_STR(record_format_time(1798761599000LL, 7200, buf, sizeof buf), "2027-01-01T01:59:59+02:00");
}

static void test_fields(void)
{
    char buf[64];
    CHECK_EQ_INT(record_csv_field("Special playtime", buf, sizeof buf), 16);
    CHECK_EQ_STR(buf, "Special playtime");
    record_csv_field("Connect, separate, connect", buf, sizeof buf);
    CHECK_EQ_STR(buf, "\"Connect, separate, connect\"");
    record_csv_field("The \"big\" dance", buf, sizeof buf);
    CHECK_EQ_STR(buf, "\"The \"\"big\"\" dance\"");
    record_csv_field("two\nlines", buf, sizeof buf);
    CHECK_EQ_STR(buf, "\"two\nlines\"");
    record_csv_field("Ñandú – Танец", buf, sizeof buf);
    CHECK_EQ_STR(buf, "Ñandú – Танец");
    CHECK_EQ_INT(record_csv_field("0123456789", buf, 10), -1);
}

static void test_line(void)
{
    record_t r = {
        .started_epoch_ms = 1700000000000LL, .ended_epoch_ms = 1700000000000LL + 905449,
        .utc_offset_s = 3600, .plan = "Connect, separate, connect", .planned_ms = 900000,
        .duration_ms = 895449, .paused_ms = 10000, .outcome = "completed",
        .phases_completed = 7, .phases_total = 7,
    };
    char buf[512];
    int n = record_format(&r, buf, sizeof buf);
    CHECK_EQ_STR(buf, "2023-11-14T23:13:20+01:00,2023-11-14T23:28:25+01:00,\"Connect, separate, connect\","
                      "900.0,895.4,10.0,completed,7,7\n");
    CHECK_EQ_INT(n, (int)strlen(buf));
    CHECK_EQ_INT(record_format(&r, buf, 40), -1);
    CHECK_EQ_STR(buf, ""); /* nothing half-written */
    r.duration_ms = 949; /* rounds to the nearest tenth */
    record_format(&r, buf, sizeof buf);
    CHECK(strstr(buf, ",900.0,0.9,10.0,") != NULL);
}

int main(void)
{
    test_times();
    test_fields();
    test_line();
    return check_summary();
}
