/* The app: window, screens (menu, ready, session, end), the event loop that sleeps until the
 * next thing to show, and the wiring of session cues to sound, screen and log. */
#ifndef SAFEBASE_PLATFORM_APP_H
#define SAFEBASE_PLATFORM_APP_H

#include "core/plan/settings.h"
#include "platform/sys/catalog.h"
#include "platform/sys/options.h"

/* Runs the app until the user quits. plan_entry (may be NULL) is the plan --plan named; the
 * options, settings and catalog are borrowed. Returns the process exit status: 0, or 1 when
 * the window or renderer cannot be created. */
int app_run(const options_t *opts, const settings_t *settings, catalog_t *cat,
            catalog_entry_t *plan_entry);

#endif
