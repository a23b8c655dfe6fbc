/* Marks what Safe Base says to a person for translation (gettext, part of the C library):
 * _("text") for a message, N_("text") for a string translated later where it is used,
 * P_("one", "many", n) for a message with a number. The core only looks messages up; the
 * platform chooses the language (platform/sys/i18n). Without SAFEBASE_NLS they are the text. */
#ifndef SAFEBASE_CORE_TRANSLATE_H
#define SAFEBASE_CORE_TRANSLATE_H

#ifdef SAFEBASE_NLS
#include <libintl.h>
#define _(text) gettext(text)
#define P_(one, many, n) ngettext(one, many, (unsigned long)(n))
#else
#define _(text) (text)
#define P_(one, many, n) ((n) == 1 ? (one) : (many))
#endif
#define N_(text) text

#endif
