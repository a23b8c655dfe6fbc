/* Decides the user's languages from the four values gettext reads, in gettext's order. libc
 * only: must not call getenv or setlocale (the platform does, and hands the values in); never
 * allocates, never prints. */
#include "core/base/lang.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define PART_MAX 16   /* bytes in a language, territory or modifier */

static const char *set_or_null(const char *s)
{
    return s && s[0] ? s : NULL;
}

static bool is_c(const char *s, size_t n)
{
    return (n == 1 && s[0] == 'C') || (n == 5 && memcmp(s, "POSIX", 5) == 0);
}

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Copies s[0..n) into part (PART_MAX bytes) when it is 1 to PART_MAX - 1 bytes of letters and
 * digits (and '-', '_' when extra is true). An absent part (n == 0) is fine and left "". */
static bool take_part(const char *s, size_t n, bool extra, char *part)
{
    part[0] = '\0';
    if (n >= PART_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_alnum(s[i]) && !(extra && (s[i] == '-' || s[i] == '_')))
            return false;
    memcpy(part, s, n);
    part[n] = '\0';
    return true;
}

static void add(lang_list_t *out, const char *language, const char *territory, const char *modifier)
{
    char code[LANG_CODE_MAX];
    snprintf(code, sizeof code, "%s%s%s%s%s", language, territory[0] ? "_" : "", territory, modifier[0] ? "@" : "",
             modifier);
    for (int i = 0; i < out->count; i++)
        if (strcmp(out->code[i], code) == 0)
            return;
    if (out->count < LANG_MAX)
        memcpy(out->code[out->count++], code, sizeof code);
}

/* One entry, "language[_territory][.codeset][@modifier]", s[0..n): its codes into out. */
static void add_entry(lang_list_t *out, const char *s, size_t n)
{
    const char *end = s + n, *at = memchr(s, '@', n);
    const char *head_end = at ? at : end;   /* language, territory and codeset */
    const char *dot = memchr(s, '.', (size_t)(head_end - s));
    const char *tail = dot ? dot : head_end;
    const char *under = memchr(s, '_', (size_t)(tail - s));
    const char *lang_end = under ? under : tail;
    char language[PART_MAX], territory[PART_MAX], modifier[PART_MAX];
    if (lang_end == s || !take_part(s, (size_t)(lang_end - s), false, language) ||
        !take_part(under ? under + 1 : tail, under ? (size_t)(tail - under - 1) : 0, false, territory) ||
        !take_part(at ? at + 1 : end, at ? (size_t)(end - at - 1) : 0, true, modifier) ||
        (under && !territory[0]) || (at && !modifier[0]) || strcmp(language, "C") == 0)
        return;
    if (modifier[0]) {
        if (territory[0])
            add(out, language, territory, modifier);
        add(out, language, "", modifier);
    }
    if (territory[0])
        add(out, language, territory, "");
    add(out, language, "", "");
}

int lang_choose(const char *language, const char *lc_all, const char *lc_messages, const char *lang,
                lang_list_t *out)
{
    out->count = 0;
    const char *locale = set_or_null(lc_all);
    if (!locale)
        locale = set_or_null(lc_messages);
    if (!locale)
        locale = set_or_null(lang);
    if (!locale || is_c(locale, strlen(locale)))
        return 0;
    const char *list = set_or_null(language) ? language : locale;
    while (*list) {
        size_t n = strcspn(list, ":");
        if (n > 0) {
            if (is_c(list, n))
                break;
            add_entry(out, list, n);
        }
        list += n + (list[n] == ':');
    }
    return out->count;
}
