/* libFuzzer harness for the settings parser (settings_parse): any bytes leave every setting at
 * its default or at a documented value, and each mistake names a line; never a crash or UB.
 * Built only with -DSAFEBASE_FUZZ=ON (clang). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/plan/settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    settings_t s;
    settings_errors_t errs;
    settings_defaults(&s);
    bool ok = settings_parse((const char *)data, size, &s, &errs);
    if (ok != (errs.count == 0 && errs.dropped == 0) || errs.count > SETTINGS_MAX_ERRORS)
        abort();
    for (int i = 0; i < errs.count; i++)
        if (errs.items[i].line < 1 || !memchr(errs.items[i].message, '\0', sizeof errs.items[i].message))
            abort();
    if (s.theme != THEME_CALM && s.theme != THEME_CONTRAST)
        abort();
    if (s.display < 0 || s.display > 63 || s.volume_percent < 0 || s.volume_percent > 100)
        abort();
    if (!(s.loudness_target >= -40.0 && s.loudness_target <= -10.0))
        abort();
    if (!memchr(s.font, '\0', sizeof s.font) || !memchr(s.music, '\0', sizeof s.music))
        abort();
    return 0;
}
