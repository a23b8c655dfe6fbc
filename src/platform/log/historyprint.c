/* Prints the history: this week's days with a session, sessions and minutes, minutes per plan,
 * the last sessions, and one client's trend; or the rows as CSV. Reads the log once, in
 * constant memory. Words are chosen not to judge: days without a session are just dots. */
#include "platform/log/historyprint.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/log/daytext.h"
#include "platform/log/logload.h"
#include "platform/sys/i18n.h"

int historyprint_today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    return record_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static bool add_row(void *h, const record_row_t *row)
{
    return history_add(h, row);
}

logfile_read_t historyprint_load(const char *path, history_t *h, FILE *csv, FILE *warn, long *bad,
                                 char *err, size_t errsize)
{
    return logload_file(path, add_row, h, csv, warn, bad, err, errsize);
}

logfile_read_t historyprint_load_dir(const char *dir, history_t *h, FILE *csv, FILE *warn, long *bad,
                                     char *err, size_t errsize)
{
    return logload_dir(dir, add_row, h, csv, warn, bad, err, errsize);
}

/* "Wed 6 Mar 2024" in the user's language (LC_TIME's names, a translated order). */
static char *day_name(int day, char *buf, size_t size)
{
    /* TRANSLATORS: a date in --history ("Wed 6 Mar 2024"), a strftime format: %a the weekday's
       short name, %-d the day without a leading zero, %b the month's short name, %Y the year;
       order them as dates are written in your language ("%a %-d. %b %Y") */
    /* xgettext:no-c-format */
    return daytext_format(day, 0, _("%a %-d %b %Y"), buf, size);
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
    /* TRANSLATORS: the heading of --history, followed by " · " and the period */
    fputs(_("Safe Base history"), out);
    fputs(" \xC2\xB7 ", out);
    if (h->q.since != HISTORY_NO_DAY && h->q.until != HISTORY_NO_DAY)
        /* TRANSLATORS: --history's period: from the first date to the second */
        fprintf(out, _("%s to %s"), day_name(h->q.since, a, sizeof a), day_name(h->q.until, b, sizeof b));
    else if (h->q.since != HISTORY_NO_DAY)
        /* TRANSLATORS: --history's period */
        fprintf(out, _("since %s"), day_name(h->q.since, a, sizeof a));
    else if (h->q.until != HISTORY_NO_DAY)
        /* TRANSLATORS: --history's period */
        fprintf(out, _("up to %s"), day_name(h->q.until, a, sizeof a));
    else
        /* TRANSLATORS: --history's period when none was asked for */
        fputs(_("all sessions"), out);
    if (h->q.client)
        fprintf(out, " \xC2\xB7 %s", h->client[0] ? h->client : h->q.client);
    if (h->q.plan)
        fprintf(out, " \xC2\xB7 %s", h->q.plan);
    fprintf(out, "\n\n");
}

static void print_week(const history_t *h, FILE *out)
{
    char a[40], day[32];
    if (h->ref_day == h->q.today) {
        /* TRANSLATORS: --history: the label left of this week's days (12 columns) */
        pad(out, _("This week"), 12);
    } else {
        /* TRANSLATORS: --history: the week shown, when it is not this one; %s is its Monday */
        fprintf(out, _("Week of %s"), day_name(h->monday, a, sizeof a));
        fprintf(out, "\n%12s", "");
    }
    for (int i = 0; i < 7; i++)   /* the weekday's short name in LC_TIME's language */
        fprintf(out, "%s %s%s", daytext_weekday(i, "%a", day, sizeof day), h->week[i] ? "\xE2\x97\x8F" : "\xC2\xB7",
                i < 6 ? "  " : "\n");
    char n[32], m[32];
    fprintf(out, "%12s", "");
    if (h->week_sessions == 0)
        /* TRANSLATORS: --history, under this week's days */
        fputs(_("No sessions yet this week"), out);
    else
        /* TRANSLATORS: --history: this week's sessions and minutes (whole numbers, grouped
           with commas) */
        fprintf(out, P_("%s session, %s min", "%s sessions, %s min", h->week_sessions),
                grouped(h->week_sessions, n, sizeof n), minutes(h->week_ms, m, sizeof m));
    fputs("\n\n", out);
}

