/* Tests of reading a log as a stream: the same records come out whatever the chunk size; a
 * damaged line (torn, wrong field count, invalid UTF-8, a different header, too long) is
 * skipped with its line number and the lines after it are still read. */
#include "check.h"
#include "core/log/logread.h"

#include <stdlib.h>

#define GOOD(day, note) "2024-03-" day "T09:30:00+01:00,2024-03-" day "T09:45:00+01:00,Special playtime," \
                        "900.0,900.0,0.0,completed,3,3,Robin,4,2,0,0," note "\n"
#define OLD(day) "2024-02-" day "T10:00:00+01:00,2024-02-" day "T10:10:00+01:00,Safe-base dance,600.0,600.0,0.0,completed,5,5\n"

typedef struct {
    char kinds[64];      /* R row, H header, B bad */
    long lines[64];
    char notes[64][64];
    char whys[64][240];
    int n;
} seen_t;

static void on_event(void *ctx, const logread_event_t *ev)
{
    seen_t *s = ctx;
    if (s->n >= 63)
        return;
    s->kinds[s->n] = ev->kind == LOGREAD_ROW ? 'R' : ev->kind == LOGREAD_HEADER ? 'H' : 'B';
    s->lines[s->n] = ev->line;
    s->notes[s->n][0] = s->whys[s->n][0] = '\0';
    if (ev->kind == LOGREAD_ROW)
        snprintf(s->notes[s->n], sizeof s->notes[0], "%s", ev->row->field[COL_NOTE]);
    if (ev->kind == LOGREAD_BAD)
        snprintf(s->whys[s->n], sizeof s->whys[0], "%s", ev->why);
    s->n++;
    s->kinds[s->n] = '\0';
}

/* Reads text in chunks of the given size (0 = all at once). */
static seen_t *read_log(const char *text, size_t len, size_t chunk, bool tail)
{
    static logread_t r;
    seen_t *s = calloc(1, sizeof *s);
    logread_init(&r, tail);
    size_t step = chunk ? chunk : len;
    for (size_t at = 0; at < len; at += step)
        logread_feed(&r, text + at, len - at < step ? len - at : step, on_event, s);
    logread_finish(&r, on_event, s);
    return s;
}

/* Reads it at several chunk sizes, checks they agree, returns the whole-text reading. */
static seen_t *read_all_ways(const char *text)
{
    size_t len = strlen(text);
    seen_t *whole = read_log(text, len, 0, false);
    static const size_t sizes[] = { 1, 2, 7, 64, 4097 };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        seen_t *s = read_log(text, len, sizes[i], false);
        CHECK_EQ_STR(s->kinds, whole->kinds);
        CHECK(memcmp(s->lines, whole->lines, sizeof s->lines) == 0);
        free(s);
    }
    return whole;
}

static void test_good_and_old(void)
{
    seen_t *s = read_all_ways(RECORD_HEADER "\n" GOOD("04", "") GOOD("05", "fine"));
    CHECK_EQ_STR(s->kinds, "HRR");
    CHECK_EQ_STR(s->notes[2], "fine");
    free(s);
    /* an old log: the 9-column header and rows, then new rows appended under it */
    s = read_all_ways(RECORD_HEADER_V1 "\n" OLD("01") OLD("02") GOOD("04", ""));
    CHECK_EQ_STR(s->kinds, "HRRR");
    free(s);
    /* CRLF (a spreadsheet saved it), a byte order mark, blank lines, a pasted-in header */
    s = read_all_ways("\xEF\xBB\xBF" RECORD_HEADER "\r\n\r\n" GOOD("04", "a\r") "\n" RECORD_HEADER "\n" GOOD("05", ""));
    CHECK_EQ_STR(s->kinds, "HRHR");
    CHECK_EQ_STR(s->notes[1], "a");
    CHECK_EQ_INT(s->lines[3], 6);
    free(s);
}

static void test_quoted_newlines(void)
{
    seen_t *s = read_all_ways(RECORD_HEADER "\n" GOOD("04", "\"two\nlines, \"\"quoted\"\"\"") GOOD("05", ""));
    CHECK_EQ_STR(s->kinds, "HRR");
    CHECK_EQ_STR(s->notes[1], "two\nlines, \"quoted\"");
    CHECK_EQ_INT(s->lines[1], 2);
    CHECK_EQ_INT(s->lines[2], 4); /* line numbers count physical lines */
    free(s);
}

