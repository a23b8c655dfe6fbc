/* The remembered choices (choices.tsv): kept in small heap lists, read line by line with each
 * bad line named by its number, written back as tab-separated lines under a short comment.
 * libc only; never a file, never a clock, never prints. */
#include "core/plan/choices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"

#define CHOICES_SHOWN_ERRORS 3
#define CHOICES_MAX_LINE (2 * CHOICES_MAX_TEXT + 16)   /* "client\tNAME\tmusic\tVALUE" at most */

enum { FIELD_PLAN, FIELD_MUSIC, FIELDS };

struct choices_item {
    char *name;
    char *value[FIELDS];            /* a plan's item uses only FIELD_MUSIC */
};

static const char *const field_key[FIELDS] = { "plan", "music" };

static const char header[] =
    "# Safe Base's remembered choices: the music for each plan, the last plan and music for each\n"
    "# client, and the recent music. Safe Base rewrites this file; you may delete it to forget them.\n";

void choices_init(choices_t *c)
{
    memset(c, 0, sizeof *c);
}

static void free_items(choices_item_t *items, int count)
{
    for (int i = 0; i < count; i++) {
        free(items[i].name);
        for (int f = 0; f < FIELDS; f++)
            free(items[i].value[f]);
    }
    free(items);
}

void choices_free(choices_t *c)
{
    free_items(c->plans, c->plan_count);
    free_items(c->clients, c->client_count);
    for (int i = 0; i < c->recent_count; i++)
        free(c->recent[i]);
    choices_init(c);
}

