/* Adjusting a plan, what comes out of it: the preview's outline, the file to save (a comment
 * saying where it came from, the new title, paths made absolute), and a title and a file
 * name for the user's own copy. libc only: the caller writes the file; never prints. */
#include "core/plan/planedit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/base/utf8.h"
#include "core/plan/planedit_doc.h"
#include "core/plan/planread.h"

#define COMMENT_WIDTH 78              /* the "# Adjusted..." comment wraps at this many bytes */
#define MAX_FROM_BYTES 300
#define MAX_STEM_BYTES 60

/* ---- a line that stops filling when full ---- */

typedef struct {
    char s[PLANEDIT_LINE];
    size_t n;
    bool full;                        /* something did not fit */
} line_t;

/* The length of s's first bytes up to at most max, not cutting a character. */
static size_t char_cut(const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* Appends s; what does not fit is cut at a character, and the line ends in "...". */
static void put(line_t *l, const char *s)
{
    size_t k = strlen(s), room = sizeof l->s - 4;
    if (l->full)
        return;
    if (l->n + k < sizeof l->s) {
        memcpy(l->s + l->n, s, k + 1);
        l->n += k;
        return;
    }
    l->full = true;
    if (l->n < room) {
        size_t m = char_cut(s, room - l->n);
        memcpy(l->s + l->n, s, m);
        l->n += m;
    } else {
        l->n = char_cut(l->s, room);
    }
    memcpy(l->s + l->n, "...", 4);
    l->n += 3;
}

/* ---- the outline ---- */

/* Phases in a row that make up one line: a phase outside repeats, or a whole repeat. */
static int block_size(const plan_t *p, int i, int *members)
{
    const plan_phase_t *ph = &p->phases[i];
    int k = 1;
    while (ph->rounds > 1 && i + k < p->nphases && p->phases[i + k].round == 1
           && p->phases[i + k].rounds == ph->rounds)
        k++;
    *members = k;
    return ph->rounds > 1 ? k * ph->rounds : 1;
}

static void outline_block(const plan_t *p, int i, line_t *l)
{
    char a[48], b[48], range[100], whole[PLANEDIT_LINE + 96];
    int members, size = block_size(p, i, &members);
    const plan_phase_t *ph = &p->phases[i];
    if (ph->rounds <= 1) {
        put(l, ph->name);
        put(l, " \xC2\xB7 ");
        put(l, duration_format_length(ph->duration_ms, a, sizeof a));
        return;
    }
    line_t list = { "", 0, false };
    for (int m = 0; m < members; m++) {
        const plan_phase_t *first = &p->phases[i + m], *last = &p->phases[i + size - members + m];
        duration_format_length(first->duration_ms, a, sizeof a);
        if (last->duration_ms != first->duration_ms) {
            duration_format_length(last->duration_ms, b, sizeof b);
            /* TRANSLATORS: the Adjust screen's preview: a phase that grows from round to
               round lasts from the first length to the second ("20 s to 1 min") */
            snprintf(range, sizeof range, _("%s to %s"), a, b);
        } else {
            snprintf(range, sizeof range, "%s", a);
        }
        put(&list, m ? ", " : "");
        put(&list, first->name);
        put(&list, " ");
        put(&list, range);
    }
    /* TRANSLATORS: the Adjust screen's preview of a [repeat]: %s lists its phases with their
       lengths ("3 rounds of: Together 1 min, Apart 20 s to 1 min") */
    snprintf(whole, sizeof whole, P_("%d round of: %s", "%d rounds of: %s", ph->rounds), ph->rounds, list.s);
    put(l, whole);
}

int planedit_outline(const planedit_t *e, char lines[][PLANEDIT_LINE], int max)
{
    const plan_t *p = &e->plan;
    int blocks = 0, members, n = 0;
    char a[48];
    if (max <= 0)
        return 0;
    for (int i = 0; i < p->nphases; i += block_size(p, i, &members))
        blocks++;
    int show = blocks + 1 <= max ? blocks : max - 2;
    for (int i = 0, b = 0; i < p->nphases && b < show; i += block_size(p, i, &members), b++) {
        line_t l = { "", 0, false };
        outline_block(p, i, &l);
        memcpy(lines[n++], l.s, sizeof l.s);
    }
    if (show < blocks && max >= 2)
        snprintf(lines[n++], PLANEDIT_LINE, "...");
    /* TRANSLATORS: the last line of the Adjust screen's preview: the plan's whole length */
    snprintf(lines[n++], PLANEDIT_LINE, _("Total: %s"),
             duration_format_length(plan_total_ms(p), a, sizeof a));
    return n;
}

/* ---- the file to save ---- */

/* Copies s into out (size bytes): control characters become spaces, bad UTF-8 '?'; trimmed. */
static char *clean(const char *s, char *out, size_t size)
{
    size_t o = 0, n = strlen(s);
    for (size_t i = 0; i < n && o + 1 < size;) {
        size_t k = utf8_sequence((const unsigned char *)s + i, n - i);
        unsigned char c = (unsigned char)s[i];
        if (k == 0 || c < 0x20 || c == 0x7F) {
            out[o++] = k == 0 ? '?' : ' ';
            i++;
            continue;
        }
        if (o + k >= size)
            break;
        memcpy(out + o, s + i, k);
        o += k;
        i += k;
    }
    out[o] = '\0';
    return planread_trim(out);
}

/* The bytes of s's first `chars` characters. */
static size_t chars_prefix(const char *s, size_t chars)
{
    size_t i = 0, c = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (c == chars)
                break;
            c++;
        }
    }
    return i;
}