static void test_damaged(void)
{
    /* a torn line (cut in a quoted note) then a record: the record is not swallowed */
    const char *torn_mid = RECORD_HEADER "\n"
                           "2024-03-04T09:30:00+01:00,2024-03-04T09:45:00+01:00,Special playtime,900.0,9\n"
                           GOOD("05", "\"cut off here") GOOD("06", "");
    seen_t *s = read_all_ways(torn_mid);
    CHECK_EQ_STR(s->kinds, "HBBR");
    CHECK_EQ_INT(s->lines[1], 2);
    CHECK(strstr(s->whys[1], "5 fields") != NULL);
    CHECK_EQ_INT(s->lines[2], 3);
    CHECK(strstr(s->whys[2], "not closed") != NULL);
    CHECK_EQ_INT(s->lines[3], 4);
    free(s);
    /* a torn last line, no newline at its end */
    s = read_all_ways(RECORD_HEADER "\n" GOOD("04", "") "2024-03-05T09:30:00+01:00,2024-03-05T09:4");
    CHECK_EQ_STR(s->kinds, "HRB");
    CHECK_EQ_INT(s->lines[2], 3);
    CHECK(strstr(s->whys[2], "torn last line") != NULL);
    free(s);
    /* a whole last line without its newline is still a record */
    char whole[1024];
    snprintf(whole, sizeof whole, "%s", GOOD("04", ""));
    whole[strlen(whole) - 1] = '\0';
    s = read_all_ways(whole);
    CHECK_EQ_STR(s->kinds, "R");
    free(s);
    /* wrong field count, invalid UTF-8, each named by line; good lines around them */
    s = read_all_ways(RECORD_HEADER "\n" GOOD("04", "") "a,b,c\n" GOOD("05", "caf\xe9") GOOD("06", ""));
    CHECK_EQ_STR(s->kinds, "HRBBR");
    CHECK_EQ_INT(s->lines[2], 3);
    CHECK(strstr(s->whys[2], "3 fields") != NULL);
    CHECK_EQ_INT(s->lines[3], 4);
    CHECK(strstr(s->whys[3], "invalid UTF-8") != NULL);
    free(s);
}

static void test_header_and_long(void)
{
    /* a different header: line 1 is reported, the rows are still read by position */
    seen_t *s = read_all_ways("date,plan,minutes\n" GOOD("04", ""));
    CHECK_EQ_STR(s->kinds, "BR");
    CHECK_EQ_INT(s->lines[0], 1);
    CHECK(strstr(s->whys[0], "neither the header") != NULL);
    free(s);
    /* a line far too long is skipped; the next one is read */
    size_t big = 9000;
    char *text = malloc(big + 1024);
    memset(text, 'x', big);
    text[big] = '\n';
    strcpy(text + big + 1, GOOD("04", ""));
    s = read_all_ways(text);
    CHECK_EQ_STR(s->kinds, "BR");
    CHECK(strstr(s->whys[0], "longer than") != NULL);
    CHECK_EQ_INT(s->lines[1], 2);
    free(s);
    /* a tail read starts mid-line: the partial first line is dropped silently */
    s = read_log(text + 100, strlen(text + 100), 3, true);
    CHECK_EQ_STR(s->kinds, "R");
    free(s);
    free(text);
    /* an opened quote that never closes spans at most LOGREAD_MAX_LINES lines */
    char many[4096] = RECORD_HEADER "\n\"open\n";
    for (int i = 0; i < 30; i++)
        strcat(many, "more text\n");
    strcat(many, GOOD("04", ""));
    s = read_all_ways(many);
    CHECK_EQ_STR(s->kinds, "HBBBBBBBBBBBBR"); /* the open quote, then each leftover line alone */
    CHECK_EQ_INT(s->lines[1], 2);
    CHECK_EQ_INT(s->lines[2], 2 + LOGREAD_MAX_LINES);
    CHECK_EQ_INT(s->lines[13], 33);
    free(s);
}

int main(void)
{
    test_good_and_old();
    test_quoted_newlines();
    test_damaged();
    test_header_and_long();
    return check_summary();
}
