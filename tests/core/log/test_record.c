/* Tests of the log line: the CSV columns (old 9 and 15, new 18), RFC 4180 quoting, ISO 8601 local
 * times, and reading a line back: what is accepted, and why a damaged line is refused. */
#include "check.h"
#include "core/log/record.h"

#include <stdbool.h>

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
                      "900.0,895.4,10.0,completed,7,7,,,0,0,0,,,,\n");
    CHECK_EQ_INT(n, (int)strlen(buf));
    CHECK_EQ_INT(record_format(&r, buf, 40), -1);
    CHECK_EQ_STR(buf, ""); /* nothing half-written */
    r.duration_ms = 949; /* rounds to the nearest tenth */
    record_format(&r, buf, sizeof buf);
    CHECK(strstr(buf, ",900.0,0.9,10.0,") != NULL);
}

static record_t full_record(void)
{
    record_t r = {
        .started_epoch_ms = 1700000000000LL, .ended_epoch_ms = 1700000000000LL + 600000,
        .utc_offset_s = 3600, .plan = "Special playtime", .planned_ms = 900000,
        .duration_ms = 598000, .paused_ms = 2000, .outcome = "ended_early",
        .phases_completed = 2, .phases_total = 3, .client = "Robin", .rating = 4,
        .look_backs = 6, .extends = 1, .reconnects = 2,
        .note = "She led, I followed, \"lovely\"\nsecond line",
        .first_separation_ms = 60000, .longest_separation_ms = 80000, .reconnect_separation_ms = 100000,
    };
    return r;
}

static void test_new_columns(void)
{
    CHECK(strncmp(RECORD_HEADER, RECORD_HEADER_V1 ",", strlen(RECORD_HEADER_V1) + 1) == 0);
    CHECK(strcmp(RECORD_HEADER_V2 + strlen(RECORD_HEADER_V1),
                 ",client,rating,look_backs,extends,reconnects,note") == 0);
    CHECK(strcmp(RECORD_HEADER + strlen(RECORD_HEADER_V2),
                 ",first_separation_seconds,longest_separation_seconds,reconnect_separation_seconds") == 0);
    record_t r = full_record();
    char buf[1024];
    int n = record_format(&r, buf, sizeof buf);
    CHECK_EQ_STR(buf, "2023-11-14T23:13:20+01:00,2023-11-14T23:23:20+01:00,Special playtime,900.0,598.0,"
                      "2.0,ended_early,2,3,Robin,4,6,1,2,\"She led, I followed, \"\"lovely\"\"\nsecond line\",60.0,80.0,100.0\n");
    CHECK_EQ_INT(n, (int)strlen(buf));
    r.rating = 0; /* skipped: empty, never 0 */
    r.note = NULL;
    r.client = "";
    r.reconnect_separation_ms = 0; /* none: empty */
    record_format(&r, buf, sizeof buf);
    CHECK(strstr(buf, ",2,3,,,6,1,2,,60.0,80.0,\n") != NULL);
    r.rating = 9; /* out of range: not written */
    r.first_separation_ms = r.longest_separation_ms = 0;
    record_format(&r, buf, sizeof buf);
    CHECK(strstr(buf, ",2,3,,,6,1,2,,,,\n") != NULL);
}