static void print_totals(const history_t *h, FILE *out)
{
    char n[32], m[32];
    int width = plan_width(h);
    /* TRANSLATORS: --history: a label left of the totals (12 columns) */
    pad(out, _("Sessions"), 12);
    /* TRANSLATORS: --history: the sessions in the range, their minutes in all and on average */
    fprintf(out, _("%s \xC2\xB7 %s min in all \xC2\xB7 %.1f min on average"), grouped(h->sessions, n, sizeof n),
            minutes(h->total_ms, m, sizeof m), (double)h->total_ms / 60000.0 / (double)h->sessions);
    fputs("\n", out);
    for (int i = 0; i <= h->nplans; i++) {
        bool other = i == h->nplans;
        long count = other ? h->other_sessions : h->plans[i].sessions;
        if (count == 0)
            continue;
        /* TRANSLATORS: --history: the label left of the sessions of each plan (12 columns) */
        pad(out, i == 0 ? _("By plan") : "", 12);
        /* TRANSLATORS: --history: the plans past the first 16, counted together */
        pad(out, other ? _("Other plans") : h->plans[i].name, width);
        /* TRANSLATORS: --history: a plan's sessions and minutes, in columns: keep the widths
           (%9s and %12s) and make both forms as long, so the columns line up */
        fprintf(out, P_("%9s session  %12s min", "%9s sessions %12s min", count), grouped(count, n, sizeof n),
                minutes(other ? h->other_ms : h->plans[i].ms, m, sizeof m));
        fputs("\n", out);
    }
    fprintf(out, "\n");
}

/* How a session ended, in words (the log writes completed, ended_early, interrupted). */
static const char *outcome_words(const char *outcome)
{
    if (strcmp(outcome, "completed") == 0)
        /* TRANSLATORS: how a session ended, in --history's last sessions (12 columns) */
        return _("completed");
    if (strcmp(outcome, "ended_early") == 0)
        /* TRANSLATORS: how a session ended: the adult ended it before the plan's end */
        return _("ended early");
    if (strcmp(outcome, "interrupted") == 0)
        /* TRANSLATORS: how a session ended: the app stopped (closed, crashed, power cut) */
        return _("interrupted");
    return outcome;
}

static void print_last(const history_t *h, FILE *out)
{
    /* TRANSLATORS: --history: the heading of the latest sessions */
    fputs(_("Last sessions"), out);
    fputs("\n", out);
    for (int i = 0; i < h->nlast; i++) {
        const history_session_t *s = &h->last[i];
        char when[64], len[48], stars[32] = "";
        /* TRANSLATORS: when a session started, in --history ("Wed 6 Mar 09:30"; 16 columns), a
           strftime format: %a the weekday's short name, %-d the day without a leading zero, %b
           the month's short name, %H:%M the time */
        /* xgettext:no-c-format */
        daytext_format(s->day, s->minute, _("%a %-d %b %H:%M"), when, sizeof when);
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

/* "  rating       3.0 → 4.5": a label in its column, then the first and the latest average. */
static void trend_row(FILE *out, const char *label, double first, double last)
{
    fputs("  ", out);
    pad(out, label, 13);
    fprintf(out, "%4.1f \xE2\x86\x92 %.1f\n", first, last);
}

static void print_trend(const history_t *h, FILE *out)
{
    history_trend_t first, last;
    if (!history_trend(h, &first, &last))
        return;
    /* TRANSLATORS: --history, one client's trend: %1$s the client, then how many of their first
       and latest sessions are compared (the same number) */
    fprintf(out, P_("%s: the first %d session and the latest %d", "%s: the first %d sessions and the latest %d",
                    first.sessions), h->client, first.sessions, last.sessions);
    fputs("\n", out);
    if (first.rated > 0 && last.rated > 0)
        /* TRANSLATORS: --history, one client's trend: a row's label (13 columns) */
        trend_row(out, _("rating"), first.rating, last.rating);
    /* TRANSLATORS: --history, one client's trend: a row's label (13 columns) */
    trend_row(out, _("minutes"), first.minutes, last.minutes);
    /* TRANSLATORS: --history, one client's trend: a row's label (13 columns) */
    trend_row(out, _("look-backs"), first.look_backs, last.look_backs);
}

void historyprint_report(const history_t *h, FILE *out)
{
    print_scope(h, out);
    print_week(h, out);
    if (h->sessions == 0) {
        /* TRANSLATORS: --history, when no session lies in the dates asked for */
        fputs(_("No sessions in this range."), out);
        fputs("\n", out);
        return;
    }
    print_totals(h, out);
    print_last(h, out);
    print_trend(h, out);
}

int historyprint_main(const char *log_path, const char *log_dir, const char *since, const char *until,
                      const char *client, const char *plan, bool csv, FILE *out, FILE *err)
{
    history_query_t q = { .today = historyprint_today(), .since = HISTORY_NO_DAY,
                          .until = HISTORY_NO_DAY, .client = client, .plan = plan };
    if (!logload_days(since, until, &q.since, &q.until, err))
        return 2;
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
        i18n_say(err, "%s", why);
        status = 1;
    } else if (!csv && r == LOGFILE_READ_MISSING) {
        /* TRANSLATORS: --history before the first session is logged; %s is the log or its folder */
        fprintf(out, _("No sessions logged yet (%s). They will appear here after the first one."),
                log_dir ? log_dir : log_path);
        fputs("\n", out);
    } else if (!csv) {
        historyprint_report(h, out);
    }
    free(h);
    return status;
}
