/* Formats one session as a CSV line of the log (RFC 4180), with ISO 8601 local times computed
 * from numbers the caller gives. Never reads a clock or the time zone, never allocates. */
#include "core/log/record.h"

#include <stdio.h>
#include <string.h>

/* Days since 1970-01-01 to a civil date (Howard Hinnant's civil_from_days). */
void record_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

char *record_format_time(int64_t epoch_ms, int utc_offset_s, char *buf, size_t size)
{
    int64_t local = floor_div(epoch_ms, 1000) + utc_offset_s;
    int64_t days = floor_div(local, 86400);
    int64_t secs = local - days * 86400;
    int y, mo, d;
    record_civil_from_days(days, &y, &mo, &d);
    int off = utc_offset_s < 0 ? -utc_offset_s : utc_offset_s;
    snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d, (int)(secs / 3600),
             (int)(secs / 60 % 60), (int)(secs % 60), utc_offset_s < 0 ? '-' : '+', off / 3600,
             off / 60 % 60);
    return buf;
}

int record_csv_field(const char *value, char *buf, size_t size)
{
    if (!value)
        value = "";
    size_t n = strlen(value);
    bool quote = strpbrk(value, ",\"\r\n") != NULL ||
                 (n > 0 && (value[0] == ' ' || value[n - 1] == ' '));
    size_t out = 0;
    if (quote) {
        if (out + 1 >= size)
            return -1;
        buf[out++] = '"';
    }
    for (size_t i = 0; i < n; i++) {
        size_t need = (quote && value[i] == '"') ? 2 : 1;
        if (out + need >= size)
            return -1;
        if (need == 2)
            buf[out++] = '"';
        buf[out++] = value[i];
    }
    if (quote) {
        if (out + 1 >= size)
            return -1;
        buf[out++] = '"';
    }
    buf[out] = '\0';
    return (int)out;
}

/* Seconds with one decimal, rounded to the nearest tenth. */
static void seconds(int64_t ms, char *buf, size_t size)
{
    if (ms < 0)
        ms = 0;
    int64_t tenths = (ms + 50) / 100;
    snprintf(buf, size, "%lld.%d", (long long)(tenths / 10), (int)(tenths % 10));
}

/* The number fields of the new columns: rating empty when not given. */
static void counts(const record_t *r, char *buf, size_t size)
{
    char rating[8] = "";
    if (r->rating >= 1 && r->rating <= 5)
        snprintf(rating, sizeof rating, "%d", r->rating);
    snprintf(buf, size, "%s,%d,%d,%d", rating, r->look_backs, r->extends, r->reconnects);
}

/* The separation columns: seconds with one decimal, or empty for none. */
static void separations(const record_t *r, char *buf, size_t size)
{
    const int64_t ms[3] = { r->first_separation_ms, r->longest_separation_ms,
                            r->reconnect_separation_ms };
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < 3 && used < size; i++) {
        char secs[32] = "";
        if (ms[i] > 0)
            seconds(ms[i], secs, sizeof secs);
        used += (size_t)snprintf(buf + used, size - used, ",%s", secs);
    }
}

int record_format(const record_t *r, char *buf, size_t size)
{
    char started[40], ended[40], plan[1024], planned[32], duration[32], paused[32], seps[112];
    char client[4 * RECORD_MAX_CLIENT], numbers[64], note[4 * RECORD_MAX_NOTE];
    record_format_time(r->started_epoch_ms, r->utc_offset_s, started, sizeof started);
    record_format_time(r->ended_epoch_ms, r->utc_offset_s, ended, sizeof ended);
    if (record_csv_field(r->plan, plan, sizeof plan) < 0 ||
        record_csv_field(r->client, client, sizeof client) < 0 ||
        record_csv_field(r->note, note, sizeof note) < 0) {
        if (size > 0)
            buf[0] = '\0';
        return -1;
    }
    seconds(r->planned_ms, planned, sizeof planned);
    seconds(r->duration_ms, duration, sizeof duration);
    seconds(r->paused_ms, paused, sizeof paused);
    counts(r, numbers, sizeof numbers);
    separations(r, seps, sizeof seps);
    int n = snprintf(buf, size, "%s,%s,%s,%s,%s,%s,%s,%d,%d,%s,%s,%s%s\n", started, ended, plan,
                     planned, duration, paused, r->outcome, r->phases_completed, r->phases_total,
                     client, numbers, note, seps);
    if (n < 0 || (size_t)n >= size) {
        if (size > 0)
            buf[0] = '\0';
        return -1;
    }
    return n;
}
