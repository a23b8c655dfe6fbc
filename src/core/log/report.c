/* Builds the printable report: the selected sessions are kept (a few hundred bytes each), then
 * written as one HTML page with inline CSS and SVG charts that read in black and white
 * (patterns, markers, labels). Every byte that came from the log goes through esc(). No
 * script, no URL, nothing fetched. libc only, no clock, never prints. */
#include "core/log/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/base/printf.h"
#include "core/base/utf8.h"
#include "core/log/daytext.h"

#define WEEKS_MAX 104   /* weeks drawn in the minutes chart; older ones are left out */
#define TREND 3         /* sessions averaged at each end for "from ... to ..." */

static const char *const SEP_WORDS[REPORT_SEPARATIONS] = { "first", "longest", "reconnect" };

/* ---- the growing buffer ---- */

typedef struct {
    char *s;
    size_t len, cap;
    bool failed;
} buf_t;

static void put_n(buf_t *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *s2 = realloc(b->s, cap);
        if (!s2) {
            b->failed = true;
            return;
        }
        b->s = s2;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void put(buf_t *b, const char *s)
{
    put_n(b, s, strlen(s));
}

static void putf(buf_t *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void putf(buf_t *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        put_n(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put_n(b, big, (size_t)n);
    free(big);
}

/* Text from the log, made safe for HTML text and attribute values: & < > " ' become
 * references; control characters other than a line break or a tab become spaces; UTF-8
 * (accents, emoji) passes as it is. */
static void esc(buf_t *b, const char *s)
{
    for (const char *run = s;; s++) {
        const char *with = NULL;
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&': with = "&amp;"; break;
        case '<': with = "&lt;"; break;
        case '>': with = "&gt;"; break;
        case '"': with = "&quot;"; break;
        case '\'': with = "&#39;"; break;
        case '\0': break;
        default:
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
                with = " ";
        }
        if (with || c == '\0') {
            put_n(b, run, (size_t)(s - run));
            if (c == '\0')
                return;
            put(b, with);
            run = s + 1;
        }
    }
}

/* Writes fmt (a message with one %s) with text, HTML already, in the %s; a piece that could
 * not be built (failed) fails the page. */
static void put_with(buf_t *b, const char *fmt, const char *text, bool failed) PRINTF_LIKE(2, 0);
static void put_with(buf_t *b, const char *fmt, const char *text, bool failed)
{
    b->failed |= failed;
    putf(b, fmt, text ? text : "");
}

/* ---- keeping the sessions ---- */

/* Whether a header column name is one of the separations: it names a separation ("sep") and
 * the kind's word. */
static int separation_kind(const char *name, size_t n)
{
    char col[64];
    if (n >= sizeof col)
        return -1;
    memcpy(col, name, n);
    col[n] = '\0';
    if (!strstr(col, "sep"))
        return -1;
    for (int k = 0; k < REPORT_SEPARATIONS; k++)
        if (strstr(col, SEP_WORDS[k]))
            return k;
    return -1;
}

void report_init(report_t *r, const report_query_t *q)
{
    memset(r, 0, sizeof *r);
    r->q = *q;
    for (int k = 0; k < REPORT_SEPARATIONS; k++)
        r->sep_col[k] = -1;
    /* the columns as this build writes and reads them: rows are parsed by position against
     * RECORD_HEADER, so a name found there is that field of every row long enough to have it */
    const char *h = RECORD_HEADER;
    for (int col = 0; *h && col < RECORD_COLUMNS; col++) {
        size_t n = strcspn(h, ",");
        int k = separation_kind(h, n);
        if (k >= 0 && r->sep_col[k] < 0)
            r->sep_col[k] = col;
        h += n;
        if (*h == ',')
            h++;
    }
}

void report_free(report_t *r)
{
    free(r->sessions);
    r->sessions = NULL;
    r->count = r->cap = 0;
}

bool report_selects(const report_t *r, const record_row_t *row)
{
    return (!r->q.client || history_same_name(row->field[COL_CLIENT], r->q.client)) &&
           (!r->q.plan || history_same_name(row->field[COL_PLAN], r->q.plan)) &&
           (r->q.since == REPORT_NO_DAY || row->day >= r->q.since) &&
           (r->q.until == REPORT_NO_DAY || row->day <= r->q.until);
}

static double seconds_field(const record_row_t *row, int col)
{
    if (col < 0 || col >= row->nfields || col >= RECORD_COLUMNS || !row->field[col][0])
        return -1.0;
    char *end;
    double v = strtod(row->field[col], &end);
    return (*end == '\0' && v >= 0.0 && v < 1e7) ? v : -1.0;
}

bool report_add(report_t *r, const record_row_t *row)
{
    if (!report_selects(r, row))
        return false;
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        report_session_t *s = realloc(r->sessions, cap * sizeof *s);
        if (!s) {
            r->out_of_memory = true;
            return false;
        }
        r->sessions = s;
        r->cap = cap;
    }
    report_session_t *s = &r->sessions[r->count++];
    memset(s, 0, sizeof *s);
    s->started_epoch_ms = row->started_epoch_ms;
    s->day = row->day;
    s->minute = row->minute;
    s->duration_ms = row->duration_ms;
    s->rating = row->rating;
    s->look_backs = row->look_backs;
    s->extends = row->extends;
    s->reconnects = row->reconnects;
    for (int k = 0; k < REPORT_SEPARATIONS; k++)
        s->separation_s[k] = seconds_field(row, r->sep_col[k]);
    utf8_copy(s->outcome, sizeof s->outcome, row->field[COL_OUTCOME]);
    utf8_copy(s->plan, sizeof s->plan, row->field[COL_PLAN]);
    utf8_copy(s->client, sizeof s->client, row->field[COL_CLIENT]);
    utf8_copy(s->note, sizeof s->note, row->field[COL_NOTE]);
    return true;
}

/* ---- words ---- */

static char *day_long(int day, char *buf, size_t size)
{
    /* TRANSLATORS: a date in the report ("Mon 4 Mar 2024"), a strftime format: %a the
       weekday's short name, %-d the day without a leading zero, %b the month's short name, %Y
       the year; order them as dates are written in your language ("%a %-d. %b %Y") */
    /* xgettext:no-c-format */
    return daytext_format(day, 0, _("%a %-d %b %Y"), buf, size);
}

static char *day_short(int day, char *buf, size_t size)
{
    /* TRANSLATORS: a date under a chart of the report ("4 Mar"), a strftime format: %-d the
       day without a leading zero, %b the month's short name */
    /* xgettext:no-c-format */
    return daytext_format(day, 0, _("%-d %b"), buf, size);
}

static char *seconds_words(double s, char *buf, size_t size)
{
    return duration_format_length((int64_t)(s * 1000.0 + 0.5), buf, size);
}

/* A number with at most one decimal, without a trailing ".0". */
static char *num(double v, char *buf, size_t size)
{
    double r = (double)(long long)(v * 10.0 + (v < 0 ? -0.5 : 0.5)) / 10.0;
    if (r == (double)(long long)r)
        snprintf(buf, size, "%lld", (long long)r);
    else
        snprintf(buf, size, "%.1f", r);
    return buf;
}

/* How a session ended, in words (the log writes completed, ended_early, interrupted). */
static const char *outcome_words(const char *o)
{
    if (strcmp(o, "completed") == 0)
        /* TRANSLATORS: how a session ended, in the report's table (column "How it ended") and
           --history: the plan ran to its end */
        return _("completed");
    if (strcmp(o, "ended_early") == 0)
        /* TRANSLATORS: how a session ended: the adult ended it before the plan's end */
        return _("ended early");
    if (strcmp(o, "interrupted") == 0)
        /* TRANSLATORS: how a session ended: the app stopped (closed, crashed, power cut) */
        return _("cut off");
    return o;
}

/* ---- the page ---- */

static const char *const STYLE =
    "@page{size:auto;margin:16mm 14mm}"
    "*{box-sizing:border-box}"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "body{margin:0 auto;max-width:58rem;padding:2rem 1.5rem 3rem;color:#1c2430;background:#fff;"
    "font:11pt/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,Ubuntu,Cantarell,\"Noto Sans\","
    "\"DejaVu Sans\",\"Helvetica Neue\",Arial,sans-serif,\"Apple Color Emoji\",\"Segoe UI Emoji\","
    "\"Noto Color Emoji\"}"
    "header.page{border-bottom:2px solid #1c2430;padding-bottom:.5rem;margin-bottom:1.2rem}"
    "header.page p{margin:.1rem 0;color:#444}"
    ".brand{font-size:.85rem;letter-spacing:.08em;text-transform:uppercase;color:#555}"
    "h1{font-size:1.6rem;margin:.2rem 0}"
    "h2{font-size:1.35rem;margin:0 0 .3rem}"
    "h3{font-size:1rem;margin:1.2rem 0 .4rem}"
    "section.client+section.client{margin-top:2.5rem;border-top:1px solid #999;padding-top:1.2rem}"
    ".summary{background:#f3f5f8;border-left:4px solid #3b5b8c;padding:.6rem .9rem;margin:.6rem 0 1rem}"
    ".summary p{margin:.25rem 0}"
    ".charts{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}"
    "figure{margin:0;border:1px solid #c9d0da;border-radius:6px;padding:.5rem .6rem;"
    "break-inside:avoid;page-break-inside:avoid}"
    "figcaption{font-weight:600;font-size:.95rem}"
    "figure p.how{margin:.1rem 0 .3rem;font-size:.8rem;color:#555}"
    "svg{display:block;width:100%;height:auto}"
    "svg text{font-family:inherit;font-size:12px;fill:#1c2430}"
    "svg .axis{stroke:#1c2430;stroke-width:1}"
    "svg .grid{stroke:#c9d0da;stroke-width:1}"
    "svg .small{font-size:10.5px;fill:#444}"
    "p.none{font-style:italic;color:#444}"
    "table{width:100%;border-collapse:collapse;font-size:9.5pt;margin-top:.3rem}"
    "thead{display:table-header-group}"
    "th{text-align:left;border-bottom:2px solid #1c2430;padding:.3rem .35rem;vertical-align:bottom}"
    "td{border-bottom:1px solid #c9d0da;padding:.3rem .35rem;vertical-align:top}"
    "tr{break-inside:avoid;page-break-inside:avoid}"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}"
    "td.plan{min-width:6.5rem}"
    "td.note{white-space:pre-line;overflow-wrap:anywhere;min-width:8rem}"
    ".stars{letter-spacing:.05em}"
    "footer{margin-top:2rem;border-top:1px solid #999;padding-top:.5rem;font-size:.85rem;color:#444}"
    "@media print{body{max-width:none;padding:0;font-size:10pt}"
    "section.client+section.client{break-before:page;page-break-before:always;margin-top:0;"
    "border-top:0;padding-top:0}"
    ".summary{background:none;border:1px solid #999;border-left:4px solid #1c2430}"
    "figure{border-color:#999}h2,h3{break-after:avoid;page-break-after:avoid}}"
    "@media (max-width:40rem){.charts{grid-template-columns:1fr}}";

