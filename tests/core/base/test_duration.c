/* Tests for core/duration: what people may type in a plan, and what the screen shows.
 * Pure table checks; no clock, no files. */
#include <stdint.h>

#include "check.h"
#include "core/base/duration.h"

static void check_parses(const char *text, int64_t want, int line)
{
    int64_t ms = -12345;
    bool ok = duration_parse(text, &ms);
    if (ok && ms == want) {
        check_passed++;
    } else {
        check_failed++;
        fprintf(stderr, "%s:%d: duration_parse(\"%s\") gave %s %lld, want %lld\n", __FILE__, line,
                text, ok ? "true" : "false", (long long)ms, (long long)want);
    }
}

static void check_rejects(const char *text, int line)
{
    int64_t ms = -12345;
    bool ok = duration_parse(text, &ms);
    if (!ok && ms == -12345) {
        check_passed++;
    } else {
        check_failed++;
        fprintf(stderr, "%s:%d: duration_parse(\"%s\") accepted it (%lld ms)\n", __FILE__, line,
                text, (long long)ms);
    }
}

#define PARSES(t, w) check_parses((t), (w), __LINE__)
#define REJECTS(t) check_rejects((t), __LINE__)

static void test_valid(void)
{
    PARSES("45s", 45000);
    PARSES("2m", 120000);
    PARSES("1m30s", 90000);
    PARSES("1m 30s", 90000);
    PARSES("1h", 3600000);
    PARSES("1h 5m", 3900000);
    PARSES("1h5m10s", 3910000);
    PARSES("2.5s", 2500);
    PARSES("1.5m", 90000);
    PARSES("90", 90000);
    PARSES("0", 0);
    PARSES("0s", 0);
    PARSES("500ms", 500);
    PARSES("1s 500ms", 1500);
    PARSES("  20s  ", 20000);
    PARSES("45 s", 45000);
    PARSES("2M", 120000);
    PARSES("0.0005s", 1);          /* 0.5 ms rounds to the nearest ms: up */
    PARSES("0.0004s", 0);
    PARSES("1.0001s", 1000);
    PARSES("100h", 100LL * 3600000);
    PARSES("0.333333333333m", 20000);
    PARSES("1.5", 1500);
}

static void test_invalid(void)
{
    REJECTS("");
    REJECTS("   ");
    REJECTS("-5s");
    REJECTS("+5s");
    REJECTS("5x");
    REJECTS("m");
    REJECTS("s");
    REJECTS("1s2m");
    REJECTS("1m1m");
    REJECTS("1e3s");
    REJECTS("101h");
    REJECTS("100h 1ms");
    REJECTS("6001m");
    REJECTS("99999999999999999999999s");
    REJECTS("nan");
    REJECTS("inf");
    REJECTS("NaNs");
    REJECTS("1m 30");               /* a plain number must stand alone */
    REJECTS("1 30");
    REJECTS("2.s");
    REJECTS(".5s");
    REJECTS("1.2.3s");
    REJECTS("2min");
    REJECTS("1,5s");
    REJECTS("5 seconds");
    REJECTS("1h1h");
    REJECTS("10ms 1s");
    CHECK(!duration_parse(NULL, &(int64_t){ 0 }));
}

static void test_clock(void)
{
    char buf[32];
    CHECK_EQ_STR(duration_format_clock(0, buf, sizeof buf), "0:00");
    CHECK_EQ_STR(duration_format_clock(1, buf, sizeof buf), "0:01");
    CHECK_EQ_STR(duration_format_clock(1000, buf, sizeof buf), "0:01");
    CHECK_EQ_STR(duration_format_clock(1001, buf, sizeof buf), "0:02");
    CHECK_EQ_STR(duration_format_clock(59999, buf, sizeof buf), "1:00");
    CHECK_EQ_STR(duration_format_clock(61000, buf, sizeof buf), "1:01");
    CHECK_EQ_STR(duration_format_clock(15 * 60000, buf, sizeof buf), "15:00");
    CHECK_EQ_STR(duration_format_clock(3599999, buf, sizeof buf), "1:00:00");
    CHECK_EQ_STR(duration_format_clock(3600000, buf, sizeof buf), "1:00:00");
    CHECK_EQ_STR(duration_format_clock(3661000, buf, sizeof buf), "1:01:01");
    CHECK_EQ_STR(duration_format_clock(-5000, buf, sizeof buf), "0:00");
    char tiny[3];
    duration_format_clock(61000, tiny, sizeof tiny);
    CHECK_EQ_STR(tiny, "1:");  /* truncated, still terminated */
}

static void test_length(void)
{
    char buf[32];
    CHECK_EQ_STR(duration_format_length(45000, buf, sizeof buf), "45 s");
    CHECK_EQ_STR(duration_format_length(15 * 60000, buf, sizeof buf), "15 min");
    CHECK_EQ_STR(duration_format_length(150000, buf, sizeof buf), "2 min 30 s");
    CHECK_EQ_STR(duration_format_length(3900000, buf, sizeof buf), "1 h 5 min");
    CHECK_EQ_STR(duration_format_length(3600000, buf, sizeof buf), "1 h");
    CHECK_EQ_STR(duration_format_length(3605000, buf, sizeof buf), "1 h 5 s");
    CHECK_EQ_STR(duration_format_length(2500, buf, sizeof buf), "3 s");
    CHECK_EQ_STR(duration_format_length(1, buf, sizeof buf), "1 s");
    CHECK_EQ_STR(duration_format_length(0, buf, sizeof buf), "0 s");
    CHECK_EQ_STR(duration_format_length(-1, buf, sizeof buf), "0 s");
    CHECK_EQ_STR(duration_format_length(12LL * 3600000, buf, sizeof buf), "12 h");
    char tiny[4];
    duration_format_length(3900000, tiny, sizeof tiny);
    CHECK_EQ_STR(tiny, "1 h");
}

int main(void)
{
    test_valid();
    test_invalid();
    test_clock();
    test_length();
    return check_summary();
}
