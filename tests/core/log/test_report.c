/* Tests of the printable report with a fake "today": everything from the log escaped (a note
 * with <script>, quotes, ampersands; accents and emoji kept as UTF-8), only the client asked
 * for, one section per client otherwise, an empty log's page, the date and plan filters, the
 * summary's words, and nothing that fetches or runs (no script, no URL). Rows are real CSV
 * lines read by the real parser; the separation columns are filled when this build has them. */
#include <stdlib.h>

#include "check.h"
#include "core/log/report.h"

#define MIN_MS 60000LL

static int D(int y, int m, int d) { return record_days_from_civil(y, m, d); }

static int sep_col[REPORT_SEPARATIONS];

/* A row that started on day at hh:mm (UTC+1), lasting minutes; longest < 0: no separations. */
static const record_row_t *row(int day, int hh, int mm, const char *plan, const char *client, double minutes,
                               int rating, int look_backs, const char *note, double longest)
{
    static record_row_t r;
    int64_t start = ((int64_t)day * 86400 + hh * 3600 + mm * 60 - 3600) * 1000;
    char f[RECORD_COLUMNS][256];
    for (int i = 0; i < RECORD_COLUMNS; i++)
        f[i][0] = '\0';
    record_format_time(start, 3600, f[COL_STARTED], sizeof f[0]);
    record_format_time(start + (int64_t)(minutes * MIN_MS), 3600, f[COL_ENDED], sizeof f[0]);
    snprintf(f[COL_PLAN], sizeof f[0], "%s", plan);
    snprintf(f[COL_PLANNED], sizeof f[0], "900.0");
    snprintf(f[COL_DURATION], sizeof f[0], "%.1f", minutes * 60.0);
    snprintf(f[COL_PAUSED], sizeof f[0], "0.0");
    snprintf(f[COL_OUTCOME], sizeof f[0], "completed");
    snprintf(f[COL_PHASES_COMPLETED], sizeof f[0], "1");
    snprintf(f[COL_PHASES_TOTAL], sizeof f[0], "1");
    snprintf(f[COL_CLIENT], sizeof f[0], "%s", client);
    if (rating)
        snprintf(f[COL_RATING], sizeof f[0], "%d", rating);
    snprintf(f[COL_LOOK_BACKS], sizeof f[0], "%d", look_backs);
    snprintf(f[COL_EXTENDS], sizeof f[0], "0");
    snprintf(f[COL_RECONNECTS], sizeof f[0], "0");
    snprintf(f[COL_NOTE], sizeof f[0], "%s", note);
    for (int k = 0; k < REPORT_SEPARATIONS; k++)
        if (sep_col[k] >= 0 && longest >= 0)
            snprintf(f[sep_col[k]], sizeof f[0], "%.1f", k == 1 ? longest : longest / 2);
    char line[RECORD_MAX_LINE], err[160];
    size_t len = 0;
    for (int i = 0; i < RECORD_COLUMNS; i++) {
        if (i)
            line[len++] = ',';
        int n = record_csv_field(f[i], line + len, sizeof line - len);
        CHECK(n >= 0);
        len += (size_t)n;
    }
    bool ok = record_parse(line, len, &r, err, sizeof err);
    if (!ok)
        fprintf(stderr, "parse: %s\n", err);
    CHECK(ok);
    return &r;
}

static report_query_t query(void)
{
    report_query_t q = { .today = D(2024, 3, 20), .since = REPORT_NO_DAY, .until = REPORT_NO_DAY };
    return q;
}

/* Robin: three sessions over two weeks; Sam: one; one without a client. */
static char *page_of(report_query_t q, size_t *count)
{
    report_t r;
    report_init(&r, &q);
    report_add(&r, row(D(2024, 3, 11), 9, 0, "Special playtime", "Robin", 12, 3, 1, "first <b>one</b>", 30));
    report_add(&r, row(D(2024, 3, 4), 9, 0, "Safe-base dance", "Sam", 20, 0, 2,
                       "<script>alert(\"Sam's\")</script> & more", 40));
    report_add(&r, row(D(2024, 3, 13), 18, 30, "Safe-base dance", "robin", 14, 4, 3,
                       "<b>\"quoted\" & \xC3\xA9moji \xF0\x9F\x99\x82</b>", 60));
    report_add(&r, row(D(2024, 3, 18), 8, 5, "Special playtime", "Robin", 16, 5, 6, "", 95));
    report_add(&r, row(D(2024, 3, 19), 8, 5, "Special playtime", "", 10, 0, 0, "nobody's", -1));
    *count = r.count;
    char *html = report_html(&r, NULL);
    report_free(&r);
    CHECK(html != NULL);
    return html;
}

