/* Tests of the built-in plans' translations (assets/plans/LL/NAME.plan): every language folder
 * holds every English plan and nothing else; each translation parses and has exactly its
 * English plan's structure (phases, kinds, durations, repeats, music, breathing, cues, prompt
 * counts; every key and value but the words), line for line; its words are translated and its
 * prompts short enough to read from three metres. Prints each language's longest prompt. */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "platform/sys/catalog.h"

#define PLANS "../assets/plans"   /* tests run in tests/ */
#define MAX_PROMPT_CHARS 60       /* as tests/core/plan/test_plan.c asks of the English ones */

/* Keys whose values are words (translated); every other value must be the same. */
static bool is_text_key(const char *key)
{
    return strcmp(key, "title") == 0 || strcmp(key, "description") == 0 || strcmp(key, "prompt") == 0 ||
           strcmp(key, "note") == 0;
}

static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static bool same_opt(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The plan's lines that are not blank or comments, trimmed, into lines[] (malloc'd copies). */
static int meaningful_lines(const char *path, char **lines, int max)
{
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return 0;
    char buf[1100];
    int n = 0;
    while (n < max && fgets(buf, sizeof buf, f)) {
        char *s = buf, *end = buf + strlen(buf);
        while (*s == ' ' || *s == '\t')
            s++;
        while (end > s && (end[-1] == '\n' || end[-1] == '\r' || end[-1] == ' ' || end[-1] == '\t'))
            *--end = '\0';
        if (*s && *s != '#' && *s != ';')
            lines[n++] = strdup(s);
    }
    fclose(f);
    return n;
}

/* The key of "key = value" into key (""), and a pointer to the value. */
static const char *split(const char *line, char *key, size_t size)
{
    const char *eq = strchr(line, '=');
    size_t n = eq ? (size_t)(eq - line) : 0;
    while (n > 0 && line[n - 1] == ' ')
        n--;
    snprintf(key, size, "%.*s", (int)n, line);
    const char *v = eq ? eq + 1 : "";
    while (*v == ' ')
        v++;
    return v;
}

/* Line for line: the same sections and keys in the same order, every value but the words the
 * same; [phase NAME] headers differ only in NAME. */
static void check_lines(const char *en_path, const char *tr_path)
{
    char *en[400], *tr[400];
    int ne = meaningful_lines(en_path, en, 400), nt = meaningful_lines(tr_path, tr, 400);
    if (ne != nt)
        fprintf(stderr, "%s: %d keys and sections, %s has %d\n", tr_path, nt, en_path, ne);
    CHECK_EQ_INT(nt, ne);
    for (int i = 0; i < ne && i < nt; i++) {
        char ke[64], kt[64];
        bool ok;
        if (en[i][0] == '[')
            ok = strncmp(en[i], "[phase ", 7) == 0 ? strncmp(tr[i], "[phase ", 7) == 0 : strcmp(en[i], tr[i]) == 0;
        else {
            const char *ve = split(en[i], ke, sizeof ke), *vt = split(tr[i], kt, sizeof kt);
            ok = strcmp(ke, kt) == 0 && (is_text_key(ke) || strcmp(ve, vt) == 0);
        }
        if (!ok)
            fprintf(stderr, "%s: \"%s\" where %s has \"%s\"\n", tr_path, tr[i], en_path, en[i]);
        CHECK(ok);
    }
    for (int i = 0; i < ne; i++)
        free(en[i]);
    for (int i = 0; i < nt; i++)
        free(tr[i]);
}

typedef struct {
    char text[1024];
    size_t chars, en_chars;
} longest_t;

static void check_phase(const char *what, const plan_t *en, const plan_t *tr, int i, longest_t *longest)
{
    const plan_phase_t *a = &en->phases[i], *b = &tr->phases[i];
    bool same = a->kind == b->kind && a->duration_ms == b->duration_ms && a->prompt_every_ms == b->prompt_every_ms &&
                a->music == b->music && same_opt(a->track, b->track) && a->warn_ms == b->warn_ms &&
                a->breaths_per_min == b->breaths_per_min && !a->note == !b->note && a->nprompts == b->nprompts &&
                a->round == b->round && a->rounds == b->rounds;
    if (!same)
        fprintf(stderr, "%s: phase %d (\"%s\") is not built like \"%s\"\n", what, i + 1, b->name, a->name);
    CHECK(same);
    CHECK(strcmp(a->name, b->name) != 0);
    for (int j = 0; j < en->nphases; j++) /* the same phase (a repeat's rounds) keeps one name */
        CHECK((strcmp(a->name, en->phases[j].name) == 0) == (strcmp(b->name, tr->phases[j].name) == 0));
    for (int k = 0; k < a->nprompts && k < b->nprompts; k++) {
        size_t n = chars(b->prompts[k]);
        if (n > MAX_PROMPT_CHARS || strcmp(a->prompts[k], b->prompts[k]) == 0)
            fprintf(stderr, "%s: prompt too long or not translated: %s\n", what, b->prompts[k]);
        CHECK(n <= MAX_PROMPT_CHARS);
        CHECK(strcmp(a->prompts[k], b->prompts[k]) != 0);
        if (n > longest->chars) {
            snprintf(longest->text, sizeof longest->text, "%s", b->prompts[k]);
            longest->chars = n;
            longest->en_chars = chars(a->prompts[k]);
        }
    }
    if (a->note && b->note)
        CHECK(strcmp(a->note, b->note) != 0);
}

