/* The user's language for everything Safe Base says: gettext's messages and the names of days
 * and months. Numbers stay in the C locale (a dot for decimals) so the log, plans and reports
 * read the same everywhere. */
#ifndef SAFEBASE_PLATFORM_I18N_H
#define SAFEBASE_PLATFORM_I18N_H

#include <stdio.h>

#include "core/base/printf.h"

/* Takes the language from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext
 * does) for messages and dates only, and finds the translations (paths_locale). Call once,
 * first thing in main(). */
void i18n_init(void);

/* Writes one line of what Safe Base says on a terminal: "safebase: " (the program's name, never
 * translated), then fmt (usually _("...")) with its arguments, then a newline. */
void i18n_say(FILE *out, const char *fmt, ...) PRINTF_LIKE(2, 3);

#endif
