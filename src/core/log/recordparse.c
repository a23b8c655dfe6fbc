/* Reads one log record back: RFC 4180 fields, ISO 8601 times, seconds with decimals, and the
 * counts. Strict about what it accepts and clear about why it refuses, naming the column;
 * libc only, no allocation, no clock. Fast enough for a million rows a second. */
#include "core/log/record.h"

#include <stdio.h>
#include <string.h>

#include "core/base/translate.h"
#include "core/base/utf8.h"

static const char *const COLUMN_NAMES[RECORD_COLUMNS] = {
    "started", "ended", "plan", "planned_seconds", "duration_seconds", "paused_seconds",
    "outcome", "phases_completed", "phases_total", "client", "rating", "look_backs", "extends",
    "reconnects", "note", "first_separation_seconds", "longest_separation_seconds",
    "reconnect_separation_seconds",
};

int record_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* n decimal digits at s as a number; -1 if any is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "YYYY-MM-DD" at s (at least 10 bytes there). */
static bool date_at(const char *s, int *day)
{
    static const int month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || s[4] != '-' || s[7] != '-')
        return false;
    if (d > month_days[m - 1] + (m == 2 && leap(y)))
        return false;
    *day = record_days_from_civil(y, m, d);
    return true;
}

bool record_parse_date(const char *s, int *day)
{
    return s && strlen(s) == 10 && date_at(s, day);
}