static void check_pair(const char *lang, const char *name, longest_t *longest)
{
    char en_path[512], tr_path[512], what[600];
    snprintf(en_path, sizeof en_path, "%s/%s", PLANS, name);
    snprintf(tr_path, sizeof tr_path, "%s/%s/%s", PLANS, lang, name);
    snprintf(what, sizeof what, "%s/%s", lang, name);
    plan_t en, tr;
    bool en_ok = catalog_load_file(en_path, &en, stderr), tr_ok = catalog_load_file(tr_path, &tr, stderr);
    CHECK(en_ok);
    CHECK(tr_ok);
    if (en_ok && tr_ok) {
        bool same = en.audience == tr.audience && same_opt(en.music, tr.music) &&
                    en.end_warning_ms == tr.end_warning_ms && en.fade_ms == tr.fade_ms &&
                    en.child_view == tr.child_view && en.grow_max_ms == tr.grow_max_ms &&
                    !en.description == !tr.description && en.nphases == tr.nphases &&
                    plan_total_ms(&en) == plan_total_ms(&tr);
        if (!same)
            fprintf(stderr, "%s: [plan] or its phases are not built like %s\n", what, en_path);
        CHECK(same);
        CHECK(strcmp(en.title, tr.title) != 0);
        CHECK(!en.description || !tr.description || strcmp(en.description, tr.description) != 0);
        for (int i = 0; i < en.nphases && i < tr.nphases; i++)
            check_phase(what, &en, &tr, i, longest);
        int64_t first_en = 0, first_tr = 0;
        int rounds_en = 0, rounds_tr = 0;
        CHECK_EQ_INT(plan_separation_grow(&tr, &first_tr, &rounds_tr), plan_separation_grow(&en, &first_en, &rounds_en));
        CHECK_EQ_INT(first_tr, first_en);
        CHECK_EQ_INT(rounds_tr, rounds_en);
    }
    plan_free(&en);
    plan_free(&tr);
    check_lines(en_path, tr_path);
}

static bool has_plan_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".plan") == 0 && name[0] != '.';
}

/* The *.plan names in dir, sorted, into names[] (malloc'd); returns how many. */
static int plan_names(const char *dir, char **names, int max)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && n < max && (e = readdir(d));)
        if (has_plan_suffix(e->d_name))
            names[n++] = strdup(e->d_name);
    if (d)
        closedir(d);
    for (int i = 1; i < n; i++) /* (a handful: insertion sort) */
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    return n;
}

static void check_language(const char *lang, char **en_names, int nen)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s/%s", PLANS, lang);
    char *names[64];
    int n = plan_names(dir, names, 64);
    /* the same file names: every English plan, and no other */
    CHECK_EQ_INT(n, nen);
    for (int i = 0; i < n && i < nen; i++) {
        if (strcmp(names[i], en_names[i]) != 0)
            fprintf(stderr, "%s: %s where the English plans have %s\n", dir, names[i], en_names[i]);
        CHECK_EQ_STR(names[i], en_names[i]);
    }
    longest_t longest = { "", 0, 0 };
    for (int i = 0; i < nen; i++)
        check_pair(lang, en_names[i], &longest);
    printf("%s: %d plans; longest prompt %zu characters (its English %zu): %s\n", lang, n, longest.chars,
           longest.en_chars, longest.text);
    for (int i = 0; i < n; i++)
        free(names[i]);
}

int main(void)
{
    char *en_names[64];
    int nen = plan_names(PLANS, en_names, 64);
    CHECK_EQ_INT(nen, 6);
    int langs = 0;
    bool de = false, es = false, fr = false;
    DIR *d = opendir(PLANS);
    CHECK(d != NULL);
    for (struct dirent *e; d && (e = readdir(d));) {
        char path[512];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", PLANS, e->d_name);
        if (e->d_name[0] == '.' || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        check_language(e->d_name, en_names, nen);
        langs++;
        de = de || strcmp(e->d_name, "de") == 0;
        es = es || strcmp(e->d_name, "es") == 0;
        fr = fr || strcmp(e->d_name, "fr") == 0;
    }
    if (d)
        closedir(d);
    CHECK(de && es && fr);
    CHECK(langs >= 3);
    for (int i = 0; i < nen; i++)
        free(en_names[i]);
    return check_summary();
}
