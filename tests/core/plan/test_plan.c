/* Tests for core/plan: the built-in plans, repeat expansion, and every mistake a plan author
 * can make reported at its line (inline texts and the fixtures in tests/plans/bad/).
 * Also throws garbage at the parser: it must never crash or leak (run under ASan). */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "core/plan/plan.h"

#define SRC SAFEBASE_SOURCE_DIR

/* ---- helpers ---- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static bool is_zeroed(const plan_t *p)
{
    static const plan_t zero;
    return memcmp(p, &zero, sizeof zero) == 0;
}

static bool parse(const char *text, plan_t *p, plan_errors_t *e)
{
    return plan_parse(text, strlen(text), p, e);
}

static void dump_errors(const plan_errors_t *e)
{
    for (int i = 0; i < e->count; i++)
        fprintf(stderr, "    line %d: %s\n", e->items[i].line, e->items[i].message);
}

static bool has_error(const plan_errors_t *e, int line, const char *part)
{
    for (int i = 0; i < e->count; i++) {
        if (e->items[i].line == line && strstr(e->items[i].message, part))
            return true;
    }
    return false;
}

/* Parses text expecting failure with an error at line containing part, and `count` errors
 * in all (count < 0: any number). */
static void expect_error(const char *text, size_t len, int line, const char *part, int count,
                         int src_line)
{
    plan_t p;
    plan_errors_t e;
    bool ok = plan_parse(text, len, &p, &e);
    bool good = !ok && is_zeroed(&p) && has_error(&e, line, part) && (count < 0 || e.count == count);
    if (good) {
        check_passed++;
        return;
    }
    check_failed++;
    fprintf(stderr, "%s:%d: wanted %d error(s), one at line %d with \"%s\"; got %s with:\n",
            __FILE__, src_line, count, line, part, ok ? "success" : "failure");
    dump_errors(&e);
    plan_free(&p);
}

#define EXPECT_ERROR(text, line, part) expect_error((text), strlen(text), (line), (part), 1, __LINE__)
#define EXPECT_ERRORS(text, line, part, n) \
    expect_error((text), strlen(text), (line), (part), (n), __LINE__)

#define HEAD "[plan]\ntitle = T\n[phase A]\nduration = 1m\n"   /* lines 1-4, valid */

/* ---- the built-in plans ---- */

static bool load_builtin(const char *id, plan_t *p)
{
    char path[512];
    size_t len = 0;
    plan_errors_t e;
    snprintf(path, sizeof path, "%s/assets/plans/%s.plan", SRC, id);
    char *text = read_file(path, &len);
    CHECK(text != NULL);
    if (!text)
        return false;
    bool ok = plan_parse(text, len, p, &e);
    free(text);
    if (!ok) {
        fprintf(stderr, "%s:\n", path);
        dump_errors(&e);
    }
    return ok;
}

static void check_builtin_common(const char *id, const plan_t *p)
{
    char what[128];
    snprintf(what, sizeof what, "%s", id);
    CHECK(p->title && p->title[0]);
    CHECK(p->description && p->description[0]);
    CHECK(p->nphases >= 3);
    CHECK(plan_total_ms(p) >= 8 * 60000 && plan_total_ms(p) <= 16 * 60000);
    CHECK(p->end_warning_ms > 0 && p->end_warning_ms < plan_total_ms(p));
    CHECK(p->phases[p->nphases - 1].kind == PHASE_CLOSE);
    for (int i = 0; i < p->nphases; i++) {
        const plan_phase_t *ph = &p->phases[i];
        CHECK(ph->nprompts >= 2 || ph->kind == PHASE_CLOSE);
        CHECK(ph->warn_ms < ph->duration_ms);
        for (int k = 0; k < ph->nprompts; k++) {
            if (strlen(ph->prompts[k]) > 60)
                fprintf(stderr, "%s: prompt too long to read from 3 m: %s\n", what, ph->prompts[k]);
            CHECK(strlen(ph->prompts[k]) <= 60);
        }
    }
}

static void test_builtin_plans(void)
{
    static const char *const ids[] = { "connect-separate-connect", "safe-base-dance",
        "special-playtime", "gentle-together", "gentle-self", "gentle-calm" };
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        plan_t p;
        CHECK(load_builtin(ids[i], &p));
        if (p.nphases > 0)
            check_builtin_common(ids[i], &p);
        plan_free(&p);
    }
}