static void test_round_trip(void)
{
    record_t r = full_record();
    char line[1024], err[160];
    int n = record_format(&r, line, sizeof line);
    record_row_t row;
    CHECK(record_parse(line, (size_t)n - 1, &row, err, sizeof err));
    CHECK_EQ_INT(row.nfields, 18);
    CHECK_EQ_INT(row.first_separation_ms, 60000);
    CHECK_EQ_INT(row.longest_separation_ms, 80000);
    CHECK_EQ_INT(row.reconnect_separation_ms, 100000);
    CHECK_EQ_STR(row.field[COL_RECONNECT_SEPARATION], "100.0");
    CHECK_EQ_STR(row.field[COL_PLAN], "Special playtime");
    CHECK_EQ_STR(row.field[COL_NOTE], r.note);
    CHECK_EQ_STR(row.field[COL_CLIENT], "Robin");
    CHECK_EQ_INT(row.started_epoch_ms, 1700000000000LL);
    CHECK_EQ_INT(row.day, record_days_from_civil(2023, 11, 14)); /* the local date, not UTC's */
    CHECK_EQ_INT(row.minute, 23 * 60 + 13);
    CHECK_EQ_INT(row.planned_ms, 900000);
    CHECK_EQ_INT(row.duration_ms, 598000);
    CHECK_EQ_INT(row.paused_ms, 2000);
    CHECK_EQ_INT(row.rating, 4);
    CHECK_EQ_INT(row.look_backs, 6);
    CHECK_EQ_INT(row.extends, 1);
    CHECK_EQ_INT(row.reconnects, 2);
    CHECK_EQ_INT(row.phases_completed * 10 + row.phases_total, 23);
    char again[1024];
    CHECK_EQ_INT(record_format_row(&row, again, sizeof again), n);
    CHECK_EQ_STR(again, line);
}

static bool parses(const char *line, char *err, size_t errsize)
{
    static record_row_t row;
    return record_parse(line, strlen(line), &row, err, errsize);
}

static void test_old_rows(void)
{
    const char *old = "2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,\"Connect, separate, connect\","
                      "900.0,905.4,0.0,completed,7,7";
    record_row_t row;
    char err[160], buf[1024];
    CHECK(record_parse(old, strlen(old), &row, err, sizeof err));
    CHECK_EQ_INT(row.nfields, 9);
    CHECK_EQ_STR(row.field[COL_CLIENT], "");
    CHECK_EQ_STR(row.field[COL_NOTE], "");
    CHECK_EQ_INT(row.rating, 0);
    CHECK_EQ_INT(row.duration_ms, 905400);
    record_format_row(&row, buf, sizeof buf); /* --csv: the old row with empty new columns */
    CHECK_EQ_STR(buf, "2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,\"Connect, separate, connect\","
                      "900.0,905.4,0.0,completed,7,7,,,,,,,,,\n");
    CHECK_EQ_INT(row.first_separation_ms, 0);
    /* a 15-column row (Safe Base 0.2): the separation columns are empty */
    const char *v2 = "2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,Special playtime,"
                     "900.0,905.4,0.0,completed,7,7,Robin,4,1,0,2,a note";
    CHECK(record_parse(v2, strlen(v2), &row, err, sizeof err));
    CHECK_EQ_INT(row.nfields, 15);
    CHECK_EQ_INT(row.reconnects, 2);
    CHECK_EQ_STR(row.field[COL_NOTE], "a note");
    CHECK_EQ_STR(row.field[COL_FIRST_SEPARATION], "");
    CHECK_EQ_INT(row.first_separation_ms + row.longest_separation_ms + row.reconnect_separation_ms, 0);
    record_format_row(&row, buf, sizeof buf);
    CHECK_EQ_STR(buf, "2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,Special playtime,"
                      "900.0,905.4,0.0,completed,7,7,Robin,4,1,0,2,a note,,,\n");
    CHECK(record_is_header(RECORD_HEADER_V2, strlen(RECORD_HEADER_V2)));
    CHECK(!record_is_header(RECORD_HEADER_V2 ",x", strlen(RECORD_HEADER_V2) + 2));
    /* the separation columns: seconds or empty; anything else names the column */
    const char *bad = "2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,Special playtime,"
                      "900.0,905.4,0.0,completed,7,7,Robin,4,1,0,2,,60.0,1 min,";
    CHECK(!record_parse(bad, strlen(bad), &row, err, sizeof err));
    CHECK_EQ_STR(err, "longest_separation_seconds: not a number of seconds \"1 min\"");
    CHECK(record_is_header(RECORD_HEADER, strlen(RECORD_HEADER)));
    CHECK(record_is_header(RECORD_HEADER_V1, strlen(RECORD_HEADER_V1)));
    CHECK(!record_is_header("started,ended", 13));
    /* times a spreadsheet may have rewritten: a space, no seconds, no offset */
    CHECK(parses("2024-03-04 09:30,2024-03-04 09:45,P,1,1,0,completed,1,1", err, sizeof err));
    CHECK(parses("2024-03-04T09:30:00Z,2024-03-04T09:45:00.250-0500,P,1,1,0,completed,1,1", err, sizeof err));
}

