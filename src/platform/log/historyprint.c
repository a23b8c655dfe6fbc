/* Prints the history: this week's days with a session, sessions and minutes, minutes per plan,
 * the last sessions, and one client's trend; or the rows as CSV. Reads the log once, in
 * constant memory. Words are chosen not to judge: days without a session are just dots. */
#include "platform/log/historyprint.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/duration.h"
#include "platform/log/logdir.h"

static const char *const WEEKDAYS[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char *const MONTHS[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

int historyprint_today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return record_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

typedef struct {
    history_t *h;
    FILE *csv, *warn;
    const char *path;
    long bad;
    char line[RECORD_MAX_LINE + RECORD_COLUMNS * 2];
} loader_t;

static void on_record(void *ctx, const logread_event_t *ev)
{
    loader_t *l = ctx;
    if (ev->kind == LOGREAD_BAD) {
        if (l->bad++ < HISTORYPRINT_MAX_WARNINGS && l->warn)
            fprintf(l->warn, "safebase: %s:%ld: %s (skipped)\n", l->path, ev->line, ev->why);
    } else if (ev->kind == LOGREAD_ROW && history_add(l->h, ev->row) && l->csv &&
               record_format_row(ev->row, l->line, sizeof l->line) > 0) {
        fputs(l->line, l->csv);
    }
}

static void on_dir_record(void *ctx, const char *path, const logread_event_t *ev)
{
    loader_t *l = ctx;
    l->path = path;
    on_record(l, ev);
}

logfile_read_t historyprint_load_dir(const char *dir, history_t *h, FILE *csv, FILE *warn, long *bad,
                                     char *err, size_t errsize)
{
    loader_t *l = calloc(1, sizeof *l);
    char(*paths)[LOGDIR_PATH] = malloc(LOGDIR_MAX_FILES * sizeof *paths);
    logfile_read_t r = LOGFILE_READ_FAILED;
    int n = 0;
    *bad = 0;
    if (!l || !paths) {
        snprintf(err, errsize, "out of memory");
        goto done;
    }
    *l = (loader_t){ .h = h, .csv = csv, .warn = warn, .path = dir };
    if ((n = logdir_list(dir, paths, LOGDIR_MAX_FILES, err, errsize)) < 0)
        goto done;
    if (csv)
        fputs(RECORD_HEADER "\n", csv);
    r = logdir_read(paths, n, 0, on_dir_record, l, warn, NULL);
    if (r == LOGFILE_READ_MISSING)
        snprintf(err, errsize, "no device's log in %s yet", dir);
    if (l->bad > HISTORYPRINT_MAX_WARNINGS && warn)
        fprintf(warn, "safebase: %s: %ld more damaged lines skipped\n", dir, l->bad - HISTORYPRINT_MAX_WARNINGS);
    *bad = l->bad;
done:
    free(paths);
    free(l);
    return r;
}

logfile_read_t historyprint_load(const char *path, history_t *h, FILE *csv, FILE *warn, long *bad,
                                 char *err, size_t errsize)
{
    loader_t *l = calloc(1, sizeof *l);
    if (!l) {
        snprintf(err, errsize, "out of memory");
        return LOGFILE_READ_FAILED;
    }
    *l = (loader_t){ .h = h, .csv = csv, .warn = warn, .path = path };
    if (csv)
        fputs(RECORD_HEADER "\n", csv);
    logfile_read_t r = logfile_read(path, 0, on_record, l, err, errsize);
    if (l->bad > HISTORYPRINT_MAX_WARNINGS && warn)
        fprintf(warn, "safebase: %s: %ld more damaged lines skipped\n", path, l->bad - HISTORYPRINT_MAX_WARNINGS);
    *bad = l->bad;
    free(l);
    return r;
}

/* "Wed 6 Mar" (and " 2024" when with_year). */
static char *day_name(int day, bool with_year, char *buf, size_t size)
{
    int y, m, d;
    record_civil_from_days(day, &y, &m, &d);
    int n = snprintf(buf, size, "%s %d %s", WEEKDAYS[history_weekday(day)], d, MONTHS[m - 1]);
    if (with_year && n > 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, " %d", y);
    return buf;
}

static int chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Writes s padded with spaces to width characters (UTF-8 counted as characters). */
static void pad(FILE *out, const char *s, int width)
{
    int n = chars(s);
    fprintf(out, "%s%*s", s, width > n ? width - n : 0, "");
}

/* n with thousands grouped: "24,917,491". Returns buf. */
static char *grouped(long long n, char *buf, size_t size)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n), out = n < 0;
    if (n < 0)
        buf[0] = '-';
    for (int i = 0; i < len && (size_t)out + 2 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[out++] = ',';
        buf[out++] = digits[i];
    }
    buf[out] = '\0';
    return buf;
}

