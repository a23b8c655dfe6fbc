/* The user's languages as gettext finds them, from the values of LANGUAGE, LC_ALL, LC_MESSAGES
 * and LANG: which language folders to try, best first. libc only: the caller reads the
 * environment and hands the four values in; never allocates, never prints. */
#ifndef SAFEBASE_CORE_LANG_H
#define SAFEBASE_CORE_LANG_H

#define LANG_MAX 16        /* codes in a list; more are dropped */
#define LANG_CODE_MAX 32   /* bytes in one code, its NUL included */

typedef struct {
    char code[LANG_MAX][LANG_CODE_MAX];   /* "de_DE", "de"...; count of them, best first */
    int count;
} lang_list_t;

/* Fills *out with the language codes to try, best first, and returns how many (0: English,
 * the original). Any value may be NULL; an empty one counts as unset. As gettext does:
 * - the locale is LC_ALL, else LC_MESSAGES, else LANG; none, "C" or "POSIX": English, and
 *   LANGUAGE is ignored;
 * - otherwise the list is LANGUAGE (colon-separated; empty entries skipped; an entry "C" or
 *   "POSIX" ends it) when it is set, else the locale alone;
 * - each entry gives its codes without the codeset, most specific first: "sr_RS.UTF-8@latin"
 *   gives sr_RS@latin, sr@latin, sr_RS, sr; "de_DE.UTF-8" gives de_DE, de; "pt_BR" gives
 *   pt_BR, pt. A code already in the list is not repeated.
 * An entry that could not name a folder safely (other than letters and digits in the language
 * and territory, letters, digits, '-' and '_' in the modifier; too long) is skipped, and so is
 * one whose language is "C" ("C.UTF-8"). */
int lang_choose(const char *language, const char *lc_all, const char *lc_messages, const char *lang,
                lang_list_t *out);

#endif