static int occurrences(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

/* Nothing that runs or fetches: no script, no URL, no src or href at all. */
static void check_inert(const char *html)
{
    CHECK(strstr(html, "<script") == NULL);
    CHECK(strstr(html, "http:") == NULL);
    CHECK(strstr(html, "https:") == NULL);
    CHECK(strstr(html, "src=") == NULL);
    CHECK(strstr(html, "href=") == NULL);
    CHECK(strstr(html, "url(#") == NULL || strstr(html, "url(http") == NULL);
    CHECK(strstr(html, "@import") == NULL);
    CHECK(strstr(html, "<meta charset=\"utf-8\">") != NULL);
    CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0);
    CHECK(strstr(html, "</html>\n") != NULL);
}

static void test_one_client(void)
{
    report_query_t q = query();
    q.client = "ROBIN";
    size_t n;
    char *html = page_of(q, &n);
    CHECK_EQ_INT(n, 3);
    check_inert(html);
    CHECK(strstr(html, "<h1>Robin</h1>") != NULL);            /* the label as logged */
    CHECK(strstr(html, "Sam") == NULL);                       /* no other client, nor their note */
    CHECK(strstr(html, "alert") == NULL);
    CHECK(strstr(html, "nobody") == NULL);
    CHECK(strstr(html, "Sessions without a client") == NULL);
    CHECK(strstr(html, "&lt;b&gt;&quot;quoted&quot; &amp; \xC3\xA9moji \xF0\x9F\x99\x82&lt;/b&gt;") != NULL);
    CHECK(strstr(html, "first &lt;b&gt;one&lt;/b&gt;") != NULL);
    CHECK(strstr(html, "<b>") == NULL);
    CHECK(strstr(html, "<strong>3 sessions</strong> over 2 weeks, from Mon 11 Mar 2024 to Mon 18 Mar 2024") != NULL);
    CHECK(strstr(html, "<strong>42 minutes</strong> in all, about 14 minutes a session") != NULL);
    CHECK(strstr(html, "Look-backs from <strong>1</strong> to <strong>6</strong> a session") != NULL);
    CHECK(strstr(html, "3 of 3 sessions rated, <strong>4 of 5</strong> on average") != NULL);
    CHECK(strstr(html, "Made on Wed 20 Mar 2024") != NULL);
    CHECK(strstr(html, "Minutes per week") != NULL);
    CHECK(strstr(html, "Look-backs, per session") != NULL);
    CHECK(strstr(html, "Ratings, per session") != NULL);
    CHECK_EQ_INT(occurrences(html, "<section class=\"client\">"), 1);
    CHECK_EQ_INT(occurrences(html, "<tr><td class=\"n\">"), 3);
    /* oldest first in the table, whatever order the rows came in */
    CHECK(strstr(html, "Mon&nbsp;11&nbsp;Mar&nbsp;2024 09:00") < strstr(html, "Wed&nbsp;13&nbsp;Mar&nbsp;2024 18:30"));
    if (sep_col[1] >= 0) {
        CHECK(strstr(html, "Separation reached, per session") != NULL);
        CHECK(strstr(html, "Separations from <strong>30 s</strong> to <strong>1 min 35 s</strong>") != NULL);
        CHECK(strstr(html, "longest: 1:35") != NULL);
    } else {
        CHECK(strstr(html, "Separation reached") == NULL);    /* the log has no such columns yet */
        CHECK(strstr(html, "Longest separation") == NULL);
    }
    free(html);
}

static void test_every_client(void)
{
    size_t n;
    char *html = page_of(query(), &n);
    CHECK_EQ_INT(n, 5);
    check_inert(html);
    CHECK(strstr(html, "<h1>Every client</h1>") != NULL);
    CHECK_EQ_INT(occurrences(html, "<section class=\"client\">"), 3);
    const char *robin = strstr(html, "<h2>Client: Robin</h2>"), *sam = strstr(html, "<h2>Client: Sam</h2>"),
               *none = strstr(html, "<h2>Sessions without a client</h2>");
    CHECK(robin && sam && none && robin < sam && sam < none);   /* alphabetical; no client last */
    /* the note with a script is text, with every quote escaped */
    CHECK(strstr(html, "&lt;script&gt;alert(&quot;Sam&#39;s&quot;)&lt;/script&gt; &amp; more") != NULL);
    CHECK(strstr(html, "nobody&#39;s") != NULL);
    /* pattern ids differ between sections (one document) */
    CHECK(strstr(html, "id=\"hatch0\"") && strstr(html, "id=\"hatch1\"") && strstr(html, "id=\"hatch2\""));
    CHECK_EQ_INT(occurrences(html, "id=\"hatch1\""), 1);
    CHECK(strstr(html, "<p>1 look-back in the one session") == NULL);
    CHECK(strstr(html, "<p>2 look-backs in the one session.</p>") != NULL);
    CHECK(strstr(html, "Ratings: none given.") != NULL);
    free(html);
}

