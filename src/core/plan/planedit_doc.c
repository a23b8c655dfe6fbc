/* Adjusting a plan, the text level: a plan's lines, where its sections and keys are, and
 * setting a value on a key's own line so everything else in the file stays as written.
 * libc only; works on text that has parsed; never prints, never reads a file. */
#include "core/plan/planedit_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/plan/planread.h"

static char *dup_range(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static bool doc_insert(planedit_doc_t *d, int at, char *line)
{
    if (!line)
        return false;
    if (d->n == d->cap) {
        int cap = d->cap ? d->cap * 2 : 64;
        char **bigger = realloc(d->line, (size_t)cap * sizeof *bigger);
        if (!bigger) {
            free(line);
            return false;
        }
        d->line = bigger;
        d->cap = cap;
    }
    memmove(d->line + at + 1, d->line + at, (size_t)(d->n - at) * sizeof *d->line);
    d->line[at] = line;
    d->n++;
    return true;
}

void planedit_doc_delete(planedit_doc_t *d, int i)
{
    if (i < 0 || i >= d->n)
        return;
    free(d->line[i]);
    memmove(d->line + i, d->line + i + 1, (size_t)(d->n - i - 1) * sizeof *d->line);
    d->n--;
}

void planedit_doc_free(planedit_doc_t *d)
{
    for (int i = 0; d->line && i < d->n; i++)
        free(d->line[i]);
    free(d->line);
    memset(d, 0, sizeof *d);
}

bool planedit_doc_split(planedit_doc_t *d, const char *text, size_t len, char eol[3],
                        bool *final_eol)
{
    memset(d, 0, sizeof *d);
    strcpy(eol, "\n");
    *final_eol = false;
    size_t pos = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    bool eol_seen = false;
    while (pos < len) {
        size_t n = 0;
        while (pos + n < len && text[pos + n] != '\n' && text[pos + n] != '\r')
            n++;
        if (!doc_insert(d, d->n, dup_range(text + pos, n))) {
            planedit_doc_free(d);
            return false;
        }
        pos += n;
        *final_eol = pos < len;
        if (pos < len) {
            bool crlf = text[pos] == '\r' && pos + 1 < len && text[pos + 1] == '\n';
            if (!eol_seen)
                strcpy(eol, crlf ? "\r\n" : text[pos] == '\r' ? "\r" : "\n");
            eol_seen = true;
            pos += crlf ? 2 : 1;
        }
    }
    return true;
}

bool planedit_doc_clone(planedit_doc_t *dst, const planedit_doc_t *src)
{
    memset(dst, 0, sizeof *dst);
    for (int i = 0; i < src->n; i++) {
        if (!doc_insert(dst, i, dup_range(src->line[i], strlen(src->line[i])))) {
            planedit_doc_free(dst);
            return false;
        }
    }
    return true;
}

char *planedit_doc_join(const planedit_doc_t *d, const char *eol, bool final_eol,
                        const char *head, size_t *len)
{
    size_t el = strlen(eol), hl = head ? strlen(head) : 0, n = hl;
    for (int i = 0; i < d->n; i++)
        n += strlen(d->line[i]) + el;
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    memcpy(out, head ? head : "", hl);
    size_t used = hl;
    for (int i = 0; i < d->n; i++) {
        size_t k = strlen(d->line[i]);
        memcpy(out + used, d->line[i], k);
        used += k;
        if (i + 1 < d->n || final_eol) {
            memcpy(out + used, eol, el);
            used += el;
        }
    }
    out[used] = '\0';
    *len = used;
    return out;
}

/* ---- reading lines ---- */

typedef enum { LINE_OTHER, LINE_PLAN, LINE_PHASE, LINE_REPEAT, LINE_END, LINE_KEY } line_kind_t;

static const char *skip_blank(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* The kind of a line; a key line's key (trimmed, lower-cased) goes to key[32]. */
static line_kind_t classify(const char *line, char key[32])
{
    const char *s = skip_blank(line);
    key[0] = '\0';
    if (!*s || *s == '#' || *s == ';')
        return LINE_OTHER;
    if (*s == '[') {
        s = skip_blank(s + 1);
        size_t n = 0;
        while (s[n] && s[n] != ' ' && s[n] != '\t' && s[n] != ']')
            n++;
        char word[8] = "";
        if (n < sizeof word) {
            memcpy(word, s, n);
            word[n] = '\0';
        }
        planread_lower(word);
        return !strcmp(word, "plan") ? LINE_PLAN : !strcmp(word, "phase") ? LINE_PHASE
             : !strcmp(word, "repeat") ? LINE_REPEAT : !strcmp(word, "end") ? LINE_END : LINE_OTHER;
    }
    const char *eq = strchr(s, '=');
    if (!eq)
        return LINE_OTHER;
    size_t n = (size_t)(eq - s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n >= 32)
        return LINE_OTHER;
    memcpy(key, s, n);
    key[n] = '\0';
    planread_lower(key);
    return LINE_KEY;
}

static bool is_section(line_kind_t k)
{
    return k != LINE_OTHER && k != LINE_KEY;
}

int planedit_doc_find(const planedit_doc_t *d, int head, int end, const char *key)
{
    char k[32];
    for (int i = head + 1; i < end && i < d->n; i++) {
        if (classify(d->line[i], k) == LINE_KEY && strcmp(k, key) == 0)
            return i;
    }
    return -1;
}

char *planedit_doc_value(const planedit_doc_t *d, int i, char *buf, size_t size)
{
    const char *eq = strchr(d->line[i], '=');
    snprintf(buf, size, "%s", eq ? eq + 1 : "");
    return planread_trim(buf);
}

static int64_t key_duration(const planedit_doc_t *d, int head, int end, const char *key)
{
    char v[PLAN_MAX_LINE + 1];
    int64_t ms = 0;
    int i = planedit_doc_find(d, head, end, key);
    if (i < 0)
        return 0;
    planedit_doc_value(d, i, v, sizeof v);
    if (planread_iequal(v, "none") || !duration_parse(v, &ms))
        return 0;
    return ms;
}

static phase_kind_t key_kind(const planedit_doc_t *d, int head, int end)
{
    char v[PLAN_MAX_LINE + 1];
    int i = planedit_doc_find(d, head, end, "kind");
    if (i < 0)
        return PHASE_PLAY;
    planedit_doc_value(d, i, v, sizeof v);
    for (int k = 0; k < PHASE_KIND_COUNT; k++) {
        if (planread_iequal(v, phase_kind_name((phase_kind_t)k)))
            return (phase_kind_t)k;
    }
    return PHASE_PLAY;
}

/* breathe's value as the parser reads it: yes/on/true 6, a number, anything else 0. */
static double key_breathe(const planedit_doc_t *d, int head, int end)
{
    char v[PLAN_MAX_LINE + 1];
    int i = planedit_doc_find(d, head, end, "breathe");
    if (i < 0)
        return 0;
    planedit_doc_value(d, i, v, sizeof v);
    if (planread_iequal(v, "yes") || planread_iequal(v, "on") || planread_iequal(v, "true"))
        return 6;
    double x = 0, scale = 1;
    const char *p = v;
    for (; *p >= '0' && *p <= '9'; p++)
        x = x * 10 + (*p - '0');
    if (*p == '.') {
        for (p++; *p >= '0' && *p <= '9'; p++)
            x += (*p - '0') * (scale /= 10);
    }
    return *p ? 0 : x;
}

static bool key_yes(const planedit_doc_t *d, int head, int end, const char *key)
{
    char v[PLAN_MAX_LINE + 1];
    int i = planedit_doc_find(d, head, end, key);
    if (i < 0)
        return false;
    planedit_doc_value(d, i, v, sizeof v);
    return planread_iequal(v, "yes") || planread_iequal(v, "true") || planread_iequal(v, "on")
        || strcmp(v, "1") == 0;
}

/* The section that starts at line head ends before the next section header. */
static int section_end(const planedit_doc_t *d, int head)
{
    char k[32];
    int i = head + 1;
    while (i < d->n && !is_section(classify(d->line[i], k)))
        i++;
    return i;
}

void planedit_doc_scan(const planedit_doc_t *d, planedit_scan_t *s)
{
    char k[32];
    int open_rep = -1;
    memset(s, 0, sizeof *s);
    s->plan_head = s->plan_end = -1;
    for (int i = 0; i < d->n; i++) {
        line_kind_t kind = classify(d->line[i], k);
        if (kind == LINE_PLAN) {
            s->plan_head = i;
            s->plan_end = section_end(d, i);
        } else if (kind == LINE_REPEAT && s->nrep < PLAN_MAX_PHASES) {
            const char *p = d->line[i];
            int count = 0;
            while (*p && (*p < '0' || *p > '9'))
                p++;
            for (; *p >= '0' && *p <= '9' && count <= PLAN_MAX_REPEAT; p++)
                count = count * 10 + (*p - '0');
            open_rep = s->nrep++;
            s->rep[open_rep].head = i;
            s->rep[open_rep].count = count;
        } else if (kind == LINE_END) {
            open_rep = -1;
        } else if (kind == LINE_PHASE && s->nph < PLAN_MAX_PHASES) {
            planedit_raw_t *ph = &s->ph[s->nph++];
            ph->head = i;
            ph->end = section_end(d, i);
            ph->rep = open_rep;
            ph->kind = key_kind(d, i, ph->end);
            ph->dur = key_duration(d, i, ph->end, "duration");
            ph->grow = key_duration(d, i, ph->end, "grow");
            ph->warn = key_duration(d, i, ph->end, "warn");
            ph->breathe = key_breathe(d, i, ph->end);
        }
    }
    if (s->plan_head >= 0) {
        s->end_warning = key_duration(d, s->plan_head, s->plan_end, "end_warning");
        s->child_view = key_yes(d, s->plan_head, s->plan_end, "child_view");
    }
}

int64_t planedit_scan_total(const planedit_scan_t *s)
{
    int64_t total = 0;
    for (int i = 0; i < s->nph; i++) {
        const planedit_raw_t *ph = &s->ph[i];
        int64_t r = ph->rep >= 0 ? s->rep[ph->rep].count : 1;
        total += ph->dur * r + ph->grow * (r - 1) * r / 2;
    }
    return total;
}

/* ---- writing ---- */

bool planedit_doc_set(planedit_doc_t *d, int head, int end, const char *key, const char *value,
                      const char *after)
{
    int i = planedit_doc_find(d, head, end, key);
    if (i >= 0) {  /* keep "key =" and the blanks after it as written */
        const char *p = strchr(d->line[i], '=') + 1;
        p = skip_blank(p);
        size_t keep = (size_t)(p - d->line[i]), vl = strlen(value);
        char *line = malloc(keep + vl + 1);
        if (!line)
            return false;
        memcpy(line, d->line[i], keep);
        memcpy(line + keep, value, vl + 1);
        free(d->line[i]);
        d->line[i] = line;
        return true;
    }
    char k[32];
    int at = after ? planedit_doc_find(d, head, end, after) : -1, first = -1, last = -1;
    for (int j = head + 1; j < end && j < d->n; j++) {
        if (classify(d->line[j], k) == LINE_KEY) {
            first = first < 0 ? j : first;
            last = j;
        }
    }
    if (at < 0)
        at = last;
    if (at < 0)
        at = head;
    const char *indent = first >= 0 ? d->line[first] : "";
    size_t il = (size_t)(skip_blank(indent) - indent);
    size_t n = il + strlen(key) + 3 + strlen(value);
    char *line = malloc(n + 1);
    if (!line)
        return false;
    snprintf(line, n + 1, "%.*s%s = %s", (int)il, indent, key, value);
    return doc_insert(d, at + 1, line);
}

bool planedit_doc_set_count(planedit_doc_t *d, int i, int n)
{
    const char *s = d->line[i];
    size_t a = 0;
    while (s[a] && (s[a] < '0' || s[a] > '9'))
        a++;
    size_t b = a;
    while (s[b] >= '0' && s[b] <= '9')
        b++;
    size_t len = strlen(s) + 16;
    char *line = malloc(len);
    if (!line)
        return false;
    snprintf(line, len, "%.*s%d%s", (int)a, s, n, s + b);
    free(d->line[i]);
    d->line[i] = line;
    return true;
}

char *planedit_duration(int64_t ms, char *buf, size_t size)
{
    long long h = ms / 3600000, m = ms / 60000 % 60, s = ms / 1000 % 60, frac = ms % 1000;
    size_t used = 0;
    buf[0] = '\0';
    if (ms <= 0) {
        snprintf(buf, size, "0");
        return buf;
    }
    if (h)
        used += (size_t)snprintf(buf + used, size - used, "%lldh", h);
    if (m && used < size)
        used += (size_t)snprintf(buf + used, size - used, "%lldm", m);
    if (frac && used < size) {
        char f[8];
        snprintf(f, sizeof f, "%03lld", frac);
        for (int j = 2; j > 0 && f[j] == '0'; j--)
            f[j] = '\0';
        snprintf(buf + used, size - used, "%lld.%ss", s, f);
    } else if (s && used < size) {
        snprintf(buf + used, size - used, "%llds", s);
    }
    return buf;
}
