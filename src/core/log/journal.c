/* Encodes and decodes the journal: a magic line, the run's id and log path, then each record
 * as "KIND LENGTH" and exactly LENGTH bytes (so a note with newlines or quotes survives as
 * is), then "end". A journal cut short is refused, never half-read. libc only. */
#include "core/log/journal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"

static const char *const KIND_NAMES[] = { "live", "held", "pending" };

const char *journal_kind_name(journal_kind_t kind)
{
    return kind <= JOURNAL_PENDING ? KIND_NAMES[kind] : "?";
}

void journal_init(journal_t *j, const char *id, const char *log)
{
    j->count = 0;
    snprintf(j->id, sizeof j->id, "%s", id);
    snprintf(j->log, sizeof j->log, "%s", log);
}

int journal_find(const journal_t *j, journal_kind_t kind)
{
    for (int i = 0; i < j->count; i++) {
        if (j->items[i].kind == kind)
            return i;
    }
    return -1;
}

bool journal_put(journal_t *j, journal_kind_t kind, const char *line)
{
    size_t n = strlen(line);
    if (n == 0 || n >= RECORD_MAX_LINE || line[n - 1] != '\n')
        return false;
    int i = kind == JOURNAL_PENDING ? -1 : journal_find(j, kind);
    if (i < 0) {
        if (j->count >= JOURNAL_MAX_ENTRIES)
            return false;
        i = j->count++;
    }
    j->items[i].kind = kind;
    j->items[i].len = (int)n;
    memcpy(j->items[i].line, line, n + 1);
    return true;
}

void journal_remove(journal_t *j, int i)
{
    if (i < 0 || i >= j->count)
        return;
    memmove(&j->items[i], &j->items[i + 1], (size_t)(j->count - i - 1) * sizeof j->items[0]);
    j->count--;
}

int journal_encode(const journal_t *j, char *buf, size_t size)
{
    int out = snprintf(buf, size, "%s\nid %s\nlog %s\n", JOURNAL_MAGIC, j->id, j->log);
    if (out < 0 || (size_t)out >= size)
        return -1;
    for (int i = 0; i < j->count; i++) {
        const journal_entry_t *e = &j->items[i];
        int n = snprintf(buf + out, size - (size_t)out, "%s %d\n", journal_kind_name(e->kind), e->len);
        if (n < 0 || e->len < 0 || (size_t)out + (size_t)n + (size_t)e->len >= size)
            return -1;
        out += n;
        memcpy(buf + out, e->line, (size_t)e->len);
        out += e->len;
    }
    int n = snprintf(buf + out, size - (size_t)out, "end\n");
    return (n < 0 || (size_t)out + (size_t)n >= size) ? -1 : out + n;
}

typedef struct {
    const char *text;
    size_t len, pos;
    int line;
} cursor_t;

/* The next line (without its newline) into buf; false at the end or when it is too long. */
static bool next_line(cursor_t *c, char *buf, size_t size)
{
    if (c->pos >= c->len)
        return false;
    const char *s = c->text + c->pos;
    const char *nl = memchr(s, '\n', c->len - c->pos);
    if (!nl || (size_t)(nl - s) >= size)
        return false;
    memcpy(buf, s, (size_t)(nl - s));
    buf[nl - s] = '\0';
    c->pos += (size_t)(nl - s) + 1;
    c->line++;
    return true;
}

/* An error at a line: 0 = the line after the last one read. */
static bool fail(const cursor_t *c, int line, const char *why, char *err, size_t errsize)
{
    /* TRANSLATORS: a damaged journal (sessions kept safe until the log can be written): %d is
       the journal's line, %s what is wrong there */
    snprintf(err, errsize, _("line %d: %s"), line ? line : c->line + 1, why);
    return false;
}

/* "KIND LENGTH" then LENGTH bytes ending in a newline. */
static bool read_entry(cursor_t *c, const char *head, journal_t *j, char *err, size_t errsize)
{
    char kind[16], *end = NULL;
    int used = 0;
    /* the length by strtol: sscanf's %d is undefined on a number too big for an int */
    long num = sscanf(head, "%15s %n", kind, &used) == 1 && used > 0 ? strtol(head + used, &end, 10) : 0;
    if (!end || end == head + used || *end != '\0' || num < INT_MIN || num > INT_MAX)
        /* TRANSLATORS: what is wrong with the journal (sessions kept safe until the log can be
           written); its words in quotes stay English */
        return fail(c, c->line, _("expected \"live|held|pending LENGTH\" or \"end\""), err, errsize);
    int len = (int)num;
    int k = -1;
    for (int i = 0; i <= JOURNAL_PENDING; i++) {
        if (strcmp(kind, KIND_NAMES[i]) == 0)
            k = i;
    }
    if (k < 0 || len <= 0 || len >= RECORD_MAX_LINE)
        return fail(c, c->line, _("unknown kind or bad length"), err, errsize);
    if (c->len - c->pos < (size_t)len || c->text[c->pos + (size_t)len - 1] != '\n')
        return fail(c, 0, _("the record is cut short"), err, errsize);
    if (j->count >= JOURNAL_MAX_ENTRIES)
        return fail(c, c->line, _("too many records"), err, errsize);
    journal_entry_t *e = &j->items[j->count++];
    e->kind = (journal_kind_t)k;
    e->len = len;
    memcpy(e->line, c->text + c->pos, (size_t)len);
    e->line[len] = '\0';
    for (int i = 0; i < len; i++)
        c->line += e->line[i] == '\n';
    c->pos += (size_t)len;
    return true;
}

bool journal_decode(const char *text, size_t len, journal_t *j, char *err, size_t errsize)
{
    cursor_t c = { text, len, 0, 0 };
    char buf[4200];
    j->count = 0;
    if (!next_line(&c, buf, sizeof buf) || strcmp(buf, JOURNAL_MAGIC) != 0)
        return fail(&c, 0, _("not a Safe Base journal"), err, errsize);
    if (!next_line(&c, buf, sizeof buf) || strncmp(buf, "id ", 3) != 0 || strlen(buf + 3) >= sizeof j->id)
        return fail(&c, 0, _("expected \"id ...\""), err, errsize);
    snprintf(j->id, sizeof j->id, "%s", buf + 3);
    if (!next_line(&c, buf, sizeof buf) || strncmp(buf, "log ", 4) != 0 || strlen(buf + 4) >= sizeof j->log)
        return fail(&c, 0, _("expected \"log PATH\""), err, errsize);
    snprintf(j->log, sizeof j->log, "%s", buf + 4);
    for (;;) {
        if (!next_line(&c, buf, sizeof buf))
            return fail(&c, 0, _("cut short: no \"end\" line"), err, errsize);
        if (strcmp(buf, "end") == 0)
            break;
        if (!read_entry(&c, buf, j, err, errsize))
            return false;
    }
    if (c.pos != len)
        return fail(&c, 0, _("text after \"end\""), err, errsize);
    return true;
}