static char *dup_text(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* Whether s[i] (of s[0..n)) starts a control character: C0, DEL, or C1 written in UTF-8. */
static bool control_at(const char *s, size_t n, size_t i)
{
    unsigned char b = (unsigned char)s[i];
    return b < 0x20 || b == 0x7F ||
           (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F);
}

/* NULL when s[0..n) may be a name or value, else why not. */
static const char *why_bad(const char *s, size_t n)
{
    /* TRANSLATORS: what is wrong with a line of choices.tsv, the remembered choices (after
       "line N: "); this and the next ones are shown when the file cannot be read as it is */
    if (n == 0)
        return _("an empty field");
    if (n > CHOICES_MAX_TEXT)
        return _("a name or value over 4095 bytes");
    for (size_t i = 0; i < n; i++)
        if (control_at(s, n, i))
            return _("a control character");
    return NULL;
}

/* The field a scope and key name (-1 when they name none); *client says which list. */
static int key_field(const char *scope, const char *key, bool *client)
{
    if (!scope || !key)
        return -1;
    *client = strcmp(scope, "client") == 0;
    if (!*client && strcmp(scope, "plan") != 0)
        return -1;
    if (strcmp(key, "music") == 0)
        return FIELD_MUSIC;
    return *client && strcmp(key, "plan") == 0 ? FIELD_PLAN : -1;
}

static int find(const choices_item_t *items, int count, const char *name)
{
    for (int i = 0; i < count; i++)
        if (strcmp(items[i].name, name) == 0)
            return i;
    return -1;
}

const char *choices_get(const choices_t *c, const char *scope, const char *name, const char *key)
{
    bool client;
    int field = key_field(scope, key, &client);
    if (field < 0 || !name)
        return NULL;
    const choices_item_t *items = client ? c->clients : c->plans;
    int i = find(items, client ? c->client_count : c->plan_count, name);
    return i < 0 ? NULL : items[i].value[field];
}

bool choices_set(choices_t *c, const char *scope, const char *name, const char *key, const char *value)
{
    bool client;
    int field = key_field(scope, key, &client);
    if (field < 0 || !name || why_bad(name, strlen(name)) || (value && why_bad(value, strlen(value))))
        return false;
    choices_item_t **items = client ? &c->clients : &c->plans;
    int *count = client ? &c->client_count : &c->plan_count, *cap = client ? &c->client_cap : &c->plan_cap;
    int i = find(*items, *count, name);
    if (!value) {
        if (i < 0)
            return true;
        choices_item_t *it = &(*items)[i];
        free(it->value[field]);
        it->value[field] = NULL;
        if (!it->value[FIELD_PLAN] && !it->value[FIELD_MUSIC]) {
            free(it->name);
            memmove(it, it + 1, (size_t)(*count - i - 1) * sizeof *it);
            (*count)--;
        }
        return true;
    }
    char *v = dup_text(value);
    if (!v)
        return false;
    if (i < 0) {
        if (*count == *cap) {
            int grown = *cap ? *cap * 2 : 8;
            choices_item_t *more = realloc(*items, (size_t)grown * sizeof *more);
            if (!more) {
                free(v);
                return false;
            }
            *items = more;
            *cap = grown;
        }
        char *n = dup_text(name);
        if (!n) {
            free(v);
            return false;
        }
        i = (*count)++;
        memset(&(*items)[i], 0, sizeof (*items)[i]);
        (*items)[i].name = n;
    }
    free((*items)[i].value[field]);
    (*items)[i].value[field] = v;
    return true;
}

static int find_recent(const choices_t *c, const char *music)
{
    for (int i = 0; i < c->recent_count; i++)
        if (strcmp(c->recent[i], music) == 0)
            return i;
    return -1;
}

bool choices_add_recent(choices_t *c, const char *music)
{
    if (!music || why_bad(music, strlen(music)))
        return false;
    int i = find_recent(c, music);
    char *m;
    if (i >= 0) {
        m = c->recent[i];
    } else {
        if (!(m = dup_text(music)))
            return false;
        if (c->recent_count == CHOICES_RECENT)
            free(c->recent[--c->recent_count]);
        i = c->recent_count++;
    }
    memmove(&c->recent[1], &c->recent[0], (size_t)i * sizeof c->recent[0]);
    c->recent[0] = m;
    return true;
}

int choices_recent(const choices_t *c, const char **out, int max)
{
    int n = 0;
    for (; n < c->recent_count && n < max; n++)
        out[n] = c->recent[n];
    return n;
}

/* ---- reading ---- */

typedef struct {
    char *buf;
    size_t size;
    int count;
} errors_t;

/* Adds "line N: why" to the list; why is whole (any word already in it). */
static void add_error(errors_t *e, int line, const char *why)
{
    if (e->count++ >= CHOICES_SHOWN_ERRORS || !e->buf || e->size == 0)
        return;
    size_t at = strlen(e->buf);
    if (at > 0 && at < e->size)
        at += (size_t)snprintf(e->buf + at, e->size - at, "; ");
    if (at < e->size)
        /* TRANSLATORS: a mistake in choices.tsv, the remembered choices: %d is its line, %s
           what is wrong there; several are joined with "; " */
        snprintf(e->buf + at, e->size - at, _("line %d: %s"), line, why);
}

/* A printable copy of word (at most 24 bytes, whole UTF-8 characters) for a message. */
static const char *quote(const char *word, char *buf, size_t size)
{
    size_t n = strlen(word);
    if (n > size - 1)
        for (n = size - 1; n > 0 && ((unsigned char)word[n] & 0xC0) == 0x80;)
            n--;
    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)word[i] < 0x20 || word[i] == 0x7F ? '?' : word[i];
    buf[n] = '\0';
    return buf;
}

/* Checks one line's fields and applies them; NULL when good, else why not: a message, or with
 * *word set a format whose one %s is that word. */
static const char *take_line(choices_t *c, char **f, int n, const char **word)
{
    bool client = strcmp(f[0], "client") == 0;
    if (strcmp(f[0], "recent") == 0) {
        if (n != 3)
            /* TRANSLATORS: a line of choices.tsv that is not as expected; its words recent, music,
               plan, client stay English, and <TAB> stands for a tab */
            return _("expected \"recent<TAB>music<TAB>VALUE\"");
        if (strcmp(f[1], "music") != 0)
            return *word = f[1], _("unknown recent choice \"%s\"");
        const char *why = why_bad(f[2], strlen(f[2]));
        if (why)
            return why;
        if (c->recent_count == CHOICES_RECENT || find_recent(c, f[2]) >= 0)
            return NULL;   /* past the eighth, or again: the newer one stands */
        if (!(c->recent[c->recent_count] = dup_text(f[2])))
            return _("out of memory");
        c->recent_count++;
        return NULL;
    }
    if (!client && strcmp(f[0], "plan") != 0)
        return *word = f[0], _("expected plan, client or recent, found \"%s\"");
    if (n != 4)
        return client ? _("expected \"client<TAB>NAME<TAB>plan or music<TAB>VALUE\"")
                      : _("expected \"plan<TAB>ID<TAB>music<TAB>VALUE\"");
    bool unused;
    if (key_field(f[0], f[2], &unused) < 0)
        return *word = f[2], client ? _("expected plan or music, found \"%s\"") : _("expected music, found \"%s\"");
    const char *why = why_bad(f[1], strlen(f[1]));
    if (!why)
        why = why_bad(f[3], strlen(f[3]));
    if (!why && !choices_set(c, f[0], f[1], f[2], f[3]))
        why = _("out of memory");
    return why;
}

