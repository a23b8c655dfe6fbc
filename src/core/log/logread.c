/* Splits a log's bytes into records, line by line, and parses each one. A quoted field may
 * span lines (RFC 4180), but a line that starts like a new record always starts one, so a torn
 * line never swallows the records after it. Never allocates, never changes the input. */
#include "core/log/logread.h"

#include <stdio.h>
#include <string.h>

#include "core/base/translate.h"

void logread_init(logread_t *r, bool skip_first_line)
{
    memset(r, 0, sizeof *r);
    r->skip_first = skip_first_line;
}

static void emit_bad(long line, const char *why, logread_fn fn, void *ctx)
{
    logread_event_t ev = { .kind = LOGREAD_BAD, .line = line, .why = why };
    fn(ctx, &ev);
}

/* One whole record: a header, a good row, or a bad line. */
static void complete(logread_t *r, const char *text, size_t n, long line, bool torn,
                     logread_fn fn, void *ctx)
{
    bool first = !r->seen_record;
    r->seen_record = true;
    logread_event_t ev = { .kind = LOGREAD_HEADER, .line = line };
    if (record_is_header(text, n)) {
        fn(ctx, &ev);
        return;
    }
    char err[160];
    if (record_parse(text, n, &r->row, err, sizeof err)) {
        ev.kind = LOGREAD_ROW;
        ev.row = &r->row;
        fn(ctx, &ev);
        return;
    }
    if (first)
        /* TRANSLATORS: the first line of a session log that is not its header; the header's
           words stay in English; %s says what is wrong with it as a record */
        snprintf(r->why, sizeof r->why, _("neither the header (started,ended,plan,...) nor a record: %.150s"), err);
    else if (torn)
        /* TRANSLATORS: %s says what is wrong with the log's last line, which has no newline */
        snprintf(r->why, sizeof r->why, _("%.150s (a torn last line: no newline at its end)"), err);
    else
        snprintf(r->why, sizeof r->why, "%.150s", err);
    emit_bad(line, r->why, fn, ctx);
}

/* "YYYY-MM-DD" at the start of a line: how every record begins. */
static bool looks_like_record(const char *s, size_t n)
{
    if (n < 11)
        return false;
    for (int i = 0; i < 10; i++) {
        bool digit = s[i] >= '0' && s[i] <= '9';
        if ((i == 4 || i == 7) ? s[i] != '-' : !digit)
            return false;
    }
    return true;
}

static bool odd_quotes(const char *s, size_t n)
{
    bool odd = false;
    for (const char *q = memchr(s, '"', n); q; q = memchr(q + 1, '"', n - (size_t)(q + 1 - s)))
        odd = !odd;
    return odd;
}

static void drop_pending(logread_t *r, logread_fn fn, void *ctx)
{
    if (!r->rec_start)
        return;
    /* TRANSLATORS: what is wrong with a line of the session log */
    emit_bad(r->rec_start, _("a quoted field is not closed (the line looks cut off)"), fn, ctx);
    r->rec_start = 0;
}

/* One physical line (without its newline). */
static void physical(logread_t *r, const char *s, size_t n, bool too_long, bool torn,
                     logread_fn fn, void *ctx)
{
    long line = ++r->lineno;
    if (r->skip_first) {
        r->skip_first = false;
        return;
    }
    if (n > 0 && s[n - 1] == '\r')
        n--;
    if (line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, n -= 3;
    if (too_long) {
        drop_pending(r, fn, ctx);
        snprintf(r->why, sizeof r->why, _("longer than %d bytes"), RECORD_MAX_LINE);
        emit_bad(line, r->why, fn, ctx);
        return;
    }
    bool spill = r->rec_len + 1 + n > RECORD_MAX_LINE || r->rec_lines >= LOGREAD_MAX_LINES;
    if (r->rec_start && (looks_like_record(s, n) || spill))
        drop_pending(r, fn, ctx); /* this line is then read on its own */
    if (r->rec_start) { /* inside a quoted field that spans lines */
        r->rec_lines++;
        r->rec[r->rec_len++] = '\n';
        memcpy(r->rec + r->rec_len, s, n);
        r->rec_len += n;
        if (odd_quotes(s, n)) {
            long start = r->rec_start;
            r->rec_start = 0;
            complete(r, r->rec, r->rec_len, start, torn, fn, ctx);
        }
        return;
    }
    if (n == 0)
        return; /* a blank line: nothing to say */
    if (odd_quotes(s, n)) {
        memcpy(r->rec, s, n);
        r->rec_len = n;
        r->rec_lines = 1;
        r->rec_start = line;
        return;
    }
    complete(r, s, n, line, torn, fn, ctx);
}

void logread_feed(logread_t *r, const char *data, size_t len, logread_fn fn, void *ctx)
{
    while (len > 0) {
        const char *nl = memchr(data, '\n', len);
        size_t n = nl ? (size_t)(nl - data) : len;
        if (r->line_len == 0 && !r->line_long && nl && n <= RECORD_MAX_LINE) {
            physical(r, data, n, false, false, fn, ctx); /* the common case: no copy */
        } else {
            if (r->line_len + n > RECORD_MAX_LINE)
                r->line_long = true;
            else
                memcpy(r->line + r->line_len, data, n), r->line_len += n;
            if (nl) {
                physical(r, r->line, r->line_len, r->line_long, false, fn, ctx);
                r->line_len = 0;
                r->line_long = false;
            }
        }
        if (!nl)
            return;
        data += n + 1;
        len -= n + 1;
    }
}

void logread_finish(logread_t *r, logread_fn fn, void *ctx)
{
    if (r->line_len > 0 || r->line_long)
        physical(r, r->line, r->line_len, r->line_long, true, fn, ctx);
    r->line_len = 0;
    r->line_long = false;
    drop_pending(r, fn, ctx);
}
