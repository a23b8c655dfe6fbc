/* Tests of the catalogue's language: with LANGUAGE=de (or LANG=de_DE.UTF-8) the built-in plans
 * are the German ones, with LANG=C the English ones; a plan with no translation, or a broken
 * one, falls back to English; ids (what choices are remembered by) never change; the English
 * title still finds a plan; the user's own plans stay as written. Needs the locales of
 * tools/setup.sh (en_US, de_DE). */
#define _GNU_SOURCE /* nftw's FTW_DEPTH */
#include <ftw.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "platform/sys/catalog.h"

static char root[256];

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void in_root(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", root, rel);
}

static void make_dir(const char *rel)
{
    char path[512];
    in_root(path, sizeof path, rel);
    CHECK(mkdir(path, 0700) == 0);
}

static void write_in_root(const char *rel, const char *text)
{
    char path[512];
    in_root(path, sizeof path, rel);
    write_text(path, text);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* The environment gettext reads: NULL unsets. */
static void set_env(const char *language, const char *lc_all, const char *lang)
{
    const char *names[] = { "LANGUAGE", "LC_ALL", "LANG" }, *values[] = { language, lc_all, lang };
    for (int i = 0; i < 3; i++)
        if (values[i])
            setenv(names[i], values[i], 1);
        else
            unsetenv(names[i]);
    unsetenv("LC_MESSAGES");
}

static bool installed(const char *locale)
{
    locale_t l = newlocale(LC_MESSAGES_MASK, locale, (locale_t)0);
    if (l)
        freelocale(l);
    else
        fprintf(stderr, "the locale %s is not installed: run tools/setup.sh as root\n", locale);
    return l != (locale_t)0;
}

static const catalog_entry_t *by_id(const catalog_t *cat, const char *id)
{
    for (int i = 0; i < cat->count; i++)
        if (strcmp(cat->items[i].id, id) == 0)
            return &cat->items[i];
    return NULL;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

/* The title of the built-in id after loading everything in this environment ("" if none). */
static const char *title_with(catalog_t *cat, const char *language, const char *lc_all, const char *lang,
                              const char *id)
{
    set_env(language, lc_all, lang);
    catalog_free(cat);
    catalog_load_all(cat, stderr);
    const catalog_entry_t *e = by_id(cat, id);
    return e ? e->plan.title : "";
}

/* The real built-in plans, in the user's language. */
static void test_builtin(void)
{
    CHECK(installed("en_US.UTF-8"));
    CHECK(installed("de_DE.UTF-8"));
    char assets[PATH_MAX];
    CHECK(realpath("../assets", assets) != NULL); /* tests run in tests/ */
    setenv("SAFEBASE_ASSETS", assets, 1);
    catalog_t *cat = calloc(1, sizeof *cat);

    /* LANGUAGE=de (the locale installed, not C): German, ids and the English title kept */
    CHECK_EQ_STR(title_with(cat, "de", NULL, "en_US.UTF-8", "connect-separate-connect"), "Nähe, Abstand, Nähe");
    CHECK_EQ_INT(cat->count, 7); /* six built-in, one of the user's */
    const catalog_entry_t *e = by_id(cat, "special-playtime");
    CHECK(e && strcmp(e->plan.title, "Besondere Spielzeit") == 0 && strcmp(e->lang, "de") == 0);
    CHECK(e && strcmp(e->title_en, "Special playtime") == 0 && !e->user);
    CHECK(e && ends_with(e->path, "/plans/de/special-playtime.plan"));
    for (int i = 0; i < cat->count; i++) /* every built-in in German */
        CHECK(cat->items[i].user || strcmp(cat->items[i].lang, "de") == 0);
    CHECK(catalog_find(cat, "special-playtime") == e);
    CHECK(catalog_find(cat, "Besondere Spielzeit") == e);
    CHECK(catalog_find(cat, "special playtime") == e);  /* the English title, as --plan takes it */
    /* the user's own plan as written, in whatever language it is */
    const catalog_entry_t *mine = by_id(cat, "mein-plan");
    CHECK(mine && mine->user && strcmp(mine->plan.title, "Mein Plan") == 0 && mine->lang[0] == '\0');
    CHECK(mine && mine->title_en[0] == '\0');

    /* LANG=C: English, LANGUAGE or not */
    CHECK_EQ_STR(title_with(cat, "de", NULL, "C", "connect-separate-connect"), "Connect, separate, connect");
    e = by_id(cat, "special-playtime");
    CHECK(e && e->lang[0] == '\0' && e->title_en[0] == '\0' && ends_with(e->path, "/plans/special-playtime.plan"));
    CHECK_EQ_STR(title_with(cat, NULL, NULL, NULL, "safe-base-dance"), "Safe-base dance");
    CHECK_EQ_STR(title_with(cat, "fr", "POSIX", "de_DE.UTF-8", "safe-base-dance"), "Safe-base dance");
    /* the locale alone; LANGUAGE over it; LC_ALL over LANG */
    CHECK_EQ_STR(title_with(cat, NULL, NULL, "de_DE.UTF-8", "safe-base-dance"), "Tanz der sicheren Basis");
    CHECK_EQ_STR(title_with(cat, "es", NULL, "de_DE.UTF-8", "safe-base-dance"), "El baile de la base segura");
    CHECK_EQ_STR(title_with(cat, "fr", NULL, "C.UTF-8", "safe-base-dance"), "La danse de la base de sécurité");
    CHECK_EQ_STR(title_with(cat, NULL, "C", "de_DE.UTF-8", "safe-base-dance"), "Safe-base dance");
    CHECK_EQ_STR(title_with(cat, "pt_BR:it:fr", NULL, "de_DE.UTF-8", "gentle-calm"), "En douceur : sécurité et calme");
    CHECK_EQ_STR(title_with(cat, "en:de", NULL, "en_US.UTF-8", "gentle-calm"), "Sanft: Sicherheit und Ruhe");
    CHECK_EQ_STR(title_with(cat, "en_GB:en", NULL, "en_GB.UTF-8", "gentle-calm"), "Gentle: safety and calm");
    /* a locale that is not installed: gettext stays in English, and so do the plans */
    CHECK_EQ_STR(title_with(cat, "de", NULL, "xx_YY.UTF-8", "gentle-calm"), "Gentle: safety and calm");

    /* reloading (after a save) keeps the language */
    set_env("de", NULL, "en_US.UTF-8");
    catalog_free(cat);
    catalog_load_all(cat, stderr);
    CHECK(catalog_reload(cat, NULL, stderr) == -1);
    CHECK(by_id(cat, "gentle-self") && strcmp(by_id(cat, "gentle-self")->lang, "de") == 0);
    catalog_free(cat);
    free(cat);
    unsetenv("SAFEBASE_ASSETS");
}

/* A plan with no translation is English; a broken translation is said and the next language
 * (or English) is used; codes never leave the folder. */
static void test_fallback(void)
{
    make_dir("assets");
    make_dir("assets/plans");
    make_dir("assets/plans/de");
    make_dir("assets/plans/fr");
    make_dir("assets/plans/de/de");
    write_in_root("assets/plans/a.plan", "[plan]\ntitle = Alpha\n[phase One]\nduration = 1m\n");
    write_in_root("assets/plans/b.plan", "[plan]\ntitle = Beta\n[phase One]\nduration = 1m\n");
    write_in_root("assets/plans/de/a.plan", "[plan]\ntitle = Alpha auf Deutsch\n[phase Eins]\nduration = 1m\n");
    write_in_root("assets/plans/fr/a.plan", "[plan]\ntitle = Alpha en français\n[phase Un]\nduration = une minute\n");
    write_in_root("assets/plans/fr/b.plan", "[plan]\ntitle = Bêta\n[phase Un]\nduration = 1m\n");
    char dir[512];
    in_root(dir, sizeof dir, "assets/plans");
    catalog_t *cat = calloc(1, sizeof *cat);
    lang_list_t langs;
    CHECK_EQ_INT(lang_choose("de", NULL, NULL, "en_US.UTF-8", &langs), 1);

    /* de: a in German, b (no German file) in English */
    CHECK_EQ_INT(catalog_load_builtin(cat, dir, &langs, stderr), 2);
    CHECK_EQ_STR(cat->items[0].plan.title, "Alpha auf Deutsch");
    CHECK_EQ_STR(cat->items[0].id, "a");
    CHECK_EQ_STR(cat->items[1].plan.title, "Beta");
    CHECK_EQ_STR(cat->items[1].lang, "");
    catalog_free(cat);

    /* fr then de: a's French has a mistake (said, with its file and line): German; b French */
    char *said = NULL;
    size_t saidlen = 0;
    FILE *err = open_memstream(&said, &saidlen);
    lang_choose("fr:de", NULL, NULL, "en_US.UTF-8", &langs);
    CHECK_EQ_INT(catalog_load_builtin(cat, dir, &langs, err), 2);
    fclose(err);
    CHECK_EQ_STR(cat->items[0].plan.title, "Alpha auf Deutsch");
    CHECK_EQ_STR(cat->items[0].lang, "de");
    CHECK_EQ_STR(cat->items[1].plan.title, "Bêta");
    CHECK_EQ_STR(cat->items[1].title_en, "Beta");
    CHECK(said && strstr(said, "/plans/fr/a.plan:4: ") != NULL);
    free(said);
    catalog_free(cat);

    /* no languages (NULL or none): English */
    CHECK_EQ_INT(catalog_load_builtin(cat, dir, NULL, stderr), 2);
    CHECK_EQ_STR(cat->items[0].plan.title, "Alpha");
    catalog_free(cat);
    /* a code that would leave the folder is never tried; the user's folder never translated */
    lang_choose("../plans/de:..:de/de", NULL, NULL, "en_US.UTF-8", &langs);
    CHECK_EQ_INT(langs.count, 0);
    lang_choose("de", NULL, NULL, "en_US.UTF-8", &langs);
    CHECK_EQ_INT(catalog_load_dir(cat, dir, true, stderr), 2);
    CHECK_EQ_STR(cat->items[0].plan.title, "Alpha");
    CHECK(cat->items[0].user);
    catalog_free(cat);
    free(cat);
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/safebase-catalog-XXXXXX");
    CHECK(mkdtemp(root) != NULL);
    setenv("HOME", root, 1);
    char config[512];
    in_root(config, sizeof config, "config");
    setenv("XDG_CONFIG_HOME", config, 1);
    make_dir("config");
    make_dir("config/safebase");
    make_dir("config/safebase/plans");
    make_dir("config/safebase/plans/de");
    write_in_root("config/safebase/plans/mein-plan.plan", "[plan]\ntitle = Mein Plan\n[phase Spielen]\nduration = 5m\n");
    /* a folder like a language's in the user's plans means nothing there */
    write_in_root("config/safebase/plans/de/mein-plan.plan", "[plan]\ntitle = Nicht dieser\n[phase X]\nduration = 5m\n");
    test_builtin();
    test_fallback();
    nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS);
    return check_summary();
}
