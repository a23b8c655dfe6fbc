/* A made-up language for layout tests: reads a .pot (po/safebase.pot, as xgettext writes it)
 * and writes a .mo in which every word of every message is 40% longer (German runs about a
 * third longer than English), printf conversions kept. Header-only, for one test program. */
#ifndef SAFEBASE_TESTS_LANGPOT_H
#define SAFEBASE_TESTS_LANGPOT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LANGPOT_MAX 1200

typedef struct {
    char *ctx, *id, *plural; /* (ctx NULL: none; plural NULL: none) */
    bool banner;             /* its translators' comment says it shows where banners do: a banner, a
                              * notice on the screen, a sound's caption */
} langpot_msg_t;

typedef struct {
    langpot_msg_t m[LANGPOT_MAX];
    int n;
} langpot_t;

/* The C string starting at the quote s points at, unescaped, appended to *acc. */
static void append_quoted(const char *s, char **acc)
{
    size_t have = *acc ? strlen(*acc) : 0, cap = have + strlen(s) + 1, k = have;
    char *out = realloc(*acc, cap);
    if (!out)
        return;
    for (s++; *s && *s != '"'; s++) {
        if (*s == '\\' && s[1]) {
            s++;
            out[k++] = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
        } else {
            out[k++] = *s;
        }
    }
    out[k] = '\0';
    *acc = out;
}

static bool langpot_read(langpot_t *p, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[4096], **into = NULL;
    langpot_msg_t cur = { 0 };
    bool banner = false;
    for (;;) {
        bool more = fgets(line, sizeof line, f) != NULL;
        if (!more || line[0] == '\n' || (line[0] == '#' && cur.id)) { /* an entry ends */
            if (cur.id && cur.id[0] && p->n < LANGPOT_MAX)
                p->m[p->n++] = (langpot_msg_t){ cur.ctx, cur.id, cur.plural, banner };
            else {
                free(cur.ctx), free(cur.id), free(cur.plural);
            }
            cur = (langpot_msg_t){ 0 };
            into = NULL;
            if (!more)
                break;
            if (line[0] == '\n')
                banner = false;
        }
        if (strncmp(line, "#.", 2) == 0 && (strstr(line, "banner") || strstr(line, "notice") || strstr(line, "caption for")))
            banner = true;
        else if (line[0] == '#')
            continue;
        else if (strncmp(line, "msgctxt ", 8) == 0)
            append_quoted(line + 8, into = &cur.ctx);
        else if (strncmp(line, "msgid_plural ", 13) == 0)
            append_quoted(line + 13, into = &cur.plural);
        else if (strncmp(line, "msgid ", 6) == 0)
            append_quoted(line + 6, into = &cur.id);
        else if (strncmp(line, "msgstr", 6) == 0)
            into = NULL;
        else if (line[0] == '"' && into)
            append_quoted(line, into);
    }
    fclose(f);
    return p->n > 0;
}

static void langpot_free(langpot_t *p)
{
    for (int i = 0; i < p->n; i++)
        free(p->m[i].ctx), free(p->m[i].id), free(p->m[i].plural);
    p->n = 0;
}

/* s with every word of two letters or more 40% longer (German runs about a third longer
 * than English): printf conversions, tags and everything not a letter stay as they are. */
static void langpot_stretch(const char *s, char *out, size_t size)
{
    static const char *const more[] = { "e", "r", "u", "n", "g", "\xC3\xA4", "\xC3\xB6", "\xC3\x9F" };
    size_t k = 0;
    while (*s && k + 16 < size) {
        const char *start = s;
        if (*s == '%') {
            s++;
            if (*s == '%')
                s++;
            else {
                while (*s && strchr("0123456789$.-+ #*'lhzjtqL", *s))
                    s++;
                if (*s)
                    s++;
            }
        } else if (*s == '<') {
            while (*s && *s != '>')
                s++;
            s += *s == '>';
        } else if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) {
            while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'))
                s++;
        } else {
            s++;
        }
        size_t n = (size_t)(s - start);
        if (k + n + 1 >= size)
            break;
        memcpy(out + k, start, n);
        k += n;
        if (n >= 2 && ((*start >= 'a' && *start <= 'z') || (*start >= 'A' && *start <= 'Z')))
            for (size_t i = 0; i < (2 * n + 4) / 5 && k + 3 < size; i++)
                for (const char *m = more[i % 8]; *m; m++)
                    out[k++] = *m;
    }
    out[k] = '\0';
}

typedef struct {
    char *key, *value;  /* as the .mo holds them (a plural's two forms joined by a NUL) */
    size_t klen, vlen;
} langpot_entry_t;

static int by_key(const void *a, const void *b)
{
    return strcmp(((const langpot_entry_t *)a)->key, ((const langpot_entry_t *)b)->key);
}

static void put32(FILE *f, uint32_t v)
{
    fwrite(&v, 4, 1, f);
}

/* Writes the longer language of p as a .mo file at path (GNU's format, no hash table). */
static bool langpot_write_mo(const langpot_t *p, const char *path)
{
    langpot_entry_t *e = calloc((size_t)p->n + 1, sizeof *e);
    if (!e)
        return false;
    int n = 0;
    static const char head[] = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n";
    e[n++] = (langpot_entry_t){ strdup(""), strdup(head), 0, sizeof head - 1 };
    for (int i = 0; i < p->n; i++) {
        const langpot_msg_t *m = &p->m[i];
        size_t cl = m->ctx ? strlen(m->ctx) + 1 : 0, il = strlen(m->id), pl = m->plural ? strlen(m->plural) + 1 : 0;
        char *key = malloc(cl + il + pl + 1), *value = malloc(4 * (il + pl) + 64);
        if (!key || !value) {
            free(key), free(value);
            continue;
        }
        if (m->ctx)
            memcpy(key, m->ctx, cl - 1), key[cl - 1] = '\x04';
        memcpy(key + cl, m->id, il + 1);
        if (m->plural)
            memcpy(key + cl + il + 1, m->plural, pl);
        langpot_stretch(m->id, value, 4 * il + 32);
        size_t vl = strlen(value);
        if (m->plural) {
            langpot_stretch(m->plural, value + vl + 1, 4 * pl + 31);
            vl += 1 + strlen(value + vl + 1);
        }
        e[n++] = (langpot_entry_t){ key, value, cl + il + pl, vl };
    }
    qsort(e, (size_t)n, sizeof *e, by_key);
    FILE *f = fopen(path, "wb");
    if (f) {
        uint32_t N = (uint32_t)n, at = 28 + 16 * N;
        put32(f, 0x950412de), put32(f, 0), put32(f, N), put32(f, 28), put32(f, 28 + 8 * N), put32(f, 0),
            put32(f, at);
        for (int i = 0; i < n; i++, at += (uint32_t)e[i - 1].klen + 1)
            put32(f, (uint32_t)e[i].klen), put32(f, at);
        for (int i = 0; i < n; i++, at += (uint32_t)e[i - 1].vlen + 1)
            put32(f, (uint32_t)e[i].vlen), put32(f, at);
        for (int i = 0; i < n; i++)
            fwrite(e[i].key, 1, e[i].klen + 1, f);
        for (int i = 0; i < n; i++)
            fwrite(e[i].value, 1, e[i].vlen + 1, f);
    }
    for (int i = 0; i < n; i++)
        free(e[i].key), free(e[i].value);
    free(e);
    return f && fclose(f) == 0;
}

#endif