/* The period the query asks for, in words. */
static void period_words(buf_t *b, const report_query_t *q)
{
    char a[40], c[40];
    if (q->since != REPORT_NO_DAY && q->until != REPORT_NO_DAY)
        /* TRANSLATORS: the report's period, after "Period: ": from the first date to the second */
        putf(b, _("%s to %s"), day_long(q->since, a, sizeof a), day_long(q->until, c, sizeof c));
    else if (q->since != REPORT_NO_DAY)
        /* TRANSLATORS: the report's period, after "Period: " */
        putf(b, _("since %s"), day_long(q->since, a, sizeof a));
    else if (q->until != REPORT_NO_DAY)
        /* TRANSLATORS: the report's period, after "Period: " */
        putf(b, _("up to %s"), day_long(q->until, a, sizeof a));
    else
        /* TRANSLATORS: the report's period, after "Period: ", when none was asked for */
        put(b, _("all sessions logged"));
}

/* ---- charts ---- */

#define CW 520.0   /* the charts' viewBox */
#define CH 230.0
#define PL 52.0    /* plot area: left, right, top, bottom margins */
#define PR 14.0
#define PT 22.0
#define PB 38.0

typedef void (*tick_fn)(double v, char *buf, size_t size);

static void tick_number(double v, char *buf, size_t size)
{
    num(v, buf, size);
}

