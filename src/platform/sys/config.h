/* Settings from safebase.ini and the command line, merged: options win over the file.
 * Reads the file and reports its mistakes as "FILE:LINE: message"; no SDL. */
#ifndef SAFEBASE_PLATFORM_CONFIG_H
#define SAFEBASE_PLATFORM_CONFIG_H

#include <stdio.h>

#include "core/plan/settings.h"
#include "platform/sys/options.h"

/* Fills *s with defaults, then the settings file (o->config, or
 * $XDG_CONFIG_HOME/safebase/safebase.ini when it exists), then the options. Mistakes in the
 * file are written to err; their settings keep the defaults. Never fails. */
void config_load(settings_t *s, const options_t *o, FILE *err);

#endif