static void read_line(choices_t *c, const char *s, size_t n, int number, errors_t *e)
{
    size_t blank = 0;
    while (blank < n && (s[blank] == ' ' || s[blank] == '\t'))
        blank++;
    if (blank == n || s[0] == '#')
        return;
    if (n > CHOICES_MAX_LINE) {
        add_error(e, number, _("too long: a name or value over 4095 bytes"));
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\t' && control_at(s, n, i)) {
            add_error(e, number, _("a control character"));
            return;
        }
    char line[CHOICES_MAX_LINE + 1], *f[5], q[32], why_word[256];
    memcpy(line, s, n);
    line[n] = '\0';
    int count = 0;
    for (char *p = line; count < 5; count++) {
        f[count] = p;
        if (!(p = strchr(p, '\t'))) {
            count++;
            break;
        }
        *p++ = '\0';
    }
    const char *word = NULL;
    const char *why = count > 4 ? _("more than 4 tab-separated fields") : take_line(c, f, count, &word);
    if (why && word) {
        /* the format is one of take_line's, its one %s the word */
        snprintf(why_word, sizeof why_word, why, quote(word, q, 25));
        why = why_word;
    }
    if (why)
        add_error(e, number, why);
}

bool choices_parse(choices_t *c, const char *text, size_t len, char *err, size_t errsize)
{
    errors_t e = { err, errsize, 0 };
    if (err && errsize)
        err[0] = '\0';
    size_t pos = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (int number = 1; pos < len; number++) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len, n = end - pos;
        if (n > 0 && text[end - 1] == '\r')
            n--;
        read_line(c, text + pos, n, number, &e);
        pos = end + 1;
    }
    if (e.count > CHOICES_SHOWN_ERRORS && err && errsize) {
        size_t at = strlen(err);
        /* TRANSLATORS: after the first three mistakes in choices.tsv: how many more there are */
        snprintf(err + at, errsize - at, _(" (and %d more)"), e.count - CHOICES_SHOWN_ERRORS);
    }
    return e.count == 0;
}

/* ---- writing ---- */

typedef struct {
    char *text;
    size_t len, cap;
    bool failed;
} out_t;

static void put(out_t *o, const char *s)
{
    size_t n = strlen(s);
    if (o->failed)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 512;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *more = realloc(o->text, cap);
        if (!more) {
            o->failed = true;
            return;
        }
        o->text = more;
        o->cap = cap;
    }
    memcpy(o->text + o->len, s, n + 1);
    o->len += n;
}

static void put_line(out_t *o, const char *a, const char *b, const char *key, const char *value)
{
    const char *parts[] = { a, "\t", b, "\t", key, "\t", value, "\n" };
    for (int i = 0; value && i < 8; i++)
        put(o, parts[i]);
}

char *choices_encode(const choices_t *c)
{
    out_t o = { NULL, 0, 0, false };
    put(&o, header);
    for (int i = 0; i < c->plan_count; i++)
        put_line(&o, "plan", c->plans[i].name, "music", c->plans[i].value[FIELD_MUSIC]);
    for (int i = 0; i < c->client_count; i++)
        for (int f = 0; f < FIELDS; f++)
            put_line(&o, "client", c->clients[i].name, field_key[f], c->clients[i].value[f]);
    for (int i = 0; i < c->recent_count; i++) {
        put(&o, "recent\tmusic\t");
        put(&o, c->recent[i]);
        put(&o, "\n");
    }
    if (o.failed) {
        free(o.text);
        return NULL;
    }
    return o.text;
}
