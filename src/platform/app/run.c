/* Carries out what the session decides: chimes and music through the sound at once, captions,
 * colours and screens asked of the loop (app_request_t). Decides nothing itself; never writes
 * the log (applog.c is handed the cues). */
#include "platform/app/run.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/duration.h"
#include "core/base/translate.h"
#include "core/base/printf.h"
#include "core/plan/plancopy.h"
#include "platform/sys/i18n.h"
#include "platform/sys/osproc.h"
#include "platform/sys/paths.h"

#define EXIT_GRACE_MS 2500   /* --exit-at-end waits for the end cue and the fade */
#define CAPTION_MS 4000
#define SCHEDULE_AHEAD_MS 1500   /* cues this close are handed to the audio thread to time */

static void wall_clock(int64_t *epoch_ms, int *offset_s)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    *epoch_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
    *offset_s = osproc_utc_offset(ts.tv_sec);
}

/* A path from a plan (relative to the plan's folder) or from the settings file (relative to
 * its folder); "~/" is the home folder. One that cannot be resolved stays as written, so the
 * message about it names what the user wrote. */
static void resolve_in(const char *dir, const char *path, char *out, size_t size)
{
    if (!paths_resolve(path, dir, out, size))
        snprintf(out, size, "%s", path);
}

static void resolve(const run_t *r, const char *path, char *out, size_t size)
{
    resolve_in(r->plan_dir, path, out, size);
}

void run_init(run_t *r, const options_t *opts, const settings_t *settings)
{
    memset(r, 0, sizeof *r);
    r->opts = opts;
    r->settings = settings;
}

static void drop_shifted(run_t *r)
{
    if (r->has_shifted)
        plan_free(&r->shifted);
    r->has_shifted = false;
}

void run_open(run_t *r, const catalog_entry_t *e)
{
    drop_shifted(r);
    r->plan = r->written = &e->plan;
    paths_dirname(e->path, r->plan_dir, sizeof r->plan_dir);
    session_init(&r->session, r->plan);
}

bool run_shift_separations(run_t *r, int64_t first_ms)
{
    if (!r->written)
        return false;
    int64_t own = 0;
    plan_separation_grow(r->written, &own, NULL);
    drop_shifted(r);
    r->plan = r->written;
    bool ok = first_ms <= 0 || first_ms == own;
    if (!ok && plan_copy(&r->shifted, r->written)) {
        r->has_shifted = true;
        ok = plan_shift_separations(&r->shifted, first_ms);
        if (ok)
            r->plan = &r->shifted;
        else
            drop_shifted(r);
    }
    session_init(&r->session, r->plan);
    return ok;
}

void run_close(run_t *r)
{
    drop_shifted(r);
    r->written = NULL;
    r->plan = NULL;
    r->music[0] = '\0';
}

void run_choose_music(run_t *r, const char *music)
{
    snprintf(r->music, sizeof r->music, "%s", music ? music : "");
}

/* The last part of a path ("/a/b/Dance/" -> "Dance"), into buf. */
static void base_name(const char *path, char *buf, size_t size)
{
    size_t n = strlen(path);
    while (n > 1 && paths_is_separator(path[n - 1]))
        n--;
    size_t start = n;
    while (start > 0 && !paths_is_separator(path[start - 1]))
        start--;
    snprintf(buf, size, "%.*s", (int)(n - start), path + start);
}

static void settings_music(const run_t *r, char *out, size_t size);

/* Where the music comes from, in the order run_setup_music looks: NULL = the built-in
 * folder, "none", or a path (resolved into buf). */
static const char *music_source(const run_t *r, char *buf, size_t size)
{
    const char *plan_music = r->plan ? r->plan->music : NULL;
    if (r->music[0])
        plan_music = r->music;
    else if (r->opts->nmusic > 0)
        return r->opts->music[0];
    if (plan_music && strcmp(plan_music, "none") == 0)
        return "none";
    if (plan_music && strcmp(plan_music, "builtin") != 0) {
        resolve(r, plan_music, buf, size);
        return buf;
    }
    if (!plan_music && r->settings->music[0]) {
        settings_music(r, buf, size);
        return buf;
    }
    return NULL;
}