static void tick_seconds(double v, char *buf, size_t size)
{
    long long s = (long long)(v + 0.5);
    if (s < 60)
        snprintf(buf, size, _("%lld s"), s);
    else if (s % 60 == 0)
        snprintf(buf, size, _("%lld min"), s / 60);
    else
        snprintf(buf, size, "%lld:%02lld", s / 60, s % 60);
}

/* A step of 1, 2 or 5 times a power of ten giving at most 5 gridlines up to max (max >= 1). */
static double nice_step(double max)
{
    static const double mult[3] = { 1.0, 2.0, 5.0 };
    for (double p = 1.0;; p *= 10.0)
        for (int i = 0; i < 3; i++)
            if (max / (mult[i] * p) <= 5.0)
                return mult[i] * p;
}

/* Steps for seconds: 10 s, 15 s, 30 s, 1, 2, 5, 10, 15, 30 min, 1 h. */
static double seconds_step(double max)
{
    static const double steps[] = { 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600 };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (max / steps[i] <= 5.0)
            return steps[i];
    return nice_step(max / 3600.0) * 3600.0;
}

static double ytop(double max, double step)
{
    double top = step;
    while (top < max - 1e-9)
        top += step;
    return top;
}

static double py(double v, double top)
{
    return PT + (CH - PT - PB) * (1.0 - v / top);
}

/* x of the centre of slot i of n across the plot. */
static double px(size_t i, size_t n)
{
    return PL + (CW - PL - PR) * ((double)i + 0.5) / (double)n;
}

/* Bars take 70% of their slot, never wider than 44 units. */
static double bar_width(size_t n)
{
    double w = (CW - PL - PR) / (double)n * 0.7;
    return w > 44.0 ? 44.0 : w;
}

static void svg_open(buf_t *b, const char *label)
{
    putf(b, "<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", CW, CH);
    esc(b, label);
    put(b, "\">");
}

/* The y grid and its labels, and the axes. */
static void y_axis(buf_t *b, double top, double step, tick_fn fmt, const char *unit)
{
    for (int i = 0; i * step <= top + 1e-9; i++) {
        double v = i * step;
        char t[32];
        fmt(v, t, sizeof t);
        double y = py(v, top);
        putf(b, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
             v == 0.0 ? "axis" : "grid", PL, y, CW - PR, y);
        putf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>", PL - 6, y + 4, t);
    }
    putf(b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", PL, PT - 4, PL, CH - PB);
    if (unit)
        putf(b, "<text class=\"small\" x=\"4\" y=\"12\">%s</text>", unit);
}

/* Date labels under every k-th of n slots (days[i] the slot's day). */
static void x_dates(buf_t *b, const int *days, size_t n)
{
    size_t k = (n + 6) / 7;
    if (k == 0)
        k = 1;
    for (size_t i = 0; i < n; i += k) {
        char t[24];
        double x = px(i, n);
        putf(b, "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", x, CH - PB, x, CH - PB + 4);
        putf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", x, CH - PB + 17,
             day_short(days[i], t, sizeof t));
    }
}

/* A figure's caption, then its "how to read it" paragraph left open for the caller's words. */
static void figure_start(buf_t *b, const char *caption)
{
    putf(b, "<figure><figcaption>%s</figcaption><p class=\"how\">", caption);
}

static void figure_open(buf_t *b, const char *caption, const char *how)
{
    figure_start(b, caption);
    put(b, how);
    put(b, "</p>");
}

