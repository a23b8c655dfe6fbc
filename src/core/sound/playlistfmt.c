/* The small syntaxes inside playlist files: entries (paths, file:// URIs, web addresses) into
 * local paths, and XSPF's <location> elements found by a small careful scanner (no XML
 * library). Must not open files, allocate or print; never reads past the text it is given. */
#include "core/sound/playlistfmt.h"

#include <string.h>
#include <strings.h>

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The length of the URI scheme at s[0..n) ("http" in "http://"): a letter, then letters,
 * digits, '+', '-' or '.', then ':'. 0 when there is none. */
static size_t scheme_len(const char *s, size_t n)
{
    if (n == 0 || !alpha(s[0]))
        return 0;
    size_t i = 1;
    while (i < n && (alpha(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.'))
        i++;
    return i < n && s[i] == ':' ? i : 0;
}

/* Appends in[0..n) to out (outsize > 0) at *at and ends it with a NUL; with decode, each %XX
 * becomes its byte. False on a broken escape ("%zz", "%4" at the end), a NUL byte (raw or
 * %00) or no room. */
static bool put(char *out, size_t outsize, size_t *at, const char *in, size_t n, bool decode)
{
    for (size_t i = 0; i < n; i++) {
        char c = in[i];
        if (decode && c == '%') {
            if (n - i < 3)
                return false;
            int hi = hexval(in[i + 1]), lo = hexval(in[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            c = (char)(hi * 16 + lo);
            i += 2;
        }
        if (c == '\0' || *at + 1 >= outsize)
            return false;
        out[(*at)++] = c;
    }
    out[*at] = '\0';
    return true;
}

/* A file: URI, s[0..n) starting "file:": "file:///p", "file://localhost/p" or "file:/p",
 * percent-decoded. Another host (a network share) is no local path. */
static playlistfmt_kind_t file_uri(char *out, size_t outsize, const char *s, size_t n)
{
    s += 5;
    n -= 5;
    if (n >= 2 && s[0] == '/' && s[1] == '/') {
        const char *slash = memchr(s + 2, '/', n - 2);
        if (!slash)
            return PLAYLISTFMT_BAD;
        size_t host = (size_t)(slash - s) - 2;
        if (host > 0 && !(host == 9 && strncasecmp(s + 2, "localhost", 9) == 0))
            return PLAYLISTFMT_BAD;
        n -= (size_t)(slash - s);
        s = slash;
    } else if (n == 0 || s[0] != '/') {
        return PLAYLISTFMT_BAD;
    }
    size_t at = 0;
    if (!put(out, outsize, &at, s, n, true))
        return PLAYLISTFMT_BAD;
    /* file:///C:/Music/x.mp3 names a Windows path: kept as Windows writes it, "C:/Music/x.mp3" */
    if (at >= 4 && alpha(out[1]) && out[2] == ':' && out[3] == '/')
        memmove(out, out + 1, at);
    return PLAYLISTFMT_PATH;
}

/* "C:\Music\x.mp3", "C:/x", "\\server\share\x": a path only Windows can open. */
static bool windows_path(const char *s, size_t n)
{
    if (n >= 3 && alpha(s[0]) && s[1] == ':' && (s[2] == '\\' || s[2] == '/'))
        return true;
    return n >= 2 && s[0] == '\\' && s[1] == '\\';
}

playlistfmt_kind_t playlistfmt_resolve(char *out, size_t outsize, const char *s, size_t n,
                                       const char *base_dir, bool uri_ref)
{
    if (outsize == 0)
        return PLAYLISTFMT_BAD;
    out[0] = '\0';
    while (n > 0 && blank(s[n - 1]))
        n--;
    while (n > 0 && blank(*s))
        s++, n--;
    if (n == 0)
        return PLAYLISTFMT_BAD;
    size_t scheme = scheme_len(s, n);
    if (scheme == 4 && strncasecmp(s, "file", 4) == 0)
        return file_uri(out, outsize, s, n);
    /* (one letter is a Windows drive, "C:", not a scheme) */
    if (scheme >= 2 && n - scheme >= 3 && s[scheme + 1] == '/' && s[scheme + 2] == '/')
        return PLAYLISTFMT_URL;
    size_t at = 0;
    if (windows_path(s, n))
        return put(out, outsize, &at, s, n, false) ? PLAYLISTFMT_PATH : PLAYLISTFMT_BAD;
    if (s[0] != '/' && base_dir && *base_dir) {
        if (!put(out, outsize, &at, base_dir, strlen(base_dir), false))
            return PLAYLISTFMT_BAD;
        if (out[at - 1] != '/' && !put(out, outsize, &at, "/", 1, false))
            return PLAYLISTFMT_BAD;
    }
    return put(out, outsize, &at, s, n, uri_ref) ? PLAYLISTFMT_PATH : PLAYLISTFMT_BAD;
}

/* ---- XSPF ---- */

typedef enum { TAG_SKIP, TAG_CDATA, TAG_START, TAG_END } tag_kind_t;

/* A piece of markup: a start or end tag (its local name: "location" in <xspf:location>), a
 * CDATA section (its text), or something skipped (a comment, a declaration, a processing
 * instruction, a stray '<'). next is where the text goes on. */
typedef struct {
    tag_kind_t kind;
    const char *name;   /* the local name, or the CDATA's text */
    size_t n;
    bool empty;         /* <name/> */
    size_t next;
} tag_t;

static bool starts(const playlistfmt_xspf_t *x, size_t at, const char *lit)
{
    size_t m = strlen(lit);
    return x->len - at >= m && memcmp(x->text + at, lit, m) == 0;
}

/* Where the first lit at or after at starts, or len when there is none. */
static size_t find(const playlistfmt_xspf_t *x, size_t at, const char *lit)
{
    size_t m = strlen(lit);
    for (size_t i = at; i < x->len && x->len - i >= m; i++)
        if (memcmp(x->text + i, lit, m) == 0)
            return i;
    return x->len;
}

/* Just past the first lit at or after at (len when there is none). */
static size_t past(const playlistfmt_xspf_t *x, size_t at, const char *lit)
{
    size_t i = find(x, at, lit);
    return i < x->len ? i + strlen(lit) : x->len;
}

/* The '>' ending a tag or declaration begun before at, past quoted attribute values and
 * (for <!DOCTYPE ... [ ... ]>) brackets; len when the text ends first. */
static size_t tag_end(const playlistfmt_xspf_t *x, size_t at)
{
    char quote = 0;
    int brackets = 0;
    for (size_t i = at; i < x->len; i++) {
        char c = x->text[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[') {
            brackets++;
        } else if (c == ']' && brackets > 0) {
            brackets--;
        } else if (c == '>' && brackets == 0) {
            return i;
        }
    }
    return x->len;
}

/* Reads the markup at x->text[at] == '<'. */
static void read_tag(const playlistfmt_xspf_t *x, size_t at, tag_t *t)
{
    memset(t, 0, sizeof *t);
    t->kind = TAG_SKIP;
    if (starts(x, at, "<!--")) {
        t->next = past(x, at + 4, "-->");
        return;
    }
    if (starts(x, at, "<![CDATA[")) {
        size_t end = find(x, at + 9, "]]>");
        t->kind = TAG_CDATA;
        t->name = x->text + at + 9;
        t->n = end - (at + 9);
        t->next = end < x->len ? end + 3 : x->len;
        return;
    }
    if (starts(x, at, "<?")) {
        t->next = past(x, at + 2, "?>");
        return;
    }
    if (starts(x, at, "<!")) {
        size_t end = tag_end(x, at + 2);
        t->next = end < x->len ? end + 1 : x->len;
        return;
    }
    size_t i = at + 1;
    bool end_tag = i < x->len && x->text[i] == '/';
    i += end_tag;
    size_t name = i;
    while (i < x->len && !blank(x->text[i]) && x->text[i] != '>' && x->text[i] != '/')
        i++;
    if (i == name) { /* "<" then nothing like a name: not markup, step over it */
        t->next = at + 1;
        return;
    }
    for (size_t j = name; j < i; j++) /* the local name: after a namespace prefix */
        if (x->text[j] == ':')
            name = j + 1;
    size_t end = tag_end(x, i);
    if (end >= x->len) { /* cut off before its '>': not a whole tag */
        t->next = x->len;
        return;
    }
    t->kind = end_tag ? TAG_END : TAG_START;
    t->name = x->text + name;
    t->n = i - name;
    t->empty = !end_tag && x->text[end - 1] == '/';
    t->next = end + 1;
}

static bool named(const tag_t *t, const char *name)
{
    return t->n == strlen(name) && strncasecmp(t->name, name, t->n) == 0;
}

/* Decodes the reference at s[at] == '&' ("&amp;", "&#233;", "&#xE9;") into u as UTF-8 and
 * returns its length in bytes, 0 when it is unknown or broken ("&nbsp;", "&#0;"). A '&' that
 * begins no reference ("Simon & Garfunkel": no ';' after a name) is taken as itself, as
 * sloppy writers mean it. *next is set past what was read. */
static size_t reference(const char *s, size_t len, size_t at, char u[4], size_t *next)
{
    size_t end = at + 1;
    while (end < len && end - at < 32 && (alpha(s[end]) || (s[end] >= '0' && s[end] <= '9') || s[end] == '#'))
        end++;
    if (end >= len || s[end] != ';' || end == at + 1) {
        *next = at + 1;
        u[0] = '&';
        return 1;
    }
    *next = end + 1;
    const char *r = s + at + 1;
    size_t n = end - at - 1;
    static const struct {
        const char *name;
        char c;
    } names[] = { { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' } };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (n == strlen(names[i].name) && memcmp(r, names[i].name, n) == 0) {
            u[0] = names[i].c;
            return 1;
        }
    if (n < 2 || r[0] != '#')
        return 0;
    unsigned long v = 0, radix = r[1] == 'x' || r[1] == 'X' ? 16 : 10;
    size_t i = radix == 16 ? 2 : 1;
    if (i >= n)
        return 0;
    for (; i < n; i++) {
        int d = radix == 16 ? hexval(r[i]) : r[i] >= '0' && r[i] <= '9' ? r[i] - '0' : -1;
        if (d < 0)
            return 0;
        v = v * radix + (unsigned long)d;
        if (v > 0x10FFFF)
            return 0;
    }
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    if (v < 0x80) {
        u[0] = (char)v;
        return 1;
    }
    if (v < 0x800) {
        u[0] = (char)(0xC0 | (v >> 6));
        u[1] = (char)(0x80 | (v & 0x3F));
        return 2;
    }
    if (v < 0x10000) {
        u[0] = (char)(0xE0 | (v >> 12));
        u[1] = (char)(0x80 | ((v >> 6) & 0x3F));
        u[2] = (char)(0x80 | (v & 0x3F));
        return 3;
    }
    u[0] = (char)(0xF0 | (v >> 18));
    u[1] = (char)(0x80 | ((v >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((v >> 6) & 0x3F));
    u[3] = (char)(0x80 | (v & 0x3F));
    return 4;
}

/* out[0..*at) and its room: appending past it, or a NUL byte, spoils the text. */
typedef struct {
    char *out;
    size_t size, at;
    bool ok;
} text_t;

static void append(text_t *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\0' || t->at + 1 >= t->size) {
            t->ok = false;
            return;
        }
        t->out[t->at++] = s[i];
    }
}

/* Reads a <location>'s text, x->pos just past its start tag. */
static playlistfmt_xspf_step_t read_location(playlistfmt_xspf_t *x, char *out, size_t outsize)
{
    text_t t = { out, outsize, 0, true };
    while (x->pos < x->len) {
        char c = x->text[x->pos];
        if (c == '&') {
            char u[4];
            size_t n = reference(x->text, x->len, x->pos, u, &x->pos);
            if (n == 0)
                t.ok = false;
            append(&t, u, n);
            continue;
        }
        if (c != '<') {
            append(&t, &c, 1);
            x->pos++;
            continue;
        }
        tag_t tag;
        read_tag(x, x->pos, &tag);
        if (tag.kind == TAG_END && !named(&tag, "location"))
            break; /* never closed: the walk goes on from this end tag */
        x->pos = tag.next;
        if (tag.kind == TAG_CDATA)
            append(&t, tag.name, tag.n);
        else if (tag.kind == TAG_START)
            t.ok = false; /* an element inside a location */
        else if (tag.kind == TAG_END) {
            size_t a = 0, b = t.at;
            while (a < b && blank(out[a]))
                a++;
            while (b > a && blank(out[b - 1]))
                b--;
            memmove(out, out + a, b - a);
            out[b - a] = '\0';
            return t.ok && b > a ? PLAYLISTFMT_XSPF_FOUND : PLAYLISTFMT_XSPF_BROKEN;
        }
    }
    out[t.at] = '\0';
    return PLAYLISTFMT_XSPF_BROKEN; /* cut off, or an end tag not its own */
}

void playlistfmt_xspf_start(playlistfmt_xspf_t *x, const char *text, size_t len)
{
    memset(x, 0, sizeof *x);
    x->text = text;
    x->len = len;
    x->depth = -1;
}

playlistfmt_xspf_step_t playlistfmt_xspf_next(playlistfmt_xspf_t *x, char *out, size_t outsize)
{
    if (outsize == 0)
        return PLAYLISTFMT_XSPF_END;
    out[0] = '\0';
    while (x->pos < x->len) {
        const char *lt = memchr(x->text + x->pos, '<', x->len - x->pos);
        if (!lt)
            break;
        tag_t t;
        read_tag(x, (size_t)(lt - x->text), &t);
        x->pos = t.next;
        if (t.kind == TAG_START) {
            if (x->depth == 0 && named(&t, "location"))
                return t.empty ? PLAYLISTFMT_XSPF_BROKEN : read_location(x, out, outsize);
            if (x->in_list && x->depth <= 0 && named(&t, "track")) {
                x->track++; /* (a <track> left open ends where the next begins) */
                x->depth = t.empty ? -1 : 0;
            } else if (named(&t, "trackList")) {
                x->in_list = !t.empty;
                x->depth = -1;
            } else if (x->depth >= 0 && !t.empty) {
                x->depth++;
            }
        } else if (t.kind == TAG_END) {
            if (named(&t, "trackList")) {
                x->in_list = false;
                x->depth = -1;
            } else if (named(&t, "track")) {
                x->depth = -1;
            } else if (x->depth > 0) {
                x->depth--;
            }
        }
    }
    x->pos = x->len;
    return PLAYLISTFMT_XSPF_END;
}