/* Whole minutes of ms, grouped. */
static char *minutes(int64_t ms, char *buf, size_t size)
{
    return grouped((ms + 30000) / 60000, buf, size);
}

/* The width of the plan column: the longest title shown, within reason. */
static int plan_width(const history_t *h)
{
    int w = 12;
    for (int i = 0; i < h->nplans; i++)
        w = chars(h->plans[i].name) > w ? chars(h->plans[i].name) : w;
    for (int i = 0; i < h->nlast; i++)
        w = chars(h->last[i].plan) > w ? chars(h->last[i].plan) : w;
    return (w > 40 ? 40 : w) + 2;
}

static void print_scope(const history_t *h, FILE *out)
{
    char a[40], b[40];
    fprintf(out, "Safe Base history");
    if (h->q.since != HISTORY_NO_DAY && h->q.until != HISTORY_NO_DAY)
        fprintf(out, " \xC2\xB7 %s to %s", day_name(h->q.since, true, a, sizeof a), day_name(h->q.until, true, b, sizeof b));
    else if (h->q.since != HISTORY_NO_DAY)
        fprintf(out, " \xC2\xB7 since %s", day_name(h->q.since, true, a, sizeof a));
    else if (h->q.until != HISTORY_NO_DAY)
        fprintf(out, " \xC2\xB7 up to %s", day_name(h->q.until, true, a, sizeof a));
    else
        fprintf(out, " \xC2\xB7 all sessions");
    if (h->q.client)
        fprintf(out, " \xC2\xB7 %s", h->client[0] ? h->client : h->q.client);
    if (h->q.plan)
        fprintf(out, " \xC2\xB7 %s", h->q.plan);
    fprintf(out, "\n\n");
}

static void print_week(const history_t *h, FILE *out)
{
    char a[40];
    if (h->ref_day == h->q.today)
        pad(out, "This week", 12);
    else
        fprintf(out, "Week of %s\n%12s", day_name(h->monday, true, a, sizeof a), "");
    for (int i = 0; i < 7; i++)
        fprintf(out, "%s %s%s", WEEKDAYS[i], h->week[i] ? "\xE2\x97\x8F" : "\xC2\xB7", i < 6 ? "  " : "\n");
    char n[32], m[32];
    if (h->week_sessions == 0)
        fprintf(out, "%12sNo sessions yet this week\n\n", "");
    else
        fprintf(out, "%12s%s session%s, %s min\n\n", "", grouped(h->week_sessions, n, sizeof n),
                h->week_sessions == 1 ? "" : "s", minutes(h->week_ms, m, sizeof m));
}

static void print_totals(const history_t *h, FILE *out)
{
    char n[32], m[32];
    int width = plan_width(h);
    fprintf(out, "Sessions    %s \xC2\xB7 %s min in all \xC2\xB7 %.1f min on average\n", grouped(h->sessions, n, sizeof n),
            minutes(h->total_ms, m, sizeof m), (double)h->total_ms / 60000.0 / (double)h->sessions);
    for (int i = 0; i <= h->nplans; i++) {
        bool other = i == h->nplans;
        long count = other ? h->other_sessions : h->plans[i].sessions;
        if (count == 0)
            continue;
        pad(out, i == 0 ? "By plan" : "", 12);
        pad(out, other ? "Other plans" : h->plans[i].name, width);
        fprintf(out, "%9s session%s %12s min\n", grouped(count, n, sizeof n), count == 1 ? " " : "s",
                minutes(other ? h->other_ms : h->plans[i].ms, m, sizeof m));
    }
    fprintf(out, "\n");
}