static void chart_weeks(buf_t *b, int id, const report_session_t *const *s, size_t n)
{
    int first = s[0]->day - history_weekday(s[0]->day);
    int last = s[n - 1]->day - history_weekday(s[n - 1]->day);
    size_t weeks = (size_t)(last - first) / 7 + 1;   /* last >= first: sorted */
    size_t skip = weeks > WEEKS_MAX ? weeks - WEEKS_MAX : 0;
    weeks -= skip;
    first += (int)skip * 7;
    double *mins = calloc(weeks, sizeof *mins);
    int *days = calloc(weeks, sizeof *days);
    if (!mins || !days) {
        free(mins);
        free(days);
        b->failed = true;
        return;
    }
    for (size_t i = 0; i < weeks; i++)
        days[i] = first + (int)i * 7;
    double max = 0.0;
    for (size_t i = 0; i < n; i++) {
        int w = (s[i]->day - history_weekday(s[i]->day) - first) / 7;
        if (s[i]->day >= first && w >= 0 && (size_t)w < weeks)
            mins[w] += (double)s[i]->duration_ms / 60000.0;
    }
    for (size_t i = 0; i < weeks; i++)
        max = mins[i] > max ? mins[i] : max;
    /* TRANSLATORS: the caption of a chart in the report */
    figure_open(b, _("Minutes per week"),
                /* TRANSLATORS: how to read the report's chart "Minutes per week" */
                skip ? _("Each bar is a week, Monday to Sunday (the latest 104 weeks).")
                     /* TRANSLATORS: how to read the report's chart "Minutes per week" */
                     : _("Each bar is a week, Monday to Sunday; the label under it is its Monday."));
    /* TRANSLATORS: the chart "Minutes per week" described for a screen reader */
    svg_open(b, _("Minutes per week, as bars"));
    putf(b, "<defs><pattern id=\"hatch%d\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
            "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#dbe4f1\"/>"
            "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#2d4a78\" stroke-width=\"2.5\"/>"
            "</pattern></defs>", id);
    double step = nice_step(max > 1.0 ? max : 1.0), top = ytop(max > 1.0 ? max : 1.0, step);
    /* TRANSLATORS: the unit of a chart's axis: minutes, abbreviated */
    y_axis(b, top, step, tick_number, _("min"));
    double bw = bar_width(weeks);
    for (size_t i = 0; i < weeks; i++) {
        if (mins[i] <= 0.0)
            continue;
        double x = px(i, weeks) - bw / 2, y = py(mins[i], top);
        putf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"url(#hatch%d)\" "
                "stroke=\"#1c2430\" stroke-width=\"1\"/>", x, y, bw, CH - PB - y, id);
        if (weeks <= 26) {
            char t[24];
            putf(b, "<text class=\"small\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                 px(i, weeks), y - 4, num(mins[i], t, sizeof t));
        }
    }
    x_dates(b, days, weeks);
    put(b, "</svg></figure>");
    free(mins);
    free(days);
}

static void polyline(buf_t *b, const report_session_t *const *s, size_t n, int k, double top,
                     const char *style)
{
    put(b, "<polyline fill=\"none\" ");
    put(b, style);
    put(b, " points=\"");
    for (size_t i = 0; i < n; i++)
        if (s[i]->separation_s[k] >= 0.0)
            putf(b, "%.1f,%.1f ", px(i, n), py(s[i]->separation_s[k], top));
    put(b, "\"/>");
}

static void chart_separations(buf_t *b, const report_session_t *const *s, size_t n, const int *days)
{
    double max = 0.0;
    bool any_first = false, any_reconnect = false;
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < REPORT_SEPARATIONS; k++)
            max = s[i]->separation_s[k] > max ? s[i]->separation_s[k] : max;
        any_first |= s[i]->separation_s[0] >= 0.0;
        any_reconnect |= s[i]->separation_s[2] >= 0.0;
    }
    /* TRANSLATORS: the caption of a chart in the report */
    figure_start(b, _("Separation reached, per session"));
    /* TRANSLATORS: how to read the report's chart "Separation reached, per session": one
       sentence for each line the chart draws, put one after the other */
    put(b, _("Solid line, filled circles: the longest separation in each session without a reconnect."));
    if (any_first) {
        put(b, " ");
        /* TRANSLATORS: see "Solid line, filled circles: ..." */
        put(b, _("Dashed line, open squares: the first separation."));
    }
    if (any_reconnect) {
        put(b, " ");
        /* TRANSLATORS: see "Solid line, filled circles: ..." */
        put(b, _("Crosses: the separation in which the child first came back to reconnect."));
    }
    put(b, "</p>");
    /* TRANSLATORS: the chart "Separation reached, per session" described for a screen reader */
    svg_open(b, _("The separation reached in each session, as a line with markers"));
    double step = seconds_step(max > 10.0 ? max : 10.0), top = ytop(max > 10.0 ? max : 10.0, step);
    y_axis(b, top, step, tick_seconds, NULL);
    if (any_first) {
        polyline(b, s, n, 0, top, "stroke=\"#555\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"");
        for (size_t i = 0; i < n; i++)
            if (s[i]->separation_s[0] >= 0.0)
                putf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"7\" height=\"7\" fill=\"#fff\" stroke=\"#1c2430\" "
                        "stroke-width=\"1.3\"/>", px(i, n) - 3.5, py(s[i]->separation_s[0], top) - 3.5);
    }
    for (size_t i = 0; i < n; i++)
        if (s[i]->separation_s[2] >= 0.0)
            putf(b, "<path d=\"M%.1f %.1fl10 10m0 -10l-10 10\" stroke=\"#8a1c1c\" stroke-width=\"2\"/>",
                 px(i, n) - 5, py(s[i]->separation_s[2], top) - 5);
    polyline(b, s, n, 1, top, "stroke=\"#2d4a78\" stroke-width=\"2\"");
    size_t best = n;
    for (size_t i = 0; i < n; i++) {
        if (s[i]->separation_s[1] < 0.0)
            continue;
        putf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1c2430\"/>", px(i, n), py(s[i]->separation_s[1], top));
        if (best == n || s[i]->separation_s[1] > s[best]->separation_s[1])
            best = i;
    }
    if (best < n) {
        char t[32];
        tick_seconds(s[best]->separation_s[1], t, sizeof t);
        double x = px(best, n);
        putf(b, "<text class=\"small\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x,
             py(s[best]->separation_s[1], top) - 8, x > CW - 90 ? "end" : x < PL + 40 ? "start" : "middle");
        /* TRANSLATORS: a label on the report's separation chart at its highest point; %s is a
           length ("1 min", "1:30") */
        putf(b, _("longest: %s"), t);
        put(b, "</text>");
    }
    x_dates(b, days, n);
    put(b, "</svg></figure>");
}

