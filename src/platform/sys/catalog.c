/* Loads plan files from disk for the core parser and keeps them in a list; picks each built-in
 * plan's file in the user's language. Prints only to the stream it is given; never exits. No
 * SDL here; never changes the process's locale (it only asks whether one is installed). */
#include "platform/sys/catalog.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/base/translate.h"
#include "platform/sys/i18n.h"
#include "platform/sys/osfile.h"
#include "platform/sys/paths.h"

/* Reads a whole small regular file. Returns a malloc'd buffer (caller frees) or NULL with a
 * reason in why. */
static char *read_small_file(const char *path, size_t *len, const char **why)
{
    FILE *f = osfile_fopen(path, "rb");
    if (!f) {
        *why = strerror(errno);
        return NULL;
    }
    osfile_stat_t st;
    if (osfile_fstat(fileno(f), &st) != 0 || st.kind != OSFILE_REGULAR) {
        fclose(f);
        /* TRANSLATORS: why a plan file cannot be opened, after "FILE: " */
        *why = _("not a regular file");
        return NULL;
    }
    if (st.size > CATALOG_MAX_FILE) {
        fclose(f);
        *why = _("file is too large for a plan (over 256 KiB)");
        return NULL;
    }
    char *buf = malloc((size_t)st.size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)st.size, f) : 0;
    bool failed = !buf || ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        *why = _("could not read the file");
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

bool catalog_load_file(const char *path, plan_t *plan, FILE *err)
{
    const char *why = NULL;
    size_t len = 0;
    char *text = read_small_file(path, &len, &why);
    if (!text) {
        if (err)
            fprintf(err, "%s: %s\n", path, why);
        return false;
    }
    plan_errors_t *errs = calloc(1, sizeof *errs); /* large: on the heap, not the stack */
    if (!errs) {
        free(text);
        if (err)
            fprintf(err, "%s: %s\n", path, _("out of memory"));
        return false;
    }
    bool ok = plan_parse(text, len, plan, errs);
    free(text);
    for (int i = 0; err && i < errs->count; i++) {
        if (errs->items[i].line > 0)
            fprintf(err, "%s:%d: %s\n", path, errs->items[i].line, errs->items[i].message);
        else /* about the file as a whole */
            fprintf(err, "%s: %s\n", path, errs->items[i].message);
    }
    if (err && errs->dropped > 0)
        /* TRANSLATORS: after a plan file's first 32 mistakes (%s is the file) */
        fprintf(err, P_("%s: %d more error not shown\n", "%s: %d more errors not shown\n", errs->dropped), path,
                errs->dropped);
    free(errs);
    return ok;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_plan_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".plan") == 0 && name[0] != '.';
}

/* dir/code/name into path when that file is there. */
static bool translation(char *path, size_t size, const char *dir, const char *code, const char *name)
{
    char sub[4096];
    osfile_stat_t st;
    return paths_join(sub, sizeof sub, dir, code) && paths_join(path, size, sub, name) &&
           osfile_stat(path, &st) == 0 && st.kind == OSFILE_REGULAR;
}

/* dir/name as the next entry; a built-in (langs not NULL) in the first of langs that has it
 * and reads, else as written. */
static void add_entry(catalog_t *cat, const char *dir, const char *name, bool user, const lang_list_t *langs,
                      FILE *err)
{
    catalog_entry_t *e = &cat->items[cat->count];
    memset(e, 0, sizeof *e);
    if (!paths_join(e->path, sizeof e->path, dir, name))
        return;
    size_t idlen = strlen(name) - 5;
    if (idlen >= sizeof e->id)
        idlen = sizeof e->id - 1;
    memcpy(e->id, name, idlen);
    e->user = user;
    if (!catalog_load_file(e->path, &e->plan, err))
        return;
    for (int i = 0; langs && i < langs->count; i++) {
        char path[sizeof e->path];
        plan_t plan;
        if (!translation(path, sizeof path, dir, langs->code[i], name) || !catalog_load_file(path, &plan, err))
            continue; /* (a translation with mistakes was said to err: the next language) */
        snprintf(e->title_en, sizeof e->title_en, "%s", e->plan.title);
        snprintf(e->lang, sizeof e->lang, "%s", langs->code[i]);
        memcpy(e->path, path, sizeof e->path);
        plan_free(&e->plan);
        e->plan = plan;
        break;
    }
    cat->count++;
}

static int load_dir(catalog_t *cat, const char *dir, bool user, const lang_list_t *langs, FILE *err)
{
    osfile_dir_t *d = osfile_opendir(dir);
    if (!d)
        return 0;
    char *names[256];
    int n = 0;
    const char *entry;
    osfile_kind_t kind;
    while (n < 256 && (entry = osfile_readdir(d, &kind))) {
        char *name = has_plan_suffix(entry) ? strdup(entry) : NULL;
        if (name) /* (out of memory: skipped, never a NULL for by_name) */
            names[n++] = name;
    }
    osfile_closedir(d);
    if (n > 1)
        qsort(names, (size_t)n, sizeof names[0], by_name);
    int before = cat->count;
    for (int i = 0; i < n; i++) {
        if (cat->count < CATALOG_MAX)
            add_entry(cat, dir, names[i], user, langs, err);
        free(names[i]);
    }
    return cat->count - before;
}

int catalog_load_dir(catalog_t *cat, const char *dir, bool user, FILE *err)
{
    return load_dir(cat, dir, user, NULL, err);
}

int catalog_load_builtin(catalog_t *cat, const char *dir, const lang_list_t *langs, FILE *err)
{
    return load_dir(cat, dir, false, langs, err);
}