static void test_connect_separate_connect(void)
{
    plan_t p;
    if (!load_builtin("connect-separate-connect", &p))
        return;
    CHECK_EQ_STR(p.title, "Connect, separate, connect");
    CHECK_EQ_INT(p.audience, AUDIENCE_THERAPIST);
    int64_t seps[3];
    int n = 0;
    for (int i = 0; i < p.nphases; i++) {
        if (p.phases[i].kind == PHASE_SEPARATE && n < 3)
            seps[n++] = p.phases[i].duration_ms;
    }
    CHECK_EQ_INT(n, 3);
    CHECK_EQ_INT(seps[0], 20000);
    CHECK_EQ_INT(seps[1], 40000);
    CHECK_EQ_INT(seps[2], 60000);
    /* every separation is followed by a connect phase: reconnect always has somewhere to go */
    for (int i = 0; i < p.nphases; i++) {
        if (p.phases[i].kind == PHASE_SEPARATE)
            CHECK(plan_find_kind_after(&p, i, PHASE_CONNECT) == i + 1);
    }
    CHECK_EQ_INT(plan_total_ms(&p), 10 * 60000);
    plan_free(&p);
}

static void test_special_playtime(void)
{
    plan_t p;
    if (!load_builtin("special-playtime", &p))
        return;
    CHECK_EQ_STR(p.title, "Special playtime");
    CHECK_EQ_INT(p.audience, AUDIENCE_PARENT);
    CHECK_EQ_STR(plan_audience_name(p.audience), "parent");
    CHECK_EQ_INT(plan_total_ms(&p), 15 * 60000);
    CHECK_EQ_INT(p.end_warning_ms, 2 * 60000);
    const char *want[] = { "Follow their lead.", "Describe what they do.", "Delight in them.",
                           "No questions, no teaching." };
    for (int w = 0; w < 4; w++) {
        bool found = false;
        for (int i = 0; i < p.nphases; i++) {
            for (int k = 0; k < p.phases[i].nprompts; k++)
                found = found || strcmp(p.phases[i].prompts[k], want[w]) == 0;
        }
        CHECK(found);
    }
    plan_free(&p);
}

static void test_safe_base_dance_and_gentle(void)
{
    plan_t p;
    if (load_builtin("safe-base-dance", &p)) {
        CHECK_EQ_INT(p.end_warning_ms, 60000);
        CHECK_EQ_INT(plan_total_ms(&p), 12 * 60000);
        CHECK(p.phases[1].music == MUSIC_PLAY);
        CHECK(p.phases[p.nphases - 1].music == MUSIC_SOFT);
        CHECK(plan_find_kind_after(&p, 0, PHASE_SEPARATE) == 1);
        plan_free(&p);
    }
    if (load_builtin("gentle-calm", &p)) {
        for (int i = 0; i < p.nphases; i++) {
            const plan_phase_t *ph = &p.phases[i];
            CHECK(ph->music == MUSIC_SOFT);                 /* soft sound throughout */
            if (ph->kind == PHASE_SETTLE)
                CHECK(ph->breaths_per_min == 6);
            if (ph->kind == PHASE_SEPARATE)
                CHECK(ph->duration_ms <= 30000);            /* no long separations */
        }
        CHECK(p.phases[0].breaths_per_min == 6);
        plan_free(&p);
    }
    if (load_builtin("gentle-self", &p)) {
        CHECK(plan_find_kind_after(&p, -1, PHASE_SEPARATE) > 0);
        plan_free(&p);
    }
}

/* ---- format features ---- */

static const char expand_text[] =
    "[plan]\n"             /* 1 */
    "title = T\n"          /* 2 */
    "[phase Settle]\n"     /* 3 */
    "kind = settle\n"      /* 4 */
    "duration = 1m\n"      /* 5 */
    "[repeat 3]\n"         /* 6 */
    "[phase Connect]\n"    /* 7 */
    "kind = connect\n"     /* 8 */
    "duration = 1m\n"      /* 9 */
    "[phase Separate]\n"   /* 10 */
    "kind = separate\n"    /* 11 */
    "duration = 20s\n"     /* 12 */
    "grow = 20s\n"         /* 13 */
    "prompt = Go\n"        /* 14 */
    "track = a.ogg\n"      /* 15 */
    "[end repeat]\n"       /* 16 */
    "[phase Reunion]\n"    /* 17 */
    "kind = connect\n"     /* 18 */
    "duration = 2m\n";     /* 19 */