static void test_filters(void)
{
    report_query_t q = query();
    q.since = D(2024, 3, 12);
    q.until = D(2024, 3, 18);
    size_t n;
    char *html = page_of(q, &n);
    CHECK_EQ_INT(n, 2);
    CHECK(strstr(html, "Period: Tue 12 Mar 2024 to Mon 18 Mar 2024") != NULL);
    CHECK(strstr(html, "Mon&nbsp;11&nbsp;Mar&nbsp;2024 09:00") == NULL);
    CHECK(strstr(html, "Tue&nbsp;19&nbsp;Mar") == NULL);
    CHECK(strstr(html, "Wed&nbsp;13&nbsp;Mar&nbsp;2024 18:30") != NULL);
    free(html);

    q = query();
    q.plan = "special PLAYTIME";
    html = page_of(q, &n);
    CHECK_EQ_INT(n, 3);
    CHECK(strstr(html, "Safe-base dance</td>") == NULL);
    CHECK(strstr(html, " &middot; plan: special PLAYTIME") != NULL);
    free(html);

    q = query();
    q.since = D(2024, 3, 19);
    q.client = "Robin";
    html = page_of(q, &n);
    CHECK_EQ_INT(n, 0);
    CHECK(strstr(html, "There are no sessions in this period.") != NULL);
    CHECK(strstr(html, "<h1>Robin</h1>") != NULL);
    CHECK(strstr(html, "nobody") == NULL);
    free(html);
}

static void test_empty(void)
{
    report_query_t q = query();
    report_t r;
    report_init(&r, &q);
    size_t len = 0;
    char *html = report_html(&r, &len);
    CHECK(html != NULL);
    CHECK_EQ_INT(len, strlen(html));
    check_inert(html);
    CHECK(strstr(html, "There are no sessions in this period.") != NULL);
    CHECK(strstr(html, "Period: all sessions logged") != NULL);
    CHECK(strstr(html, "<svg") == NULL);
    free(html);
    r.logs_missing = 1;
    html = report_html(&r, NULL);
    CHECK(strstr(html, "No sessions logged yet.") != NULL);
    free(html);
    report_free(&r);
}

/* Control characters in a note never reach the page; a line break stays (shown as one). */
static void test_controls(void)
{
    report_query_t q = query();
    report_t r;
    report_init(&r, &q);
    report_add(&r, row(D(2024, 3, 11), 9, 0, "A\x1b[31m plan", "Robin", 12, 3, 1, "two\nlines\x07", -1));
    char *html = report_html(&r, NULL);
    CHECK(strstr(html, "A [31m plan") != NULL);
    CHECK(strstr(html, "two\nlines ") != NULL);
    CHECK(strchr(html, '\x1b') == NULL && strchr(html, '\x07') == NULL);
    free(html);
    report_free(&r);
}

/* Many sessions: the page is built whole, charts thin out their labels. */
static void test_many(void)
{
    report_query_t q = query();
    q.client = "Robin";
    report_t r;
    report_init(&r, &q);
    for (int i = 0; i < 400; i++)
        CHECK(report_add(&r, row(D(2022, 1, 1) + i * 2, 9, 0, "Special playtime", "Robin", 10 + i % 7, 1 + i % 5,
                                 i % 9, "a note", 10 + i)));
    CHECK_EQ_INT(r.count, 400);
    char *html = report_html(&r, NULL);
    CHECK(html != NULL);
    CHECK(strstr(html, "<strong>400 sessions</strong> over 115 weeks") != NULL);
    CHECK(strstr(html, "the latest 104 weeks") != NULL);
    CHECK_EQ_INT(occurrences(html, "<tr><td class=\"n\">"), 400);
    free(html);
    report_free(&r);
}

int main(void)
{
    report_query_t q = query();
    report_t r;
    report_init(&r, &q);
    memcpy(sep_col, r.sep_col, sizeof sep_col);
    report_free(&r);
    test_one_client();
    test_every_client();
    test_filters();
    test_empty();
    test_controls();
    test_many();
    return check_summary();
}
