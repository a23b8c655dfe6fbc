/* The remembered choices on disk: paths_config_dir()/choices.tsv, read into and written from
 * a choices_t (core/plan/choices.h). Never prints; a missing file is simply no choices yet. */
#ifndef SAFEBASE_PLATFORM_CHOICESFILE_H
#define SAFEBASE_PLATFORM_CHOICESFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/plan/choices.h"

/* Loads the choices file into c (after choices_init). A missing file is no error. A bad
 * line: false with "PATH: line N: why" in err, the good lines kept. Returns true otherwise
 * (false with "PATH: why" too when the file cannot be read, or no config folder is known). */
bool choicesfile_load(choices_t *c, char *err, size_t errsize);

/* Saves c with savefile_replace. False with err naming the path. */
bool choicesfile_save(const choices_t *c, char *err, size_t errsize);

#endif