static void chart_look_backs(buf_t *b, int id, const report_session_t *const *s, size_t n, const int *days)
{
    double max = 0.0;
    for (size_t i = 0; i < n; i++)
        max = s[i]->look_backs > max ? s[i]->look_backs : max;
    /* TRANSLATORS: the caption of a chart in the report; a look-back is the child looking back
       at the adult during a separation, which the adult marks with a key */
    figure_open(b, _("Look-backs, per session"),
                /* TRANSLATORS: how to read the report's chart "Look-backs, per session" */
                _("Each bar is a session, oldest first: how many times the adult marked that the child looked back."));
    /* TRANSLATORS: the chart "Look-backs, per session" described for a screen reader */
    svg_open(b, _("Look-backs in each session, as bars"));
    putf(b, "<defs><pattern id=\"dots%d\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\">"
            "<rect width=\"5\" height=\"5\" fill=\"#fff\"/><circle cx=\"2.5\" cy=\"2.5\" r=\"1.3\" fill=\"#1c2430\"/>"
            "</pattern></defs>", id);
    double step = nice_step(max > 4.0 ? max : 4.0), top = ytop(max > 4.0 ? max : 4.0, step);
    y_axis(b, top, step, tick_number, NULL);
    double bw = bar_width(n);
    for (size_t i = 0; i < n; i++) {
        double y = py(s[i]->look_backs, top);
        if (s[i]->look_backs > 0)
            putf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"url(#dots%d)\" "
                    "stroke=\"#1c2430\" stroke-width=\"1\"/>", px(i, n) - bw / 2, y, bw, CH - PB - y, id);
        if (n <= 30)
            putf(b, "<text class=\"small\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>", px(i, n),
                 y - 4, s[i]->look_backs);
    }
    x_dates(b, days, n);
    put(b, "</svg></figure>");
}

static void chart_ratings(buf_t *b, const report_session_t *const *s, size_t n, const int *days)
{
    size_t rated = 0;
    for (size_t i = 0; i < n; i++)
        rated += s[i]->rating > 0;
    /* TRANSLATORS: the caption of a chart in the report */
    figure_open(b, _("Ratings, per session"),
                /* TRANSLATORS: how to read the report's chart "Ratings, per session" */
                _("The end screen's rating, 1 to 5 (diamonds); sessions without a rating are left out."));
    if (rated == 0) {
        put(b, "<p class=\"none\">");
        /* TRANSLATORS: the report's chart of ratings when no session has one */
        put(b, _("No session was rated."));
        put(b, "</p></figure>");
        return;
    }
    /* TRANSLATORS: the chart "Ratings, per session" described for a screen reader */
    svg_open(b, _("The rating of each session, 1 to 5, as markers"));
    y_axis(b, 5.0, 1.0, tick_number, NULL);
    put(b, "<polyline fill=\"none\" stroke=\"#777\" stroke-width=\"1\" points=\"");
    for (size_t i = 0; i < n; i++)
        if (s[i]->rating > 0)
            putf(b, "%.1f,%.1f ", px(i, n), py(s[i]->rating, 5.0));
    put(b, "\"/>");
    for (size_t i = 0; i < n; i++) {
        if (s[i]->rating <= 0)
            continue;
        double x = px(i, n), y = py(s[i]->rating, 5.0);
        putf(b, "<path d=\"M%.1f %.1fl6 6l-6 6l-6 -6z\" fill=\"#1c2430\"/>", x, y - 6);
    }
    x_dates(b, days, n);
    put(b, "</svg></figure>");
}

/* ---- one section ---- */

/* Averages of a field over the first and the last k sessions that have it. */
typedef double (*value_fn)(const report_session_t *s);   /* < 0: not there */

static double v_look_backs(const report_session_t *s) { return s->look_backs; }
static double v_rating(const report_session_t *s) { return s->rating > 0 ? s->rating : -1.0; }
static double v_longest(const report_session_t *s) { return s->separation_s[1]; }

static size_t ends(const report_session_t *const *s, size_t n, value_fn f, double *a, double *z, size_t *k)
{
    size_t have = 0;
    for (size_t i = 0; i < n; i++)
        have += f(s[i]) >= 0.0;
    *k = have / 2 < TREND ? have / 2 : TREND;
    *a = *z = 0.0;
    size_t got = 0;
    for (size_t i = 0; i < n && got < *k; i++)
        if (f(s[i]) >= 0.0) {
            *a += f(s[i]);
            got++;
        }
    got = 0;
    for (size_t i = n; i > 0 && got < *k; i--)
        if (f(s[i - 1]) >= 0.0) {
            *z += f(s[i - 1]);
            got++;
        }
    if (*k > 0) {
        *a /= (double)*k;
        *z /= (double)*k;
    }
    return have;
}