void run_music_label(const run_t *r, char *buf, size_t size)
{
    char path[4096], name[256];
    const char *src = music_source(r, path, sizeof path);
    if (!src)
        /* TRANSLATORS: the ready screen: the music is the one that comes with Safe Base */
        snprintf(buf, size, "%s", _("Music: Safe Base's own"));
    else if (strcmp(src, "none") == 0)
        /* TRANSLATORS: the ready screen: the plan plays no music */
        snprintf(buf, size, "%s", _("Music: none"));
    else {
        base_name(src, name, sizeof name);
        int more = r->opts->nmusic - 1;
        if (!r->music[0] && more > 0)
            snprintf(buf, size,
                     /* TRANSLATORS: the ready screen: %s is the first music file or folder given with
                        --music (the option's name stays), %d how many more were given */
                     P_("Music: %s and %d more (--music)", // cppcheck-suppress duplicateExpressionTernary
                        "Music: %s and %d more (--music)", more), /* (English says one and more alike) */
                     name, more);
        else
            /* TRANSLATORS: the ready screen: %s is the music's file or folder */
            snprintf(buf, size, _("Music: %s"), name);
    }
}

/* The settings file's music: relative to the settings file's folder. */
static void settings_music(const run_t *r, char *out, size_t size)
{
    char dir[4096];
    if (r->opts->config)
        paths_dirname(r->opts->config, dir, sizeof dir);
    else if (!paths_config_dir(dir, sizeof dir))
        snprintf(dir, sizeof dir, ".");
    resolve_in(dir, r->settings->music, out, size);
}

/* Music comes from --music, else the plan's music key, else the settings file, else the
 * built-in folder; the built-in "calm" track is the fallback unless the plan says none. */
void run_setup_music(const run_t *r, audio_t *audio)
{
    if (!audio || !r->plan)
        return;
    const settings_t *set = r->settings;
    audio_configure(audio, set->volume_percent, set->loudness_target, r->opts->timing);
    char fallback[4096], own[4096], assets[4096];
    paths_assets(assets, sizeof assets);
    paths_join(fallback, sizeof fallback, assets, "music/safebase-calm.ogg");
    const char *sources[OPTIONS_MAX_MUSIC];
    int n = 0;
    const char *plan_music = r->music[0] ? r->music : r->plan->music;
    if (r->opts->nmusic > 0 && !r->music[0]) {
        for (int i = 0; i < r->opts->nmusic; i++)
            sources[n++] = r->opts->music[i];
    } else if (plan_music && strcmp(plan_music, "none") == 0) {
        fallback[0] = '\0';
    } else if (plan_music && strcmp(plan_music, "builtin") != 0) {
        resolve(r, plan_music, own, sizeof own);
        sources[n++] = own;
    } else if (!plan_music && set->music[0]) {
        settings_music(r, own, sizeof own);
        sources[n++] = own;
    } else {
        paths_join(own, sizeof own, assets, "music");
        sources[n++] = own;
    }
    audio_set_music(audio, sources, n, fallback[0] ? fallback : NULL, set->shuffle);
    for (int i = 0; i < r->plan->nphases; i++) { /* phases' own music: measured ahead */
        const char *track = r->plan->phases[i].track;
        if (!track)
            continue;
        resolve(r, track, own, sizeof own);
        if (i == 0) /* made ready now, so the first sound is the right one */
            audio_play_track(audio, own, (int)r->plan->fade_ms);
        else
            audio_prepare(audio, own);
    }
}

/* What a step needs besides the session: the sound, the request it fills, the moment. */
typedef struct {
    run_t *r;
    audio_t *audio;
    const draw_t *draw;
    const look_t *look;
    int64_t now;
    app_request_t *req;
} step_t;

static void banner(app_request_t *req, const char *msg, int64_t ms)
{
    snprintf(req->banner, sizeof req->banner, "%s", msg);
    req->banner_ms = ms;
}

/* Shows a cue as text for a moment, after a note sign (fmt: a translated sentence): when
 * captions are on, and always without sound. */