static void test_repeat_expansion(void)
{
    plan_t p;
    plan_errors_t e;
    CHECK(parse(expand_text, &p, &e));
    static const struct { const char *name; int64_t ms; int round, rounds, line; } want[] = {
        { "Settle", 60000, 1, 1, 3 },    { "Connect", 60000, 1, 3, 7 },
        { "Separate", 20000, 1, 3, 10 }, { "Connect", 60000, 2, 3, 7 },
        { "Separate", 40000, 2, 3, 10 }, { "Connect", 60000, 3, 3, 7 },
        { "Separate", 60000, 3, 3, 10 }, { "Reunion", 120000, 1, 1, 17 },
    };
    CHECK_EQ_INT(p.nphases, 8);
    for (int i = 0; i < p.nphases && i < 8; i++) {
        CHECK_EQ_STR(p.phases[i].name, want[i].name);
        CHECK_EQ_INT(p.phases[i].duration_ms, want[i].ms);
        CHECK_EQ_INT(p.phases[i].round, want[i].round);
        CHECK_EQ_INT(p.phases[i].rounds, want[i].rounds);
        CHECK_EQ_INT(p.phases[i].line, want[i].line);
    }
    CHECK_EQ_INT(plan_total_ms(&p), 480000);
    CHECK_EQ_INT(plan_find_kind_after(&p, 2, PHASE_CONNECT), 3);
    CHECK_EQ_INT(plan_find_kind_after(&p, 6, PHASE_CONNECT), 7);
    CHECK_EQ_INT(plan_find_kind_after(&p, 7, PHASE_CONNECT), -1);
    CHECK_EQ_INT(plan_find_kind_after(&p, -1, PHASE_SETTLE), 0);
    CHECK_EQ_INT(plan_find_kind_after(&p, 0, PHASE_CLOSE), -1);
    if (p.nphases == 8) {  /* copies own their strings */
        CHECK(p.phases[2].prompts[0] != p.phases[4].prompts[0]);
        CHECK(p.phases[2].track != p.phases[4].track);
        CHECK_EQ_STR(p.phases[6].track, "a.ogg");
        CHECK(p.phases[1].name != p.phases[3].name);
    }
    plan_free(&p);
    CHECK(is_zeroed(&p));
    plan_free(&p);  /* twice is safe */
    CHECK(is_zeroed(&p));
}

static void test_defaults_and_values(void)
{
    plan_t p;
    plan_errors_t e;
    CHECK(parse("  # a comment\n; another\n[PLAN]\nTitle = Mine\n[Phase  Calm down ]\n"
                "Duration = 90\nprompt = Use # and ; freely; they are text\nbreathe = yes\n"
                "track = songs/My Song.ogg\n", &p, &e));
    CHECK_EQ_STR(p.title, "Mine");
    CHECK_EQ_INT(p.audience, AUDIENCE_THERAPIST);
    CHECK_EQ_INT(p.fade_ms, 1500);
    CHECK(!p.child_view);
    CHECK(p.music == NULL && p.description == NULL);
    CHECK_EQ_INT(p.end_warning_ms, 0);
    CHECK_EQ_STR(p.phases[0].name, "Calm down");
    CHECK_EQ_INT(p.phases[0].kind, PHASE_PLAY);
    CHECK_EQ_INT(p.phases[0].music, MUSIC_CONTINUE);
    CHECK_EQ_INT(p.phases[0].duration_ms, 90000);
    CHECK_EQ_STR(p.phases[0].prompts[0], "Use # and ; freely; they are text");
    CHECK(p.phases[0].breaths_per_min == 6);
    CHECK_EQ_STR(p.phases[0].track, "songs/My Song.ogg");
    CHECK(p.phases[0].note == NULL);
    CHECK_EQ_INT(p.phases[0].round, 1);
    CHECK_EQ_INT(p.phases[0].rounds, 1);
    plan_free(&p);

    CHECK(parse("[plan]\ntitle = T\naudience = Parent\nmusic = BuiltIn\nend_warning = none\n"
                "fade = 10s\nchild_view = ON\n[phase A]\nduration = 1m\nkind = SEPARATE\n"
                "music = silence\nwarn = 59s\nbreathe = 4.5\nprompt_every = 0\nnote = n\n",
                &p, &e));
    CHECK_EQ_INT(p.audience, AUDIENCE_PARENT);
    CHECK_EQ_STR(p.music, "builtin");
    CHECK_EQ_INT(p.end_warning_ms, 0);
    CHECK_EQ_INT(p.fade_ms, 10000);
    CHECK(p.child_view);
    CHECK_EQ_INT(p.phases[0].kind, PHASE_SEPARATE);
    CHECK_EQ_INT(p.phases[0].music, MUSIC_SILENCE);
    CHECK_EQ_INT(p.phases[0].warn_ms, 59000);
    CHECK(p.phases[0].breaths_per_min == 4.5);
    CHECK_EQ_STR(p.phases[0].note, "n");
    plan_free(&p);

    CHECK(parse("[plan]\ntitle = T\nmusic = ../My Music/list.m3u\n[phase A]\nduration = 1m\n"
                "[repeat 1]\n[phase B]\nduration = 1m\ngrow = 1m\n[end repeat]\n", &p, &e));
    CHECK_EQ_STR(p.music, "../My Music/list.m3u");
    CHECK_EQ_INT(p.nphases, 2);
    plan_free(&p);
}