/* The counts of how sessions ended, as one sentence. */
static void outcomes(buf_t *b, size_t completed, size_t early, size_t cut)
{
    if (early && cut)
        /* TRANSLATORS: the report's summary: how many sessions were completed, ended early by the
           adult, cut off (the app stopped). A wording that does not change with the number may
           be easiest ("completed: %zu") */
        putf(b, _("%zu completed, %zu ended early, %zu cut off (the app stopped)."), completed, early, cut);
    else if (early)
        /* TRANSLATORS: see "%zu completed, %zu ended early, %zu cut off (the app stopped)." */
        putf(b, _("%zu completed, %zu ended early."), completed, early);
    else if (cut)
        /* TRANSLATORS: see "%zu completed, %zu ended early, %zu cut off (the app stopped)." */
        putf(b, _("%zu completed, %zu cut off (the app stopped)."), completed, cut);
    else
        /* TRANSLATORS: see "%zu completed, %zu ended early, %zu cut off (the app stopped)." */
        putf(b, _("%zu completed."), completed);
}

static void summary_separations(buf_t *b, const report_session_t *const *s, size_t n)
{
    char a[48], z[48], t[48], u[48];
    double x, y;
    size_t k, have = ends(s, n, v_longest, &x, &y, &k);
    if (have == 0)
        return;
    double lo = -1.0, hi = -1.0;
    for (size_t i = 0; i < n; i++) {
        double v = s[i]->separation_s[1];
        if (v >= 0.0 && (lo < 0.0 || v < lo))
            lo = v;
        hi = v > hi ? v : hi;
    }
    put(b, "<p>");
    if (have == 1)
        /* TRANSLATORS: the report's summary; %s is a length ("1 min 30 s") */
        putf(b, _("Separation: the longest reached was %s (one session with separations logged)."),
             seconds_words(hi, a, sizeof a));
    else
        /* TRANSLATORS: the report's summary: the shortest and the longest separation reached
           (%1$s, %2$s), then the longest in a session on average over the first %4$zu sessions
           (%3$s) and over the latest %6$zu (%5$s). Keep the <strong> tags round the same words. */
        putf(b, P_("Separations from <strong>%s</strong> to <strong>%s</strong>: the longest in a session "
                   "averaged %s in the first %zu session and %s in the latest %zu.",
                   "Separations from <strong>%s</strong> to <strong>%s</strong>: the longest in a session "
                   "averaged %s in the first %zu sessions and %s in the latest %zu.", k),
             seconds_words(lo, a, sizeof a), seconds_words(hi, z, sizeof z), seconds_words(x, t, sizeof t),
             k, seconds_words(y, u, sizeof u), k);
    put(b, "</p>");
}

static void summary_ratings(buf_t *b, const report_session_t *const *s, size_t n)
{
    char a[48], z[48], t[48];
    double x, y, sum = 0.0;
    size_t k, have = ends(s, n, v_rating, &x, &y, &k);
    for (size_t i = 0; i < n; i++)
        sum += s[i]->rating;
    put(b, "<p>");
    if (have == 0)
        /* TRANSLATORS: the report's summary: no session has a rating */
        put(b, _("Ratings: none given."));
    else if (k > 0)
        /* TRANSLATORS: the report's summary: %1$zu sessions rated of %2$zu, %3$s the average
           rating (out of 5), then the average over the first %5$zu rated (%4$s) and over the
           latest %7$zu rated (%6$s). Keep the <strong> tags round the same words. */
        putf(b, P_("Ratings: %zu of %zu session rated, <strong>%s of 5</strong> on average (from %s in the "
                   "first %zu rated to %s in the latest %zu).",
                   "Ratings: %zu of %zu sessions rated, <strong>%s of 5</strong> on average (from %s in the "
                   "first %zu rated to %s in the latest %zu).", n),
             have, n, num(sum / (double)have, a, sizeof a), num(x, z, sizeof z), k, num(y, t, sizeof t), k);
    else
        /* TRANSLATORS: the report's summary: %1$zu sessions rated of %2$zu, %3$s the average
           rating (out of 5). Keep the <strong> tags round the same words. */
        putf(b, P_("Ratings: %zu of %zu session rated, <strong>%s of 5</strong> on average.",
                   "Ratings: %zu of %zu sessions rated, <strong>%s of 5</strong> on average.", n),
             have, n, num(sum / (double)have, a, sizeof a));
    put(b, "</p>");
}