/* The UTC offset at s: "", "Z", "+HH:MM", "+HHMM" (or "-"). */
static bool offset_at(const char *s, int *offset_s)
{
    *offset_s = 0;
    if (*s == '\0' || (s[0] == 'Z' && s[1] == '\0'))
        return true;
    if (s[0] != '+' && s[0] != '-')
        return false;
    int h = digits(s + 1, 2), m = -1;
    if (h >= 0 && s[3] == ':' && strlen(s) == 6)
        m = digits(s + 4, 2);
    else if (h >= 0 && strlen(s) == 5)
        m = digits(s + 3, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59)
        return false;
    *offset_s = (s[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
    return true;
}

/* "YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][offset]": the local date and minute, and UTC ms. */
static bool parse_time(const char *s, int *day, int *minute, int64_t *epoch_ms)
{
    size_t n = strlen(s);
    if (n < 10 || !date_at(s, day))
        return false;
    int h = 0, mi = 0, sec = 0, offset = 0;
    const char *p = s + 10;
    if (*p == 'T' || *p == ' ') {
        h = n >= 16 ? digits(p + 1, 2) : -1;
        mi = n >= 16 ? digits(p + 4, 2) : -1;
        if (h < 0 || h > 23 || mi < 0 || mi > 59 || p[3] != ':')
            return false;
        p += 6;
        if (*p == ':') {
            sec = digits(p + 1, 2);
            if (sec < 0 || sec > 60)
                return false;
            p += 3;
            if (*p == '.')
                for (p++; *p >= '0' && *p <= '9'; p++)
                    ;
        }
    }
    if (!offset_at(p, &offset))
        return false;
    *minute = h * 60 + mi;
    *epoch_ms = ((int64_t)*day * 86400 + h * 3600 + mi * 60 + sec - offset) * 1000;
    return true;
}

/* Seconds as written ("895.4", "12", "0.25") into ms; decimals past the third are dropped. */
static bool parse_seconds(const char *s, int64_t *ms)
{
    int64_t whole = 0;
    int i = 0;
    for (; s[i] >= '0' && s[i] <= '9'; i++) {
        if (i >= 10)
            return false;
        whole = whole * 10 + (s[i] - '0');
    }
    if (i == 0)
        return false;
    int64_t frac = 0, scale = 100;
    if (s[i] == '.') {
        for (i++; s[i] >= '0' && s[i] <= '9'; i++, scale /= 10)
            frac += scale > 0 ? (s[i] - '0') * scale : 0;
    }
    *ms = whole * 1000 + frac;
    return s[i] == '\0';
}

/* A count: digits only; "" is 0 when empty_ok. */
static bool parse_count(const char *s, bool empty_ok, int *out)
{
    size_t n = strlen(s);
    if (n == 0 && empty_ok) {
        *out = 0;
        return true;
    }
    int v = n >= 1 && n <= 9 ? digits(s, (int)n) : -1;
    *out = v;
    return v >= 0;
}

/* Splits RFC 4180 fields into row->text. Returns the number of fields found (all of them,
 * even past RECORD_COLUMNS, which are not kept), or -1 with err set. */
static int split(const char *line, size_t len, record_row_t *row, char *err, size_t errsize)
{
    size_t i = 0, out = 0;
    int count = 0;
    for (;;) {
        char *start = row->text + out;
        if (i < len && line[i] == '"') {
            for (i++;; i++) {
                if (i >= len) {
                    /* TRANSLATORS: what is wrong with a line of the session log (a CSV file) */
                    snprintf(err, errsize, _("a quoted field in column %d is not closed"), count + 1);
                    return -1;
                }
                if (line[i] == '"' && !(i + 1 < len && line[i + 1] == '"'))
                    break;
                if (line[i] == '"')
                    i++;
                row->text[out++] = line[i];
            }
            i++; /* the closing quote */
            if (i < len && line[i] != ',') {
                snprintf(err, errsize, _("text after a closing quote in column %d"), count + 1);
                return -1;
            }
        } else {
            while (i < len && line[i] != ',')
                row->text[out++] = line[i++];
        }
        row->text[out++] = '\0';
        if (count < RECORD_COLUMNS)
            row->field[count] = start;
        else
            out = (size_t)(start - row->text); /* not kept: only counted */
        count++;
        if (i >= len)
            return count;
        i++; /* the comma */
    }
}

static bool column_error(int col, const char *why, const char *value, char *err, size_t errsize)
{
    /* TRANSLATORS: a bad field in the session log: the first %s is the column's name, in
       English as the file has it ("duration_seconds"), the second what is wrong ("not a whole
       number"), the last the value */
    snprintf(err, errsize, _("%s: %s \"%.40s\""), COLUMN_NAMES[col], why, value);
    return false;
}

/* Converts the fields history needs; the rest stay text. */
static bool convert(record_row_t *r, char *err, size_t errsize)
{
    const char *const *f = r->field;
    int day2, minute2;
    int64_t ended;
    if (!parse_time(f[COL_STARTED], &r->day, &r->minute, &r->started_epoch_ms))
        /* TRANSLATORS: what is wrong with a field of the session log */
        return column_error(COL_STARTED, _("not a date and time"), f[COL_STARTED], err, errsize);
    if (!parse_time(f[COL_ENDED], &day2, &minute2, &ended))
        return column_error(COL_ENDED, _("not a date and time"), f[COL_ENDED], err, errsize);
    if (!f[COL_PLAN][0])
        /* TRANSLATORS: what is wrong with a field of the session log: nothing is in it */
        return column_error(COL_PLAN, _("empty"), "", err, errsize);
    static const int secs[3] = { COL_PLANNED, COL_DURATION, COL_PAUSED };
    int64_t *ms[3] = { &r->planned_ms, &r->duration_ms, &r->paused_ms };
    for (int i = 0; i < 3; i++) {
        if (!parse_seconds(f[secs[i]], ms[i]))
            return column_error(secs[i], _("not a number of seconds"), f[secs[i]], err, errsize);
    }
    if (!f[COL_OUTCOME][0])
        return column_error(COL_OUTCOME, _("empty"), "", err, errsize);
    static const int counted[6] = { COL_PHASES_COMPLETED, COL_PHASES_TOTAL, COL_RATING,
                                    COL_LOOK_BACKS, COL_EXTENDS, COL_RECONNECTS };
    int *to[6] = { &r->phases_completed, &r->phases_total, &r->rating, &r->look_backs,
                   &r->extends, &r->reconnects };
    for (int i = 0; i < 6; i++) {
        if (!parse_count(f[counted[i]], i >= 2, to[i]))
            return column_error(counted[i], _("not a whole number"), f[counted[i]], err, errsize);
    }
    if (r->rating > 5 || (f[COL_RATING][0] && r->rating < 1))
        return column_error(COL_RATING, _("not a rating from 1 to 5"), f[COL_RATING], err, errsize);
    static const int seps[3] = { COL_FIRST_SEPARATION, COL_LONGEST_SEPARATION,
                                 COL_RECONNECT_SEPARATION };
    int64_t *sep_ms[3] = { &r->first_separation_ms, &r->longest_separation_ms,
                           &r->reconnect_separation_ms };
    for (int i = 0; i < 3; i++) {
        *sep_ms[i] = 0;
        if (f[seps[i]][0] && !parse_seconds(f[seps[i]], sep_ms[i]))
            return column_error(seps[i], _("not a number of seconds"), f[seps[i]], err, errsize);
    }
    return true;
}

bool record_parse(const char *line, size_t len, record_row_t *row, char *err, size_t errsize)
{
    if (len >= RECORD_MAX_LINE) {
        /* TRANSLATORS: what is wrong with a line of the session log */
        snprintf(err, errsize, _("longer than %d bytes"), RECORD_MAX_LINE);
        return false;
    }
    if (memchr(line, '\0', len)) {
        snprintf(err, errsize, _("a NUL byte at column %zu"),
                 (size_t)((const char *)memchr(line, '\0', len) - line) + 1);
        return false;
    }
    size_t bad = utf8_check(line, len);
    if (bad < len) {
        snprintf(err, errsize, _("invalid UTF-8 (byte 0x%02x at column %zu)"), (unsigned char)line[bad], bad + 1);
        return false;
    }
    int n = split(line, len, row, err, errsize);
    if (n < 0)
        return false;
    if (n != RECORD_COLUMNS_V1 && n != RECORD_COLUMNS_V2 && n != RECORD_COLUMNS) {
        /* TRANSLATORS: a line of the session log with the wrong number of fields (the first
           %d); the other numbers are the counts a record may have */
        snprintf(err, errsize, P_("%d field (a record has %d, or %d or %d in older logs)",
                                  "%d fields (a record has %d, or %d or %d in older logs)", n), n,
                 RECORD_COLUMNS, RECORD_COLUMNS_V2, RECORD_COLUMNS_V1);
        return false;
    }
    row->nfields = n;
    for (int i = n; i < RECORD_COLUMNS; i++)
        row->field[i] = "";
    return convert(row, err, errsize);
}

bool record_is_header(const char *line, size_t len)
{
    size_t v1 = sizeof RECORD_HEADER_V1 - 1, v2 = sizeof RECORD_HEADER_V2 - 1;
    size_t v3 = sizeof RECORD_HEADER - 1;
    return (len == v1 && memcmp(line, RECORD_HEADER_V1, v1) == 0) ||
           (len == v2 && memcmp(line, RECORD_HEADER_V2, v2) == 0) ||
           (len == v3 && memcmp(line, RECORD_HEADER, v3) == 0);
}

int record_format_row(const record_row_t *row, char *buf, size_t size)
{
    size_t out = 0;
    for (int i = 0; i < RECORD_COLUMNS; i++) {
        int n = record_csv_field(row->field[i], buf + out, size - out);
        if (n < 0 || out + (size_t)n + 2 > size) {
            if (size > 0)
                buf[0] = '\0';
            return -1;
        }
        out += (size_t)n;
        buf[out++] = i + 1 < RECORD_COLUMNS ? ',' : '\n';
    }
    buf[out] = '\0';
    return (int)out;
}

bool record_label_ok(const char *label, char *err, size_t errsize)
{
    size_t n = strlen(label);
    if (n == 0 || n > RECORD_MAX_CLIENT) {
        /* TRANSLATORS: a client label given with --client or typed in the client field that
           is empty or too long: %1$d is the most bytes it may have, %2$s the label, %3$zu its
           bytes (a label of letters with accents takes 2 bytes for each of them) */
        snprintf(err, errsize, _("a client label has 1 to %d bytes (\"%.40s\" has %zu)"),
                 RECORD_MAX_CLIENT, label, n);
        return false;
    }
    if (utf8_check(label, n) < n) {
        snprintf(err, errsize, "%s", _("the client label is not valid UTF-8"));
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)label[i];
        if (c < 0x20 || c == 0x7F) {
            snprintf(err, errsize, "%s", _("the client label holds a control character"));
            return false;
        }
    }
    return true;
}