void catalog_languages(lang_list_t *out)
{
    out->count = 0;
#ifdef SAFEBASE_NLS
    locale_t installed = newlocale(LC_MESSAGES_MASK, "", (locale_t)0);
    if (!installed) /* setlocale would fail: gettext stays in the "C" locale, in English */
        return;
    freelocale(installed);
    lang_choose(getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"), getenv("LANG"), out);
#endif /* (else every message is English, and so are the built-in plans) */
}

void catalog_load_all(catalog_t *cat, FILE *err)
{
    char dir[4096], plans[4096], assets[4096];
    lang_list_t langs;
    catalog_languages(&langs);
    if (paths_assets(assets, sizeof assets) && paths_join(dir, sizeof dir, assets, "plans") &&
        catalog_load_builtin(cat, dir, &langs, err) == 0 && err)
        /* TRANSLATORS: SAFEBASE_ASSETS is an environment variable: keep it */
        i18n_say(err, _("no built-in plans in %s: reinstall Safe Base, or set SAFEBASE_ASSETS to its assets folder"),
                 dir);
    if (paths_config_dir(dir, sizeof dir) && paths_join(plans, sizeof plans, dir, "plans"))
        catalog_load_dir(cat, plans, true, err);
}

catalog_entry_t *catalog_find(catalog_t *cat, const char *name)
{
    for (int i = 0; i < cat->count; i++)
        if (strcasecmp(cat->items[i].id, name) == 0)
            return &cat->items[i];
    for (int i = 0; i < cat->count; i++)
        if (strcasecmp(cat->items[i].plan.title, name) == 0)
            return &cat->items[i];
    for (int i = 0; i < cat->count; i++) /* "Special playtime" still finds it in German */
        if (cat->items[i].title_en[0] && strcasecmp(cat->items[i].title_en, name) == 0)
            return &cat->items[i];
    return NULL;
}

/* Two paths name the same file: their real paths match (or, when either does not resolve,
 * the paths themselves). */
static bool same_file(const char *a, const char *b)
{
    char ra[4096], rb[4096];
    if (osfile_realpath(a, ra, sizeof ra) && osfile_realpath(b, rb, sizeof rb))
        return strcmp(ra, rb) == 0;
    return strcmp(a, b) == 0;
}

/* The file name without its folder and without ".plan", into id. */
static void file_stem(const char *path, char *id, size_t size)
{
    const char *slash = paths_last_separator(path);
    const char *name = slash ? slash + 1 : path;
    size_t n = strlen(name);
    if (n > 5 && strcmp(name + n - 5, ".plan") == 0)
        n -= 5;
    if (n >= size)
        n = size - 1;
    memcpy(id, name, n);
    id[n] = '\0';
}

int catalog_open_file(catalog_t *cat, const char *path, plan_errors_t *errs, char *why, size_t whysize)
{
    if (errs)
        memset(errs, 0, sizeof *errs);
    if (why && whysize)
        why[0] = '\0';
    for (int i = 0; i < cat->count; i++)
        if (same_file(cat->items[i].path, path))
            return i;
    const char *reason = NULL;
    size_t len = 0;
    char *text = read_small_file(path, &len, &reason);
    if (!text) {
        if (why)
            /* TRANSLATORS: a plan file that cannot be opened: the file, then why */
            snprintf(why, whysize, _("%s: cannot read: %s"), path, reason);
        return -1;
    }
    plan_t plan;
    plan_errors_t *mine = errs ? errs : calloc(1, sizeof *mine); /* large: not on the stack */
    if (!mine) {
        free(text);
        if (why)
            snprintf(why, whysize, "%s: %s", path, _("out of memory"));
        return -1;
    }
    bool ok = plan_parse(text, len, &plan, mine);
    free(text);
    int mistakes = mine->count + mine->dropped;
    if (mine != errs)
        free(mine);
    if (!ok) {
        if (why)
            /* TRANSLATORS: a plan file with mistakes: the file, then how many */
            snprintf(why, whysize, P_("%s: %d mistake", "%s: %d mistakes", mistakes), path, mistakes);
        return -1;
    }
    if (cat->count >= CATALOG_MAX) {
        plan_free(&plan);
        if (why)
            snprintf(why, whysize, _("%s: too many plans (at most %d)"), path, CATALOG_MAX);
        return -1;
    }
    catalog_entry_t *e = &cat->items[cat->count];
    memset(e, 0, sizeof *e);
    char real[4096];
    snprintf(e->path, sizeof e->path, "%s", osfile_realpath(path, real, sizeof real) ? real : path);
    file_stem(path, e->id, sizeof e->id);
    e->plan = plan;
    e->opened = true;
    return cat->count++;
}

int catalog_reload(catalog_t *cat, const char *keep_path, FILE *err)
{
    char (*opened)[sizeof cat->items[0].path] = calloc(CATALOG_MAX, sizeof *opened);
    int nopened = 0;
    for (int i = 0; opened && i < cat->count; i++)
        if (cat->items[i].opened)
            memcpy(opened[nopened++], cat->items[i].path, sizeof opened[0]);
    if (!opened && err)
        i18n_say(err, "%s", _("out of memory: plans opened from files are closed"));
    catalog_free(cat);
    catalog_load_all(cat, err);
    char why[sizeof opened[0] + 64];
    for (int i = 0; i < nopened; i++)
        if (catalog_open_file(cat, opened[i], NULL, why, sizeof why) < 0 && err)
            fprintf(err, "safebase: %s\n", why);
    free(opened);
    if (!keep_path)
        return -1;
    for (int i = 0; i < cat->count; i++)
        if (same_file(cat->items[i].path, keep_path))
            return i;
    return -1;
}

void catalog_free(catalog_t *cat)
{
    for (int i = 0; i < cat->count; i++)
        plan_free(&cat->items[i].plan);
    cat->count = 0;
}