static void summary(buf_t *b, const report_session_t *const *s, size_t n)
{
    char a[48], z[48], t[48], u[48];
    int64_t ms = 0;
    size_t completed = 0, early = 0, cut = 0;
    for (size_t i = 0; i < n; i++) {
        ms += s[i]->duration_ms;
        completed += strcmp(s[i]->outcome, "completed") == 0;
        early += strcmp(s[i]->outcome, "ended_early") == 0;
        cut += strcmp(s[i]->outcome, "interrupted") == 0;
    }
    int w0 = s[0]->day - history_weekday(s[0]->day), w1 = s[n - 1]->day - history_weekday(s[n - 1]->day);
    int weeks = (w1 - w0) / 7 + 1;
    int64_t whole_minutes = (ms + 30000) / 60000;
    put(b, "<div class=\"summary\"><p>");
    if (n == 1)
        /* TRANSLATORS: the report's summary of a single session: %1$s its date, %2$s its
           minutes. Keep the <strong> tags round the same words. */
        putf(b, P_("<strong>1 session</strong>, on %s: <strong>%s minute</strong>.",
                   "<strong>1 session</strong>, on %s: <strong>%s minutes</strong>.", whole_minutes),
             day_long(s[0]->day, a, sizeof a), num((double)whole_minutes, t, sizeof t));
    else
        /* TRANSLATORS: the report's summary: %1$zu sessions (two or more) over %2$d weeks (the
           plural follows the weeks), from the date %3$s to the date %4$s, %5$s minutes in all,
           %6$s minutes a session on average. Keep the <strong> tags round the same words. */
        putf(b, P_("<strong>%zu sessions</strong> over %d week, from %s to %s: <strong>%s minutes</strong> "
                   "in all, about %s minutes a session.",
                   "<strong>%zu sessions</strong> over %d weeks, from %s to %s: <strong>%s minutes</strong> "
                   "in all, about %s minutes a session.", weeks),
             n, weeks, day_long(s[0]->day, a, sizeof a), day_long(s[n - 1]->day, z, sizeof z),
             num((double)whole_minutes, t, sizeof t), num((double)ms / 60000.0 / (double)n, u, sizeof u));
    put(b, "</p><p>");
    outcomes(b, completed, early, cut);
    put(b, "</p>");
    summary_separations(b, s, n);
    double x, y;
    size_t k;
    ends(s, n, v_look_backs, &x, &y, &k);
    put(b, "<p>");
    if (k > 0)
        /* TRANSLATORS: the report's summary: look-backs a session on average over the first
           %3$zu sessions (%1$s) and over the latest %4$zu (%2$s). Keep the <strong> tags round
           the same words. */
        putf(b, P_("Look-backs from <strong>%s</strong> to <strong>%s</strong> a session (the first %zu session "
                   "and the latest %zu, on average).",
                   "Look-backs from <strong>%s</strong> to <strong>%s</strong> a session (the first %zu sessions "
                   "and the latest %zu, on average).", k),
             num(x, a, sizeof a), num(y, z, sizeof z), k, k);
    else
        /* TRANSLATORS: the report's summary when it holds one session */
        putf(b, P_("%d look-back in the one session.", "%d look-backs in the one session.", s[0]->look_backs),
             s[0]->look_backs);
    put(b, "</p>");
    summary_ratings(b, s, n);
    put(b, "</div>");
}

static void table(buf_t *b, const report_session_t *const *s, size_t n, bool seps)
{
    /* TRANSLATORS: a heading of the report, over its table of sessions */
    putf(b, "<h3>%s</h3>", _("Sessions"));
    putf(b, "<table><thead><tr><th class=\"n\">#</th><th>%s</th><th>%s</th><th class=\"n\">%s</th><th>%s</th>",
         /* TRANSLATORS: column headings of the report's table of sessions: a session's date,
            plan, length, how it ended */
         _("Date"), _("Plan"), _("Length"), _("How it ended"));
    putf(b, "<th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>",
         /* TRANSLATORS: column headings of the report's table: the session's rating (1 to 5),
            look-backs, reconnects (the child came back during a separation) */
         _("Rating"), _("Look-backs"), _("Reconnects"));
    if (seps)
        /* TRANSLATORS: a column heading of the report's table */
        putf(b, "<th class=\"n\">%s</th>", _("Longest separation"));
    /* TRANSLATORS: a column heading of the report's table: the adult's note on the session */
    putf(b, "<th>%s</th></tr></thead><tbody>", _("Note"));
    for (size_t i = 0; i < n; i++) {
        char day[48], len[48];
        putf(b, "<tr><td class=\"n\">%zu</td><td>", i + 1);
        day_long(s[i]->day, day, sizeof day);
        for (const char *c = day; *c; c++)   /* the date holds together; the time may go below it */
            put(b, *c == ' ' ? "&nbsp;" : (char[2]){ *c, '\0' });
        putf(b, " %02d:%02d</td><td class=\"plan\">", s[i]->minute / 60, s[i]->minute % 60);
        esc(b, s[i]->plan);
        putf(b, "</td><td class=\"n\">%s</td><td>", duration_format_length(s[i]->duration_ms, len, sizeof len));
        esc(b, outcome_words(s[i]->outcome));
        put(b, "</td><td class=\"d\">");
        if (s[i]->rating > 0) {
            put(b, "<span class=\"stars\" aria-hidden=\"true\">");
            for (int k = 1; k <= 5; k++)
                put(b, k <= s[i]->rating ? "&#9733;" : "&#9734;");
            putf(b, "</span> %d/5", s[i]->rating);
        } else {
            put(b, "&ndash;");
        }
        putf(b, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td>", s[i]->look_backs, s[i]->reconnects);
        if (seps) {
            if (s[i]->separation_s[1] >= 0.0)
                putf(b, "<td class=\"n\">%s</td>", seconds_words(s[i]->separation_s[1], len, sizeof len));
            else
                put(b, "<td class=\"n\">&ndash;</td>");
        }
        put(b, "<td class=\"note\">");
        esc(b, s[i]->note);
        put(b, "</td></tr>");
    }
    put(b, "</tbody></table>");
}

static void section(buf_t *b, int id, const report_session_t *const *s, size_t n, const char *title,
                    const char *client)
{
    if (n == 0)
        return;
    put(b, "<section class=\"client\">");
    if (client) {
        buf_t label = { 0 };
        esc(&label, client);
        put(b, "<h2>");
        /* TRANSLATORS: a heading of the report: %s is the client's label */
        put_with(b, _("Client: %s"), label.s, label.failed);
        put(b, "</h2>");
        free(label.s);
    } else if (title) {
        putf(b, "<h2>%s</h2>", title);
    }
    summary(b, s, n);
    int *days = malloc(n * sizeof *days);
    if (!days) {
        b->failed = true;
        return;
    }
    bool seps = false;
    for (size_t i = 0; i < n; i++) {
        days[i] = s[i]->day;
        seps |= s[i]->separation_s[1] >= 0.0 || s[i]->separation_s[0] >= 0.0;
    }
    /* TRANSLATORS: a heading of the report, over its charts */
    putf(b, "<h3>%s</h3><div class=\"charts\">", _("Charts"));
    chart_weeks(b, id, s, n);
    if (seps)
        chart_separations(b, s, n, days);
    chart_look_backs(b, id, s, n, days);
    chart_ratings(b, s, n, days);
    put(b, "</div>");
    free(days);
    table(b, s, n, seps);
    put(b, "</section>");
}

static int by_start(const void *pa, const void *pb)
{
    const report_session_t *a = pa, *b = pb;
    if (a->started_epoch_ms != b->started_epoch_ms)
        return a->started_epoch_ms < b->started_epoch_ms ? -1 : 1;
    int c = strcmp(a->client, b->client);
    return c ? c : strcmp(a->plan, b->plan);
}

static int ci_compare(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : (unsigned char)*a;
        int y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : (unsigned char)*b;
        if (x != y || !x)
            return x - y;
    }
}