static void refused(const char *line, const char *why)
{
    char err[160] = "";
    bool ok = parses(line, err, sizeof err);
    CHECK(!ok);
    if (!strstr(err, why))
        fprintf(stderr, "  expected \"%s\" in \"%s\"\n", why, err);
    CHECK(strstr(err, why) != NULL);
}

static void test_damaged(void)
{
    const char *ok9 = "2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,905.4,0.0,completed,7,7";
    char err[160];
    CHECK(parses(ok9, err, sizeof err));
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,905.4", "5 fields");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,905.4,0.0,completed,7,7,Robin",
            "10 fields");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P\xff,900.0,905.4,0.0,completed,7,7",
            "invalid UTF-8 (byte 0xff at column 54)");
    refused("2024-13-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,905.4,0.0,completed,7,7",
            "started: not a date and time");
    refused("2023-02-29T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,905.4,0.0,completed,7,7",
            "started");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,abc,0.0,completed,7,7",
            "duration_seconds: not a number");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,-5,0.0,completed,7,7",
            "duration_seconds");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,905.4,0.0,completed,x,7",
            "phases_completed");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,905.4,0.0,completed,7,7,R,6,0,0,0,",
            "rating: not a rating from 1 to 5");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,905.4,0.0,completed,7,7,R,0,0,0,0,",
            "rating");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,\"P,900.0,905.4,0.0,completed,7,7",
            "not closed");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,\"P\"x,900.0,905.4,0.0,completed,7,7",
            "after a closing quote");
    refused("2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,,900.0,905.4,0.0,completed,7,7", "plan: empty");
    char nul[] = "2024-03-04T09:30:00+01:00,2024-03-04T09:45:10+01:00,P,900.0,905.4,0.0,completed,7,7";
    nul[53] = '\0';
    record_row_t row;
    CHECK(!record_parse(nul, sizeof nul - 1, &row, err, sizeof err));
    CHECK(strstr(err, "NUL byte at column 54") != NULL);
}

static void test_dates_and_labels(void)
{
    int day = 0;
    CHECK(record_parse_date("1970-01-01", &day) && day == 0);
    CHECK(record_parse_date("2024-02-29", &day) && day == record_days_from_civil(2024, 2, 29));
    CHECK(!record_parse_date("2023-02-29", &day));
    CHECK(!record_parse_date("2024-2-9", &day));
    CHECK(!record_parse_date("2024-02-09x", &day));
    int y, m, d;
    record_civil_from_days(record_days_from_civil(2031, 12, 31), &y, &m, &d);
    CHECK_EQ_INT(y * 10000 + m * 100 + d, 20311231);
    char err[160];
    CHECK(record_label_ok("Robin", err, sizeof err));
    CHECK(record_label_ok("Zoë & Ñandú", err, sizeof err));
    CHECK(!record_label_ok("", err, sizeof err));
    CHECK(!record_label_ok("tab\there", err, sizeof err));
    CHECK(!record_label_ok("bad\xc3", err, sizeof err));
    CHECK(!record_label_ok("0123456789012345678901234567890123456789012345678901234567890123456789", err, sizeof err));
    CHECK(strstr(err, "70") != NULL);
}

int main(void)
{
    test_times();
    test_fields();
    test_line();
    test_new_columns();
    test_round_trip();
    test_old_rows();
    test_damaged();
    test_dates_and_labels();
    return check_summary();
}