static void append(char *out, size_t *o, const char *s, size_t n)
{
    memcpy(out + *o, s, n);
    *o += n;
}

/* "# Adjusted in Safe Base on DATE from FROM." wrapped into "# " lines, each ended by eol. */
static char *comment(const char *from, const char *date, const char *eol)
{
    char f[MAX_FROM_BYTES + 1], dt[64], text[MAX_FROM_BYTES + 256];
    clean(from, f, sizeof f);
    clean(date ? date : "", dt, sizeof dt);
    size_t fl = strlen(f);
    if (fl && f[fl - 1] == '.')
        f[fl - 1] = '\0';   /* the sentence's own full stop ends it */
    if (*dt)
        /* TRANSLATORS: the comment that opens a plan saved from the Adjust screen: %1$s is the
           date, %2$s the plan or file it was adjusted from */
        snprintf(text, sizeof text, _("Adjusted in Safe Base on %s from %s."), dt, f);
    else
        /* TRANSLATORS: the comment that opens a plan saved from the Adjust screen: %s is the
           plan or file it was adjusted from */
        snprintf(text, sizeof text, _("Adjusted in Safe Base from %s."), f);
    size_t len = strlen(text), o = 0, col = 0, el = strlen(eol);
    char *out = malloc(len * (3 + el) + 16);
    if (!out)
        return NULL;
    for (const char *p = text; *p;) {
        while (*p == ' ')
            p++;
        size_t wl = strcspn(p, " ");
        if (wl == 0)
            break;
        if (col > 0 && col + 1 + wl > COMMENT_WIDTH) {
            append(out, &o, eol, el);
            col = 0;
        }
        append(out, &o, col ? " " : "# ", col ? 1 : 2);
        col += col ? 1 : 2;
        append(out, &o, p, wl);
        col += wl;
        p += wl;
    }
    append(out, &o, eol, el);
    out[o] = '\0';
    return out;
}

static bool is_absolute(const char *p)
{
    char c = (char)(p[0] | 0x20);
    return p[0] == '/' || p[0] == '\\' || (c >= 'a' && c <= 'z' && p[1] == ':');
}

/* Makes key's value in the section (head, end) absolute against dir when it is a relative
 * path. False on out of memory. */
static bool absolute_path(planedit_doc_t *d, int head, int end, const char *key, const char *dir)
{
    char v[PLAN_MAX_LINE + 1];
    int i = planedit_doc_find(d, head, end, key);
    if (i < 0 || !dir || !*dir)
        return true;
    planedit_doc_value(d, i, v, sizeof v);
    if (!*v || planread_iequal(v, "builtin") || planread_iequal(v, "none") || is_absolute(v))
        return true;
    const char *rel = v;
    while (rel[0] == '.' && rel[1] == '/')
        rel += 2;
    size_t dl = strlen(dir), n = dl + strlen(rel) + 2;
    char *path = malloc(n);
    if (!path)
        return false;
    snprintf(path, n, "%s%s%s", dir, dir[dl - 1] == '/' ? "" : "/", rel);
    bool ok = planedit_doc_set(d, head, end, key, path, NULL);
    free(path);
    return ok;
}

static bool same_phases(const plan_t *a, const plan_t *b)
{
    if (a->nphases != b->nphases)
        return false;
    for (int i = 0; i < a->nphases; i++) {
        if (a->phases[i].duration_ms != b->phases[i].duration_ms
            || strcmp(a->phases[i].name, b->phases[i].name) != 0)
            return false;
    }
    return true;
}

/* Sets the title (cleaned, cut to PLAN_MAX_TITLE_CHARS) and makes paths absolute. */
static bool rewrite(planedit_doc_t *d, planedit_scan_t *s, const char *title, const char *dir)
{
    char t[PLAN_MAX_TITLE_CHARS * 4 + 8];
    planedit_doc_scan(d, s);
    if (title && *clean(title, t, sizeof t)) {
        t[chars_prefix(t, PLAN_MAX_TITLE_CHARS)] = '\0';
        planread_trim(t);
        if (!planedit_doc_set(d, s->plan_head, s->plan_end, "title", t, NULL))
            return false;
        planedit_doc_scan(d, s);
    }
    if (!absolute_path(d, s->plan_head, s->plan_end, "music", dir))
        return false;
    for (int i = 0; i < s->nph; i++) {
        if (!absolute_path(d, s->ph[i].head, s->ph[i].end, "track", dir))
            return false;
    }
    return true;
}

