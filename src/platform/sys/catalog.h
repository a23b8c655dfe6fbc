/* The plans a user can choose: the built-ins in the assets folder (in the user's language when
 * there is a translation) and the user's own in $XDG_CONFIG_HOME/safebase/plans. Reads files;
 * reports mistakes as "FILE:LINE: message". */
#ifndef SAFEBASE_PLATFORM_CATALOG_H
#define SAFEBASE_PLATFORM_CATALOG_H

#include <stdbool.h>
#include <stdio.h>

#include "core/base/lang.h"
#include "core/plan/plan.h"

#define CATALOG_MAX 64
#define CATALOG_MAX_FILE (256 * 1024)   /* a plan file larger than this is refused */

typedef struct {
    char id[64];        /* file name without ".plan": what --plan takes, and the key the
                         * choices remember a plan by (the same in every language) */
    char path[4096];    /* the file read: assets/plans/de/NAME.plan for a built-in in German */
    bool user;          /* from the user's folder */
    char lang[LANG_CODE_MAX]; /* a built-in read in another language: its folder ("de");
                               * "" for the English original and every other plan */
    char title_en[256]; /* with lang set: the English original's title (catalog_find takes
                         * it too); "" otherwise */
    plan_t plan;
    bool opened;        /* opened from outside the catalogue (catalog_open_file); path is
                         * then its real path */
} catalog_entry_t;

typedef struct {
    catalog_entry_t items[CATALOG_MAX];
    int count;
} catalog_t;

/* Reads and parses one plan file. Returns true and fills *plan (caller frees) when valid;
 * otherwise writes every mistake to err as "PATH:LINE: message" lines and returns false. */
bool catalog_load_file(const char *path, plan_t *plan, FILE *err);

/* Loads every *.plan in dir, sorted by file name, into cat. Files with mistakes are
 * reported to err and skipped. Returns how many were added. A missing dir is not an error. */
int catalog_load_dir(catalog_t *cat, const char *dir, bool user, FILE *err);

/* Loads every *.plan in dir (the built-in plans' folder) as catalog_load_dir does, but each in
 * the first language of langs (NULL: none) that has it: dir/CODE/NAME.plan instead of
 * dir/NAME.plan (id NAME either way; lang and title_en set). A translation with mistakes is
 * reported to err and the next language (at last the English file) is used. Returns how many
 * were added. */
int catalog_load_builtin(catalog_t *cat, const char *dir, const lang_list_t *langs, FILE *err);

/* The user's languages for the built-in plans, as gettext chooses the messages' language:
 * from LANGUAGE, LC_ALL, LC_MESSAGES and LANG (core/base/lang.h); none (English) when the
 * locale they name is not installed, since gettext then stays in English too. */
void catalog_languages(lang_list_t *out);

/* Loads the built-in plans, in the user's language (catalog_languages), and then the user's
 * own plans as they are written. */
void catalog_load_all(catalog_t *cat, FILE *err);

/* Finds a plan by id or by title (case-insensitive), or by a translated built-in's English
 * title (title_en). Returns NULL when none matches. */
catalog_entry_t *catalog_find(catalog_t *cat, const char *name);

/* Reads path as a plan opened from outside the catalogue (a file someone sent): on success
 * appends it to cat as an entry with opened = true (user = false; id = its file stem; path =
 * its real path) and returns its index. If the same file (same realpath) is already in cat,
 * returns that entry's index instead of adding a copy. When the catalogue is full, returns
 * -1 with why "FILE: too many plans (at most 64)". On mistakes returns -1 and fills errs
 * (plan_errors_t, line numbers; may be NULL) and why ("FILE: cannot read: No such file or
 * directory", "FILE: 3 mistakes"). Never prints. */
int catalog_open_file(catalog_t *cat, const char *path, plan_errors_t *errs, char *why, size_t whysize);

/* Loads cat again from disk (after the user saved a plan), keeping entries opened from
 * outside (re-read from their paths) at the end; one that no longer reads is dropped and
 * said to err. Returns the new index of the entry whose path is keep_path (the same file),
 * or -1 (also when keep_path is NULL). */
int catalog_reload(catalog_t *cat, const char *keep_path, FILE *err);

void catalog_free(catalog_t *cat);

#endif
