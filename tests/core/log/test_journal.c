/* Tests of the journal's encoding: records come back byte for byte (quotes, commas, newlines
 * in a note), one live and one held record at most, and a journal cut short or altered is
 * refused with its line rather than half-read. */
#include "check.h"
#include "core/log/journal.h"

#include <stdlib.h>

#define LIVE_LINE "2024-03-04T09:30:00+01:00,2024-03-04T09:35:00+01:00,Special playtime,900.0,300.0,0.0,interrupted,1,3,Robin,,1,0,0,\n"
#define DONE_LINE "2024-03-04T09:30:00+01:00,2024-03-04T09:45:00+01:00,Special playtime,900.0,900.0,0.0,completed,3,3,Robin,5,2,0,0,\"a \"\"good\"\" one,\nreally\"\n"

static journal_t *fresh(void)
{
    journal_t *j = calloc(1, sizeof *j);
    journal_init(j, "0001709541000000-4242", "/home/u/.local/share/safebase/sessions.csv");
    return j;
}

static void test_round_trip(void)
{
    journal_t *j = fresh(), *back = calloc(1, sizeof *back);
    CHECK(journal_put(j, JOURNAL_PENDING, DONE_LINE));
    CHECK(journal_put(j, JOURNAL_LIVE, LIVE_LINE));
    char *buf = malloc(JOURNAL_MAX_BYTES), err[160];
    int n = journal_encode(j, buf, JOURNAL_MAX_BYTES);
    CHECK(n > 0);
    CHECK(strncmp(buf, JOURNAL_MAGIC "\nid 0001709541000000-4242\nlog /home/u/", 45) == 0);
    CHECK(journal_decode(buf, (size_t)n, back, err, sizeof err));
    CHECK_EQ_STR(back->id, j->id);
    CHECK_EQ_STR(back->log, j->log);
    CHECK_EQ_INT(back->count, 2);
    CHECK_EQ_INT(back->items[0].kind, JOURNAL_PENDING);
    CHECK_EQ_STR(back->items[0].line, DONE_LINE);
    CHECK_EQ_INT(back->items[0].len, (int)strlen(DONE_LINE));
    CHECK_EQ_INT(back->items[1].kind, JOURNAL_LIVE);
    CHECK_EQ_STR(back->items[1].line, LIVE_LINE);
    /* an empty journal is valid too */
    journal_t *empty = fresh();
    n = journal_encode(empty, buf, JOURNAL_MAX_BYTES);
    CHECK(journal_decode(buf, (size_t)n, back, err, sizeof err));
    CHECK_EQ_INT(back->count, 0);
    CHECK_EQ_INT(journal_encode(j, buf, 100), -1); /* too small: refused, not cut */
    free(empty);
    free(buf);
    free(back);
    free(j);
}

static void test_kinds(void)
{
    journal_t *j = fresh();
    CHECK(journal_put(j, JOURNAL_LIVE, LIVE_LINE));
    CHECK(journal_put(j, JOURNAL_LIVE, LIVE_LINE)); /* a checkpoint replaces the last one */
    CHECK_EQ_INT(j->count, 1);
    CHECK(journal_put(j, JOURNAL_HELD, DONE_LINE));
    CHECK_EQ_INT(j->count, 2);
    journal_remove(j, journal_find(j, JOURNAL_LIVE));
    CHECK_EQ_INT(j->count, 1);
    CHECK_EQ_INT(j->items[0].kind, JOURNAL_HELD);
    CHECK_EQ_INT(journal_find(j, JOURNAL_LIVE), -1);
    CHECK(journal_put(j, JOURNAL_PENDING, DONE_LINE));
    CHECK(journal_put(j, JOURNAL_PENDING, DONE_LINE)); /* pending records add up */
    CHECK_EQ_INT(j->count, 3);
    CHECK(!journal_put(j, JOURNAL_PENDING, "no newline"));
    CHECK(!journal_put(j, JOURNAL_PENDING, ""));
    while (j->count < JOURNAL_MAX_ENTRIES)
        journal_put(j, JOURNAL_PENDING, DONE_LINE);
    CHECK(!journal_put(j, JOURNAL_PENDING, DONE_LINE)); /* full: the caller is told */
    free(j);
}

static bool decodes(const char *text, char *err, size_t errsize)
{
    static journal_t j;
    return journal_decode(text, strlen(text), &j, err, errsize);
}

static void test_damaged(void)
{
    char err[160];
    const char *head = JOURNAL_MAGIC "\nid 1-2\nlog /l.csv\n";
    char text[2048];
    snprintf(text, sizeof text, "%slive %zu\n%send\n", head, strlen(LIVE_LINE), LIVE_LINE);
    CHECK(decodes(text, err, sizeof err));
    snprintf(text, sizeof text, "%slive %zu\n%s", head, strlen(LIVE_LINE), LIVE_LINE);
    CHECK(!decodes(text, err, sizeof err));
    CHECK(strstr(err, "no \"end\"") != NULL);
    snprintf(text, sizeof text, "%slive %zu\n%.40s", head, strlen(LIVE_LINE), LIVE_LINE);
    CHECK(!decodes(text, err, sizeof err));
    CHECK(strstr(err, "line 5: the record is cut short") != NULL);
    snprintf(text, sizeof text, "%sgone %zu\n%send\n", head, strlen(LIVE_LINE), LIVE_LINE);
    CHECK(!decodes(text, err, sizeof err));
    CHECK(strstr(err, "line 4") != NULL);
    snprintf(text, sizeof text, "%slive %zu\n%send\n", head, strlen(LIVE_LINE) - 3, LIVE_LINE);
    CHECK(!decodes(text, err, sizeof err)); /* a wrong length never lands on a newline */
    CHECK(!decodes("something else\n", err, sizeof err));
    CHECK(strstr(err, "not a Safe Base journal") != NULL);
    snprintf(text, sizeof text, "%send\nmore\n", head);
    CHECK(!decodes(text, err, sizeof err));
    CHECK(strstr(err, "after \"end\"") != NULL);
}

int main(void)
{
    test_round_trip();
    test_kinds();
    test_damaged();
    return check_summary();
}