/* Failing late, after much was built: nothing leaks (ASan's leak checker watches). */
static void test_free_partial(void)
{
    static char buf[4096];
    plan_t p;
    plan_errors_t e;
    snprintf(buf, sizeof buf, "%s[phase Extra]\nduration = 1m\nprompt = a\nnote = b\ntrack = c\n"
             "[repeat 2]\n[phase R]\nduration = 1m\nprompt = r\n", expand_text);
    CHECK(!parse(buf, &p, &e));
    CHECK(is_zeroed(&p));
    CHECK(has_error(&e, 25, "never closed"));
    /* a plan filled in by hand, half done, frees cleanly too */
    memset(&p, 0, sizeof p);
    p.title = malloc(4);
    p.phases = calloc(3, sizeof *p.phases);
    if (p.title && p.phases) {
        strcpy(p.title, "Hi");
        p.nphases = 2;
        p.phases[0].name = malloc(2);
        p.phases[0].prompts[0] = malloc(2);
        p.phases[0].nprompts = 1;
        p.phases[1].note = malloc(2);
    }
    plan_free(&p);
    CHECK(is_zeroed(&p));
}

static void test_names(void)
{
    CHECK_EQ_STR(phase_kind_name(PHASE_CONNECT), "connect");
    CHECK_EQ_STR(phase_kind_name(PHASE_SEPARATE), "separate");
    CHECK_EQ_STR(phase_kind_name(PHASE_PLAY), "play");
    CHECK_EQ_STR(phase_kind_name(PHASE_SETTLE), "settle");
    CHECK_EQ_STR(phase_kind_name(PHASE_CLOSE), "close");
    CHECK_EQ_STR(plan_audience_name(AUDIENCE_THERAPIST), "therapist");
    CHECK_EQ_STR(plan_audience_name(AUDIENCE_PARENT), "parent");
    CHECK_EQ_INT(plan_total_ms(NULL), 0);
    plan_t zero;
    memset(&zero, 0, sizeof zero);
    CHECK_EQ_INT(plan_total_ms(&zero), 0);
    CHECK_EQ_INT(plan_find_kind_after(&zero, -1, PHASE_CONNECT), -1);
    plan_free(&zero);
    CHECK(is_zeroed(&zero));
    plan_free(NULL);
}

static void test_line_endings(void)
{
    plan_t p;
    plan_errors_t e;
    const char crlf[] = "\xEF\xBB\xBF[plan]\r\ntitle = T\r\n\r\n[phase A]\r\nduration = 1m\r\n"
                        "prompt = Hi\r\n";
    CHECK(plan_parse(crlf, sizeof crlf - 1, &p, &e));
    CHECK_EQ_STR(p.title, "T");
    CHECK_EQ_STR(p.phases[0].prompts[0], "Hi");
    CHECK_EQ_INT(p.phases[0].line, 4);
    plan_free(&p);
    const char cr[] = "[plan]\rtitle = T\r[phase A]\rduration = 1m";   /* old Mac, no final newline */
    CHECK(plan_parse(cr, sizeof cr - 1, &p, &e));
    CHECK_EQ_INT(p.nphases, 1);
    plan_free(&p);
    /* a mistake after CRLF lines is reported at the right line */
    EXPECT_ERROR("[plan]\r\ntitle = T\r\n[phase A]\r\nduration = 5x\r\n", 4, "bad duration \"5x\"");
    /* the text need not be NUL-terminated: parse a prefix */
    const char prefix[] = HEAD "duration = 2m\n";
    CHECK(plan_parse(prefix, strlen(HEAD), &p, &e));
    plan_free(&p);
}

static void test_fixture_files(void)
{
    char path[512];
    size_t len;
    plan_t p;
    plan_errors_t e;
    const char *good[] = { "crlf-bom.plan", "full-example.plan" };
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/tests/plans/good/%s", SRC, good[i]);
        char *text = read_file(path, &len);
        CHECK(text != NULL);
        bool ok = text && plan_parse(text, len, &p, &e);
        if (!ok)
            dump_errors(&e);
        CHECK(ok);
        plan_free(&p);
        free(text);
    }
    snprintf(path, sizeof path, "%s/docs/plan-format.md", SRC);
    char *doc = read_file(path, &len);
    CHECK(doc != NULL);
    /* the complete example in the documentation is the full-example fixture, verbatim */
    snprintf(path, sizeof path, "%s/tests/plans/good/full-example.plan", SRC);
    char *example = read_file(path, &len);
    CHECK(example != NULL);
    if (doc && example) {
        example[len] = '\0';
        CHECK(strstr(doc, example) != NULL);
    }
    free(doc);
    free(example);
}

/* Each file in tests/plans/bad/ lists what it must produce in lines "# expect LINE: text".
 * The parser must report exactly those errors, no more. */