static int by_label(const void *pa, const void *pb)
{
    const char *const *a = pa, *const *b = pb;
    return ci_compare(*a, *b);
}

static void head(buf_t *b, const report_t *r)
{
    char day[48];
    put(b, "<!DOCTYPE html>\n<html lang=\"");
    /* TRANSLATORS: the report page's language, for its HTML lang attribute: your language's
       code (de, es, fr) */
    esc(b, _("en"));
    put(b, "\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
           "<meta name=\"referrer\" content=\"no-referrer\"><title>");
    /* TRANSLATORS: the report page's title (a browser's tab, a printed page's header) */
    esc(b, _("Safe Base report"));
    if (r->q.client) {
        put(b, " &middot; ");
        esc(b, r->count ? r->sessions[0].client : r->q.client);
    }
    put(b, "</title><style>");
    put(b, STYLE);
    put(b, "</style></head><body><header class=\"page\"><div class=\"brand\">Safe Base &middot; ");
    /* TRANSLATORS: above the report's heading, after "Safe Base · " (shown in capitals) */
    esc(b, _("session report"));
    put(b, "</div><h1>");
    if (r->q.client)
        esc(b, r->count ? r->sessions[0].client : r->q.client);
    else
        /* TRANSLATORS: the report's heading when it covers every client, one section each */
        esc(b, _("Every client"));
    put(b, "</h1><p>");
    buf_t period = { 0 };
    period_words(&period, &r->q);
    /* TRANSLATORS: under the report's heading: %s is the period ("since Mon 4 Mar 2024", "all
       sessions logged") */
    put_with(b, _("Period: %s"), period.s, period.failed);
    free(period.s);
    if (r->q.plan) {
        buf_t plan = { 0 };
        esc(&plan, r->q.plan);
        put(b, " &middot; ");
        /* TRANSLATORS: under the report's heading, after the period: %s is the plan's title */
        put_with(b, _("plan: %s"), plan.s, plan.failed);
        free(plan.s);
    }
    put(b, "</p><p>");
    /* TRANSLATORS: under the report's heading: %s is today's date */
    putf(b, _("Made on %s from the session log."), day_long(r->q.today, day, sizeof day));
    put(b, "</p></header>");
}

char *report_html(report_t *r, size_t *len)
{
    buf_t b = { 0 };
    if (r->count > 1)
        qsort(r->sessions, r->count, sizeof r->sessions[0], by_start);
    const report_session_t **list = calloc(r->count + 1, sizeof(const report_session_t *));
    const char **labels = malloc((r->count + 1) * sizeof *labels);
    if (!list || !labels) {
        free(list);
        free(labels);
        return NULL;
    }
    head(&b, r);
    if (r->count == 0) {
        put(&b, "<section class=\"client\"><p class=\"none\">");
        if (r->logs_missing)
            /* TRANSLATORS: the report (and --history) before the first session is logged */
            put(&b, _("No sessions logged yet. They will appear here after the first one."));
        else
            put(&b, _("There are no sessions in this period."));
        put(&b, "</p></section>");
    } else if (r->q.client) {
        for (size_t i = 0; i < r->count; i++)
            list[i] = &r->sessions[i];
        section(&b, 0, list, r->count, NULL, NULL);   /* the page's title names the client */
    } else {
        /* the labels, once each (case does not matter), in alphabetical order */
        size_t nlabels = 0;
        bool unnamed = false;
        for (size_t i = 0; i < r->count; i++) {
            const char *c = r->sessions[i].client;
            if (!c[0]) {
                unnamed = true;
                continue;
            }
            size_t j = 0;
            while (j < nlabels && !history_same_name(labels[j], c))
                j++;
            if (j == nlabels)
                labels[nlabels++] = c;
        }
        qsort(labels, nlabels, sizeof *labels, by_label);
        int id = 0;
        for (size_t j = 0; j <= nlabels; j++) {
            if (j == nlabels && !unnamed)
                break;
            const char *want = j < nlabels ? labels[j] : "";
            size_t n = 0;
            for (size_t i = 0; i < r->count; i++)
                if (history_same_name(r->sessions[i].client, want))
                    list[n++] = &r->sessions[i];
            /* TRANSLATORS: a heading of the report: the sessions logged without a client's label */
            section(&b, id++, list, n, _("Sessions without a client"), j < nlabels ? want : NULL);
        }
    }
    put(&b, "<footer>");
    /* TRANSLATORS: the report page's footer */
    put(&b, _("Client labels are pseudonyms. This page holds private notes: keep it as you keep the log. "
              "Made by Safe Base, offline."));
    put(&b, "</footer></body></html>\n");
    free(list);
    free(labels);
    if (b.failed) {
        free(b.s);
        return NULL;
    }
    if (len)
        *len = b.len;
    return b.s;
}
