/* Sets the process's locale for messages and dates, never for numbers (LC_NUMERIC stays "C":
 * strtod and printf keep their dot) nor for character classes (LC_CTYPE: the parsers' byte
 * tests stay ASCII), and binds gettext's domain to the translations folder in UTF-8. */
#include "platform/sys/i18n.h"

#include <libintl.h>
#include <locale.h>

#include "platform/sys/paths.h"

void i18n_init(void)
{
    setlocale(LC_MESSAGES, "");
    setlocale(LC_TIME, "");
    char dir[4096];
    if (paths_locale(dir, sizeof dir))
        bindtextdomain("safebase", dir);
    bind_textdomain_codeset("safebase", "UTF-8");
    textdomain("safebase");
}