static void check_bad_fixture(const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    CHECK(text != NULL);
    if (!text)
        return;
    text[len] = '\0';
    plan_t p;
    plan_errors_t e;
    CHECK(!plan_parse(text, len, &p, &e));
    CHECK(is_zeroed(&p));
    int expected = 0;
    for (const char *s = strstr(text, "# expect "); s; s = strstr(s + 1, "# expect ")) {
        int line = 0, off = 0;
        char want[160] = "";
        if (sscanf(s, "# expect %d: %n", &line, &off) == 1 && off > 0) {
            size_t n = strcspn(s + off, "\r\n");
            snprintf(want, sizeof want, "%.*s", (int)n, s + off);
        }
        expected++;
        if (!has_error(&e, line, want)) {
            fprintf(stderr, "%s: no error at line %d with \"%s\"; got:\n", path, line, want);
            dump_errors(&e);
        }
        CHECK(has_error(&e, line, want));
    }
    CHECK(expected > 0);
    if (e.count != expected) {
        fprintf(stderr, "%s: %d errors, expected %d:\n", path, e.count, expected);
        dump_errors(&e);
    }
    CHECK_EQ_INT(e.count, expected);
    free(text);
}

static void test_bad_fixtures(void)
{
    char dir[512], path[1024];
    snprintf(dir, sizeof dir, "%s/tests/plans/bad", SRC);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    int files = 0;
    for (struct dirent *ent; d && (ent = readdir(d));) {
        size_t n = strlen(ent->d_name);
        if (n < 6 || strcmp(ent->d_name + n - 5, ".plan") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        check_bad_fixture(path);
        files++;
    }
    if (d)
        closedir(d);
    CHECK(files >= 5);
}

/* ---- mistakes, each at its line ---- */

static void test_errors_inline(void)
{
    /* lines and files */
    EXPECT_ERROR(HEAD "prompt = ab\xff\n", 5, "invalid UTF-8 (byte 0xff at column 12)");
    EXPECT_ERROR(HEAD "prompt = \xc0\xaf\n", 5, "invalid UTF-8 (byte 0xc0");       /* overlong */
    EXPECT_ERROR(HEAD "prompt = \xe0\x80\xaf\n", 5, "invalid UTF-8 (byte 0xe0");   /* overlong */
    EXPECT_ERROR(HEAD "prompt = \xed\xa0\x80\n", 5, "invalid UTF-8 (byte 0xed");   /* surrogate */
    EXPECT_ERROR(HEAD "prompt = \xf4\x90\x80\x80\n", 5, "invalid UTF-8");          /* > U+10FFFF */
    EXPECT_ERROR(HEAD "prompt = ok\xe2\x82", 5, "invalid UTF-8 (byte 0xe2 at column 12)");
    EXPECT_ERROR(HEAD "prompt = a\x1b[31mred\n", 5, "control character 0x1b at column 11");
    EXPECT_ERROR("", 1, "empty file: a plan needs a [plan] section and at least one [phase]");
    EXPECT_ERROR("# just a comment\n\n   ; and another\n\t\n", 1, "empty file");
    EXPECT_ERROR("\xEF\xBB\xBF", 1, "empty file");
    const char bin[] = HEAD "\n\x7f" "ELF\0\0\x01garbage = \xff\n[foo]\n";
    expect_error(bin, sizeof bin - 1, 6, "binary file, not a plan (NUL byte on line 6)", 1, __LINE__);
    /* sections */
    EXPECT_ERROR(HEAD "[foo]\n", 5,
                 "unknown section [foo]; expected [plan], [phase NAME], [repeat N] or [end repeat]");
    EXPECT_ERROR(HEAD "[end]\n", 5, "unknown section [end]");
    EXPECT_ERROR(HEAD "[phase B\nduration = 1m\n", 5, "section header \"[phase B\" has no closing ]");
    EXPECT_ERROR(HEAD "[phase B] ; the second\nduration = 1m\n", 5, "comments go on their own line");
    EXPECT_ERROR(HEAD "[phase]\nduration = 1m\n", 5, "[phase] needs a name");
    EXPECT_ERROR(HEAD "[phase   ]\n", 5, "[phase] needs a name");
    EXPECT_ERROR(HEAD "[phase 12345678901234567890123456789012345678901]\n", 5,
                 "is 41 characters; the limit is 40");
    EXPECT_ERROR(HEAD "[plan]\ntitle = again\n", 5, "a second [plan] section (the first is on line 1)");
    EXPECT_ERROR(HEAD "[plan extra]\n", 5, "[plan] takes no name");
}

static void test_errors_keys_and_values(void)
{
    EXPECT_ERROR("title = T\n[plan]\ntitle = T\n[phase A]\nduration = 1m\n", 1,
                 "\"title\" is outside any section");
    EXPECT_ERROR(HEAD "[repeat 2]\nkind = play\n[phase B]\nduration = 1m\n[end repeat]\n", 6,
                 "\"kind\" is outside any section");
    EXPECT_ERROR(HEAD "Sit close and notice them\n", 5,
                 "expected key = value, a [section] or a # comment, not \"Sit close and notice them\"");
    EXPECT_ERROR(HEAD "= 5\n", 5, "a key is missing before \"=\"");
    EXPECT_ERROR(HEAD "colour = red\n", 5, "unknown key \"colour\" in [phase]; allowed: kind, duration, "
                 "prompt, prompt_every, music, track, warn, breathe, note, grow");
    EXPECT_ERROR("[plan]\ntitle = T\nlength = 5m\n[phase A]\nduration = 1m\n", 3,
                 "unknown key \"length\" in [plan]; allowed: title, audience, description, music, "
                 "end_warning, fade, child_view, grow_max");
    EXPECT_ERROR(HEAD "Duration = 2m\n", 5, "duration is given twice in this section (first on line 4)");
    EXPECT_ERROR(HEAD "note =\n", 5, "note has no value");
    EXPECT_ERROR("[plan]\ntitle =   \n[phase A]\nduration = 1m\n", 2, "title has no value");
    /* values */
    EXPECT_ERROR("[plan]\ntitle = T\n[phase A]\nduration = 5x\n", 4,
                 "bad duration \"5x\": use e.g. 45s, 2m, 1m30s, 1h");
    EXPECT_ERROR("[plan]\ntitle = T\n[phase A]\nduration = 0s\n", 4, "duration \"0s\" is zero");
    EXPECT_ERROR("[plan]\ntitle = T\n[phase A]\nduration = 3h 1s\n", 4,
                 "duration \"3h 1s\" is over 3 hours");
    EXPECT_ERROR(HEAD "warn = 1m\n", 5, "warn (1 min) must be shorter than the phase (1 min)");
    EXPECT_ERROR(HEAD "warn = soon\n", 5, "bad duration \"soon\"");
    EXPECT_ERROR("[plan]\ntitle = T\nfade = 20s\n[phase A]\nduration = 1m\n", 3,
                 "fade \"20s\" is out of range: use 0.5s to 10s");
    EXPECT_ERROR("[plan]\ntitle = T\nfade = 0\n[phase A]\nduration = 1m\n", 3, "out of range");
    EXPECT_ERROR(HEAD "kind = dance\n", 5,
                 "bad kind \"dance\": use connect, separate, play, settle or close");
    EXPECT_ERROR(HEAD "music = loud\n", 5, "bad music \"loud\": use continue, play, soft or silence");
    EXPECT_ERROR("[plan]\ntitle = T\naudience = kids\n[phase A]\nduration = 1m\n", 3,
                 "bad audience \"kids\": use therapist or parent");
    EXPECT_ERROR("[plan]\ntitle = T\nchild_view = maybe\n[phase A]\nduration = 1m\n", 3,
                 "bad child_view \"maybe\": use yes or no");
    EXPECT_ERROR(HEAD "breathe = 30\n", 5, "bad breathe \"30\": use breaths per minute from 2 to 20");
    EXPECT_ERROR(HEAD "breathe = fast\n", 5, "bad breathe \"fast\"");
    EXPECT_ERROR(HEAD "prompt_every = 1s\n", 5, "prompt_every \"1s\" is too fast");
    EXPECT_ERROR("[plan]\ntitle = T\nend_warning = 1m\n[phase A]\nduration = 1m\n", 3,
                 "end_warning (1 min) must be shorter than the whole plan (1 min)");
    EXPECT_ERROR("[plan]\ntitle = 1234567890123456789012345678901234567890123456789012345678901\n"
                 "[phase A]\nduration = 1m\n", 2, "title is 61 characters; the limit is 60");
}

static void test_errors_structure(void)
{
    /* required things */
    EXPECT_ERROR("[plan]\naudience = parent\n[phase A]\nduration = 1m\n", 1, "[plan] has no title");
    EXPECT_ERROR("[phase A]\nduration = 1m\n", 1, "missing [plan] section");
    EXPECT_ERROR(HEAD "[phase B]\nkind = close\n", 5, "phase \"B\" has no duration");
    EXPECT_ERROR("[plan]\ntitle = T\n", 1, "no phases: add at least one [phase NAME]");
    EXPECT_ERRORS("just words\n", 1, "missing [plan] section", 3);
    /* repeats */
    EXPECT_ERROR(HEAD "[repeat 0]\n[phase B]\nduration = 1m\n[end repeat]\n", 5,
                 "bad repeat count \"0\": use [repeat N] with N from 1 to 50");
    EXPECT_ERROR(HEAD "[repeat 51]\n[phase B]\nduration = 1m\n[end repeat]\n", 5, "bad repeat count");
    EXPECT_ERROR(HEAD "[repeat x]\n[phase B]\nduration = 1m\n[end repeat]\n", 5, "bad repeat count");
    EXPECT_ERROR(HEAD "[repeat]\n[phase B]\nduration = 1m\n[end repeat]\n", 5, "bad repeat count \"\"");
    EXPECT_ERROR(HEAD "[repeat 2]\n[phase B]\nduration = 1m\n[repeat 2]\n[phase C]\nduration = 1m\n"
                 "[end repeat]\n[end repeat]\n", 8, "[repeat] inside another [repeat] (line 5)");
    EXPECT_ERROR(HEAD "[end repeat]\n", 5, "[end repeat] without a [repeat N] before it");
    EXPECT_ERROR(HEAD "[repeat 2]\n[phase B]\nduration = 1m\n", 5,
                 "[repeat 2] is never closed: add [end repeat]");
    EXPECT_ERROR(HEAD "[repeat 2]\n\n[end repeat]\n", 5, "[repeat 2] has no phases");
    EXPECT_ERROR(HEAD "grow = 10s\n", 5, "grow only works inside [repeat N]");
    EXPECT_ERROR(HEAD "[repeat 2]\n[phase B]\nduration = 2h\ngrow = 2h\n[end repeat]\n", 8,
                 "lasts 4 h in round 2: over 3 hours");
    EXPECT_ERROR(HEAD "kind = connect   ; the reunion\n", 5,
                 "bad kind \"connect   ; the reunion\": use connect, separate, play, settle or "
                 "close; comments go on their own line");
}

/* Several mistakes in one text: all are reported, in line order. */
static void test_many_errors(void)
{
    plan_t p;
    plan_errors_t e;
    const char *text = "[plan]\n"             /* 1: no title */
                       "audience = kids\n"    /* 2 */
                       "[phase A]\n"          /* 3: no duration */
                       "kind = dance\n"       /* 4 */
                       "[phase B]\n"
                       "duration = 5x\n"      /* 6 */
                       "oops\n"               /* 7 */
                       "[repeat 3]\n";        /* 8: never closed, and empty */
    CHECK(!parse(text, &p, &e));
    CHECK(is_zeroed(&p));
    CHECK_EQ_INT(e.count, 7);
    int want[] = { 1, 2, 3, 4, 6, 7, 8 };
    for (int i = 0; i < 7 && i < e.count; i++)
        CHECK_EQ_INT(e.items[i].line, want[i]);
    CHECK(has_error(&e, 8, "never closed"));
    CHECK(!has_error(&e, 5, ""));  /* B gave a (bad) duration: not also "no duration" */

    /* more mistakes than the list holds: the rest are counted */
    char big[8192] = "[plan]\ntitle = T\n[phase A]\nduration = 1m\n";
    for (int i = 0; i < 100; i++)
        strcat(big, "x\n");
    CHECK(!parse(big, &p, &e));
    CHECK_EQ_INT(e.count, PLAN_MAX_ERRORS);
    CHECK_EQ_INT(e.dropped, 100 - PLAN_MAX_ERRORS);
    CHECK_EQ_INT(e.items[0].line, 5);
    plan_free(&p);
    CHECK(!plan_parse(big, strlen(big), &p, NULL));  /* errors may be ignored */
}

static void test_limits(void)
{
    plan_t p;
    plan_errors_t e;
    static char buf[200000];
    test_many_errors();
    /* a 2000-byte line */
    strcpy(buf, HEAD "prompt = ");
    memset(buf + strlen(buf), 'a', 2000);
    strcpy(buf + strlen(HEAD) + 9 + 2000, "\nnote = fine\n");
    EXPECT_ERROR(buf, 5, "line is longer than 1000 bytes");
    /* exactly 1000 bytes is fine, as far as the line goes */
    strcpy(buf, HEAD "note = ");
    memset(buf + strlen(buf), 'b', 1000 - 7);
    buf[strlen(HEAD) + 1000] = '\0';
    EXPECT_ERROR(buf, 5, "note is 993 characters; the limit is 160");
    /* prompts: 160 characters is fine even at 2 bytes each, 161 is not */
    strcpy(buf, HEAD "prompt = ");
    for (int i = 0; i < 160; i++)
        strcat(buf, "\xc3\xa9");
    strcat(buf, "\n");
    CHECK(parse(buf, &p, &e));
    plan_free(&p);
    strcat(buf, "prompt = \xc3\xa9");
    for (int i = 0; i < 160; i++)
        strcat(buf, "a");
    EXPECT_ERROR(buf, 6, "prompt is 161 characters; the limit is 160");
    /* at most 16 prompts: one error at the 17th */
    strcpy(buf, HEAD);
    for (int i = 0; i < 20; i++)
        strcat(buf, "prompt = p\n");
    EXPECT_ERROR(buf, 5 + 16, "too many prompts: a phase has at most 16");
    /* phases: 200 is fine, 201 is not */
    strcpy(buf, "[plan]\ntitle = T\n");
    for (int i = 0; i < 200; i++)
        strcat(buf, "[phase P]\nduration = 1s\n");
    CHECK(parse(buf, &p, &e));
    CHECK_EQ_INT(p.nphases, 200);
    plan_free(&p);
    strcat(buf, "[phase Q]\nduration = 1s\n");
    EXPECT_ERROR(buf, 403, "too many phases: a plan has at most 200");
    EXPECT_ERROR(HEAD "[repeat 50]\n[phase B]\nduration = 1s\n[phase C]\nduration = 1s\n"
                 "[phase D]\nduration = 1s\n[phase E]\nduration = 1s\n[end repeat]\n", 5,
                 "too many phases: with its repeats the plan has 201; the limit is 200");
    EXPECT_ERROR(HEAD "[repeat 5]\n[phase B]\nduration = 3h\n[end repeat]\n", 0,
                 "the plan lasts 15 h 1 min; the limit is 12 hours");
    CHECK(parse(HEAD "[repeat 4]\n[phase B]\nduration = 2h59m\n[end repeat]\n", &p, &e));
    plan_free(&p);
}

/* ---- garbage in: never a crash, never a leak ---- */

static uint32_t rng_next(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static void parse_any(const char *buf, size_t len)
{
    plan_t p;
    plan_errors_t e;
    bool ok = plan_parse(buf, len, &p, &e);
    if (ok) {
        CHECK(p.title != NULL && p.nphases > 0 && p.phases != NULL);
        CHECK(plan_total_ms(&p) > 0 && plan_total_ms(&p) <= PLAN_MAX_TOTAL_MS);
    } else {
        CHECK(is_zeroed(&p));
        CHECK(e.count > 0 && e.count <= PLAN_MAX_ERRORS);
        for (int i = 0; i < e.count; i++)
            CHECK(e.items[i].message[0] && strlen(e.items[i].message) < sizeof e.items[i].message);
    }
    plan_free(&p);
}

static void mutate(char *buf, size_t *len, size_t cap, uint32_t *rng)
{
    static const char pieces[] = "[]=#;\n\r \t\xff\xc3\xa9\xe2\x82\x00""0123456789smh.";
    int edits = 1 + (int)(rng_next(rng) % 8);
    for (int k = 0; k < edits && *len > 0; k++) {
        size_t at = rng_next(rng) % *len;
        char c = pieces[rng_next(rng) % (sizeof pieces - 1)];
        switch (rng_next(rng) % 4) {
        case 0: buf[at] = c; break;
        case 1: buf[at] = (char)(rng_next(rng) & 0xFF); break;
        case 2:  /* delete a run */
            { size_t n = rng_next(rng) % 16; if (n > *len - at) n = *len - at;
              memmove(buf + at, buf + at + n, *len - at - n); *len -= n; }
            break;
        default:  /* insert */
            if (*len < cap) { memmove(buf + at + 1, buf + at, *len - at); buf[at] = c; (*len)++; }
        }
    }
}

static void test_fuzz(void)
{
    uint32_t rng = 12345;
    static char buf[4096];
    char path[512];
    size_t seed_len = 0;
    snprintf(path, sizeof path, "%s/tests/plans/good/full-example.plan", SRC);
    char *seed = read_file(path, &seed_len);
    CHECK(seed != NULL && seed_len < sizeof buf);
    for (int round = 0; seed && seed_len < sizeof buf && round < 10000; round++) {
        const char *from = round % 2 ? seed : expand_text;
        size_t len = round % 2 ? seed_len : strlen(expand_text);
        memcpy(buf, from, len);
        mutate(buf, &len, sizeof buf, &rng);
        parse_any(buf, len);
    }
    free(seed);
    for (int round = 0; round < 3000; round++) {
        size_t len = rng_next(&rng) % sizeof buf;
        for (size_t i = 0; i < len; i++)
            buf[i] = round % 2 ? (char)(rng_next(&rng) & 0xFF)
                               : "[]= \nphasn1mrtiel"[rng_next(&rng) % 17];
        parse_any(buf, len);
    }
    parse_any(NULL, 0);
}

int main(void)
{
    test_builtin_plans();
    test_connect_separate_connect();
    test_special_playtime();
    test_safe_base_dance_and_gentle();
    test_repeat_expansion();
    test_defaults_and_values();
    test_names();
    test_free_partial();
    test_line_endings();
    test_fixture_files();
    test_bad_fixtures();
    test_errors_inline();
    test_errors_keys_and_values();
    test_errors_structure();
    test_limits();
    test_fuzz();
    return check_summary();
}