static void caption(const step_t *st, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void caption(const step_t *st, const char *fmt, ...)
{
    if (!st->r->settings->captions && st->audio)
        return;
    char msg[sizeof st->req->banner];
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(msg, sizeof msg, "\xE2\x99\xAA "); /* ♪ */
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    banner(st->req, msg, CAPTION_MS);
    if (st->r->opts->timing)
        fprintf(stderr, "safebase: timing: caption at=%lld %s\n", (long long)st->now, msg);
}

static void on_music(const step_t *st, const session_cue_t *c)
{
    int fade = (int)st->r->plan->fade_ms;
    if (c->track) {
        char path[4096];
        resolve(st->r, c->track, path, sizeof path);
        audio_play_track(st->audio, path, fade);
    }
    audio_music_mode(st->audio, c->music, fade);
}

static void on_ending_soon(const step_t *st, const session_cue_t *c)
{
    char len[48];
    const plan_t *plan = st->r->plan;
    audio_cue(st->audio, AUDIO_CUE_ENDING_SOON, c->at_ms);
    if (c->plan_end) {
        duration_format_length(plan->end_warning_ms, len, sizeof len);
        /* TRANSLATORS: a caption for the sound that says the session ends soon; %s is how
           long is left ("2 min") */
        caption(st, _("Ending soon: %s left"), len);
    } else {
        /* TRANSLATORS: a caption for the sound that says a phase ends soon; %s is the phase's
           name (from the plan) */
        caption(st, _("%s ends soon"), plan->phases[c->phase].name);
    }
}

static void on_chime(const step_t *st, const session_cue_t *c)
{
    audio_cue(st->audio, AUDIO_CUE_CHIME, c->at_ms);
    bool first = c->phase == 0 && c->at_ms == st->r->session.started_ms;
    if (first && st->look->notice_until_start)
        return; /* "No sound: visual cues only" says more */
    if (first)
        /* TRANSLATORS: a caption for the chime at the start of a session */
        caption(st, "%s", _("Soft chime: the session begins"));
    else
        /* TRANSLATORS: a caption for the chime between phases; %s is the new phase's name */
        caption(st, _("Soft chime: now %s"), st->r->plan->phases[c->phase].name);
}

static void on_finished(const step_t *st, const session_cue_t *c)
{
    const plan_t *plan = st->r->plan;
    audio_music_mode(st->audio, MUSIC_SILENCE, (int)plan->fade_ms);
    audio_cue(st->audio, AUDIO_CUE_END, c->at_ms);
    /* TRANSLATORS: a caption for the sound at the end of a session */
    caption(st, "%s", _("Closing chime: the session is over"));
    st->req->set_screen = true;
    st->req->screen = SCREEN_END;
    st->req->help_off = true;
    if (st->r->opts->exit_at_end)
        st->req->exit_at = st->now + plan->fade_ms + EXIT_GRACE_MS;
}

static void carry_out(const step_t *st, const session_cue_t *c)
{
    run_t *r = st->r;
    app_request_t *req = st->req;
    switch (c->kind) {
    case CUE_STARTED:
        wall_clock(&r->start_epoch_ms, &r->utc_offset_s);
        req->set_screen = true;
        req->screen = SCREEN_SESSION;
        if (st->look->notice_until_start) /* said once more as the session starts, then it goes */
            banner(req, st->look->notice, 6000);
        req->set_notice = true;
        req->notice[0] = '\0';
        audio_music_mode(st->audio, MUSIC_PLAY, (int)r->plan->fade_ms);
        break;
    case CUE_PHASE_CHANGED:
        req->set_bg = true;
        req->bg = draw_phase_colour(st->draw, r->plan->phases[c->phase].kind);
        break;
    case CUE_CHIME: on_chime(st, c); break;
    case CUE_ENDING_SOON: on_ending_soon(st, c); break;
    case CUE_MUSIC: on_music(st, c); break;
    case CUE_PAUSED: audio_pause(st->audio, true); break;
    case CUE_RESUMED: audio_pause(st->audio, false); break;
    case CUE_FINISHED: on_finished(st, c); break;
    case CUE_PROMPT_CHANGED: break;
    }
}

void run_step(run_t *r, audio_t *audio, const draw_t *draw, const look_t *look, int64_t now,
              session_input_t input, session_cues_t *cues, app_request_t *req)
{
    cues->count = 0;
    if (!r->plan)
        return;
    session_update(&r->session, now, input, cues);
    step_t st = { r, audio, draw, look, now, req };
    for (int i = 0; i < cues->count; i++)
        carry_out(&st, &cues->items[i]);
}

/* What a copy of the session given input at `at` sounds (chimes, ending soon, the end; 4 at
 * most), into ahead. */
static int sounding_cues(const run_t *r, int64_t at, session_input_t input, audio_timed_cue_t ahead[4])
{
    session_t copy = r->session;
    session_cues_t cues;
    session_update(&copy, at, input, &cues);
    int n = 0;
    for (int i = 0; i < cues.count && n < 4; i++) {
        const session_cue_t *c = &cues.items[i];
        if (c->kind == CUE_CHIME || c->kind == CUE_ENDING_SOON || c->kind == CUE_FINISHED)
            ahead[n++] = (audio_timed_cue_t){ c->kind == CUE_CHIME ? AUDIO_CUE_CHIME
                                              : c->kind == CUE_ENDING_SOON ? AUDIO_CUE_ENDING_SOON
                                                                           : AUDIO_CUE_END,
                                              c->at_ms };
    }
    return n;
}

/* Tells the audio thread which cues the session will give at its next deadline (found by
 * running a copy of the session forward), so they sound on time to the sample even when the
 * loop wakes late. Nothing is scheduled while paused or far ahead. */
static void schedule_cues(const run_t *r, audio_t *audio, bool in_session, int64_t now)
{
    audio_timed_cue_t ahead[4];
    int n = 0;
    int64_t dl = in_session ? session_next_deadline(&r->session) : -1;
    if (dl >= 0 && dl - now <= SCHEDULE_AHEAD_MS)
        n = sounding_cues(r, dl, INPUT_NONE, ahead);
    audio_schedule(audio, ahead, n);
}

void run_schedule_start(const run_t *r, audio_t *audio, int64_t at)
{
    audio_timed_cue_t ahead[4];
    int n = r->plan && r->session.state == SESSION_READY ? sounding_cues(r, at, INPUT_START, ahead) : 0;
    audio_schedule(audio, ahead, n);
}

/* The file a warning names (between its first pair of quotes), without its folder. */
static void named_file(const char *msg, char *out, size_t size)
{
    const char *a = strchr(msg, '"'), *b = a ? strchr(a + 1, '"') : NULL;
    out[0] = '\0';
    if (!b)
        return;
    const char *name = a + 1;
    for (const char *p = a + 1; p < b; p++)
        if (paths_is_separator(*p) && p + 1 < b)
            name = p + 1;
    snprintf(out, size, "%.*s", (int)(b - name), name);
}

void run_poll_audio(const run_t *r, audio_t *audio, bool in_session, int64_t now, app_request_t *req)
{
    char msg[320], first[320], names[200] = "", name[64];
    int count = 0;
    while (audio_poll_warning(audio, msg, sizeof msg)) {
        i18n_say(stderr, "%s", msg);
        if (count++ == 0)
            snprintf(first, sizeof first, "%s", msg);
        named_file(msg, name, sizeof name);
        if (name[0] && strlen(names) + strlen(name) + 3 < sizeof names)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", names[0] ? ", " : "", name);
    }
    if (count == 1) {
        banner(req, first, 6000);
    } else if (count > 1) {
        /* TRANSLATORS: a banner: several pieces of music cannot play; %s lists their file names */
        snprintf(msg, sizeof msg, P_("%d music problem (details in the terminal): %s",
                                     "%d music problems (details in the terminal): %s", count), count, names);
        banner(req, msg, 8000);
    }
    schedule_cues(r, audio, in_session, now);
    while (r->opts->timing && audio_poll_timing(audio, msg, sizeof msg))
        fprintf(stderr, "safebase: timing: %s\n", msg);
}