char *planedit_text(const planedit_t *e, const char *title, const char *from, const char *date)
{
    planedit_doc_t d;
    planedit_scan_t *s = malloc(sizeof *s);
    char *head = NULL, *out = NULL;
    size_t len = 0;
    plan_t p;
    if (!s || !e->scan || !planedit_doc_clone(&d, &e->doc)) {
        free(s);
        return NULL;
    }
    bool ok = rewrite(&d, s, title, e->source_dir);
    if (ok && from) {
        head = comment(from, date, e->eol);
        ok = head != NULL;
    }
    if (ok)
        out = planedit_doc_join(&d, e->eol, e->final_eol, head, &len);
    if (out && plan_parse(out, len, &p, NULL)) {
        if (!same_phases(&p, &e->plan)) {
            free(out);
            out = NULL;
        }
        plan_free(&p);
    } else {
        free(out);
        out = NULL;
    }
    free(head);
    free(s);
    planedit_doc_free(&d);
    return out;
}

/* ---- the user's own copy ---- */

/* The word in brackets after the title of the user's own copy: "yours" in the user's
 * language, or English when the translation is empty or too long for a title's suffix. */
static const char *own_word(void)
{
    /* TRANSLATORS: one word put in brackets after the title of the user's own copy of a plan:
       "Special playtime (yours)", then "(yours 2)", "(yours 3)"... Short: 12 letters at most. */
    const char *w = _("yours");
    /* cppcheck-suppress knownConditionTrueFalse ; without gettext, _() is the English word itself */
    return w[0] && strlen(w) <= 24 ? w : "yours";
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The length of s without its own trailing " (WORD)" or " (WORD N)" (ASCII case aside). */
static size_t strip_word(const char *s, const char *word)
{
    size_t n = strlen(s), w = strlen(word);
    if (n == 0 || w == 0 || s[n - 1] != ')')
        return n;
    size_t open = n - 1;
    while (open > 0 && s[open] != '(')
        open--;
    const char *p = s + open + 1;
    for (size_t k = 0; k < w; k++, p++) {
        if (s[open] != '(' || ascii_lower(*p) != ascii_lower(word[k]))
            return n;
    }
    if (*p == ' ' && p[1] >= '0' && p[1] <= '9') {
        for (p++; *p >= '0' && *p <= '9'; p++)
            ;
    }
    if (p != s + n - 1)
        return n;
    while (open > 0 && s[open - 1] == ' ')
        open--;
    return open;
}

/* The length of s without its own " (yours)" or " (yours N)", in English or translated. */
static size_t strip_yours(const char *s)
{
    size_t n = strip_word(s, "yours");
    return n < strlen(s) ? n : strip_word(s, own_word());
}

static bool is_taken(const char *title, const char *const *taken, int n)
{
    for (int i = 0; taken && i < n; i++) {
        if (taken[i] && planread_iequal(taken[i], title))
            return true;
    }
    return false;
}

void planedit_own_title(const char *base, const char *const *taken, int n, char *out, size_t size)
{
    char b[PLAN_MAX_TITLE_CHARS * 4 + 64];
    if (!out || size == 0)
        return;
    clean(base ? base : "", b, sizeof b);
    b[strip_yours(b)] = '\0';
    if (!*b)
        /* TRANSLATORS: the title of the user's own copy of a plan that had no title */
        snprintf(b, sizeof b, "%s", _("My plan"));
    const char *word = own_word();
    for (int k = 1; k <= (n > 0 ? n : 0) + 1; k++) {
        char suffix[48];
        if (k == 1)
            snprintf(suffix, sizeof suffix, " (%s)", word);
        else
            snprintf(suffix, sizeof suffix, " (%s %d)", word, k);
        size_t sl = strlen(suffix);
        size_t keep = chars_prefix(b, PLAN_MAX_TITLE_CHARS - sl);
        if (keep + sl + 1 > size)
            keep = size > sl + 1 ? char_cut(b, size - sl - 1) : 0;
        while (keep > 0 && b[keep - 1] == ' ')
            keep--;
        snprintf(out, size, "%.*s%s", (int)keep, b, suffix);
        if (!is_taken(out, taken, n))
            return;
    }
}

void planedit_file_stem(const char *title, char *out, size_t size)
{
    char stem[MAX_STEM_BYTES + 1];
    size_t o = 0;
    bool gap = false;
    if (!out || size == 0)
        return;
    for (const char *p = title ? title : ""; *p && o < MAX_STEM_BYTES; p++) {
        char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (gap && o > 0)
                stem[o++] = '-';
            if (o < MAX_STEM_BYTES)
                stem[o++] = c;
            gap = false;
        } else {
            gap = true;
        }
    }
    if (o > size - 1)
        o = size - 1;
    while (o > 0 && stem[o - 1] == '-')
        o--;
    stem[o] = '\0';
    snprintf(out, size, "%s", o ? stem : "plan");
}