static const char *outcome_words(const char *outcome)
{
    if (strcmp(outcome, "ended_early") == 0)
        return "ended early";
    return outcome;
}

static void print_last(const history_t *h, FILE *out)
{
    fprintf(out, "Last sessions\n");
    for (int i = 0; i < h->nlast; i++) {
        const history_session_t *s = &h->last[i];
        char when[64], len[48], stars[32] = "";
        day_name(s->day, false, when, sizeof when);
        snprintf(when + strlen(when), sizeof when - strlen(when), " %02d:%02d", s->minute / 60, s->minute % 60);
        duration_format_length(s->duration_ms, len, sizeof len);
        for (int k = 1; s->rating > 0 && k <= 5; k++)
            strcat(stars, k <= s->rating ? "\xE2\x98\x85" : "\xE2\x98\x86");
        fprintf(out, "  ");
        pad(out, when, 18);
        pad(out, s->plan, plan_width(h));
        pad(out, len, 13);
        pad(out, outcome_words(s->outcome), 13);
        pad(out, stars, 7);
        fprintf(out, "%s\n", s->client);
    }
    fprintf(out, "\n");
}

static void print_trend(const history_t *h, FILE *out)
{
    history_trend_t first, last;
    if (!history_trend(h, &first, &last))
        return;
    fprintf(out, "%s: the first %d session%s and the latest %d\n", h->client,
            first.sessions, first.sessions == 1 ? "" : "s", last.sessions);
    if (first.rated > 0 && last.rated > 0)
        fprintf(out, "  rating       %4.1f \xE2\x86\x92 %.1f\n", first.rating, last.rating);
    fprintf(out, "  minutes      %4.1f \xE2\x86\x92 %.1f\n", first.minutes, last.minutes);
    fprintf(out, "  look-backs   %4.1f \xE2\x86\x92 %.1f\n", first.look_backs, last.look_backs);
}

void historyprint_report(const history_t *h, FILE *out)
{
    print_scope(h, out);
    print_week(h, out);
    if (h->sessions == 0) {
        fprintf(out, "No sessions in this range.\n");
        return;
    }
    print_totals(h, out);
    print_last(h, out);
    print_trend(h, out);
}

static bool parse_day(const char *name, const char *value, int *day, FILE *err)
{
    if (!value)
        return true;
    if (record_parse_date(value, day))
        return true;
    fprintf(err, "safebase: %s: \"%s\" is not a date (YYYY-MM-DD, e.g. 2024-03-04)\n", name, value);
    return false;
}

int historyprint_main(const char *log_path, const char *log_dir, const char *since, const char *until,
                      const char *client, const char *plan, bool csv, FILE *out, FILE *err)
{
    history_query_t q = { .today = historyprint_today(), .since = HISTORY_NO_DAY,
                          .until = HISTORY_NO_DAY, .client = client, .plan = plan };
    if (!parse_day("--since", since, &q.since, err) || !parse_day("--until", until, &q.until, err))
        return 2;
    if (q.since != HISTORY_NO_DAY && q.until != HISTORY_NO_DAY && q.since > q.until) {
        fprintf(err, "safebase: --since %s comes after --until %s\n", since, until);
        return 2;
    }
    history_t *h = malloc(sizeof *h);
    if (!h)
        return 1;
    history_init(h, &q);
    long bad = 0;
    char why[600];
    logfile_read_t r = log_dir ? historyprint_load_dir(log_dir, h, csv ? out : NULL, err, &bad, why, sizeof why)
                               : historyprint_load(log_path, h, csv ? out : NULL, err, &bad, why, sizeof why);
    int status = 0;
    if (r == LOGFILE_READ_FAILED) {
        fprintf(err, "safebase: %s\n", why);
        status = 1;
    } else if (!csv && r == LOGFILE_READ_MISSING) {
        fprintf(out, "No sessions logged yet (%s). They will appear here after the first one.\n",
                log_dir ? log_dir : log_path);
    } else if (!csv) {
        historyprint_report(h, out);
    }
    free(h);
    return status;
}
