/* Gain arithmetic for equal loudness. Pure functions: no allocation, no clock, no files. */
#include "core/sound/loudness.h"

#include <math.h>

double loudness_gain_db(const loudness_t *m, double target_lufs, double ceiling_dbtp)
{
    if (!(m->integrated_lufs > LOUDNESS_SILENT_LUFS)) /* also NaN and -inf */
        return 0.0;
    double gain = target_lufs - m->integrated_lufs;
    if (gain > LOUDNESS_MAX_BOOST_DB)
        gain = LOUDNESS_MAX_BOOST_DB;
    if (isfinite(m->true_peak_db) && m->true_peak_db + gain > ceiling_dbtp)
        gain = ceiling_dbtp - m->true_peak_db;
    return gain;
}

double loudness_safe_gain_db(double target_lufs)
{
    return target_lufs - LOUDNESS_ASSUMED_LUFS;
}

double loudness_db_to_gain(double db)
{
    return pow(10.0, db / 20.0);
}
