/* Sets the locale for messages and dates, never numbers (LC_NUMERIC stays "C": strtod and printf
 * keep their dot) nor character classes (LC_CTYPE: byte tests stay ASCII); binds gettext's domain
 * to the translations folder in UTF-8; writes the "safebase: " lines said on a terminal. Built
 * without SAFEBASE_NLS (the Windows build), everything stays in English. */
#include "platform/sys/i18n.h"

#include <locale.h>
#include <stdarg.h>

#include "core/base/translate.h"
#include "platform/sys/paths.h"

void i18n_init(void)
{
#ifdef SAFEBASE_NLS
    setlocale(LC_MESSAGES, "");
    setlocale(LC_TIME, "");
    char dir[4096];
    if (paths_locale(dir, sizeof dir))
        bindtextdomain("safebase", dir);
    bind_textdomain_codeset("safebase", "UTF-8");
    textdomain("safebase");
#endif /* (else all in English, the dates too: the "C" locale) */
}

void i18n_say(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("safebase: ", out);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    va_end(ap);
}
