/* Carries out what the session decides: chimes and music through the audio engine, captions
 * and colours on screen; the log's checkpoints and record are applog.c's. Decides nothing itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/duration.h"
#include "platform/app/applog.h"
#include "platform/app/appstate.h"
#include "platform/sys/paths.h"

#define EXIT_GRACE_MS 2500   /* --exit-at-end waits for the end cue and the fade */
#define CAPTION_MS 4000
#define SCHEDULE_AHEAD_MS 1500   /* cues this close are handed to the audio thread to time */

static void wall_clock(int64_t *epoch_ms, int *offset_s)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    *epoch_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
    struct tm tm;
    time_t t = ts.tv_sec;
    localtime_r(&t, &tm);
    *offset_s = (int)tm.tm_gmtoff;
}

/* A path from a plan (relative to the plan's folder) or from the settings file (relative to
 * its folder); "~/" is the home folder. */
static void resolve_in(const char *dir, const char *path, char *out, size_t size)
{
    const char *home = getenv("HOME");
    if (path[0] == '~' && path[1] == '/' && home)
        paths_join(out, size, home, path + 2);
    else if (path[0] == '/')
        snprintf(out, size, "%s", path);
    else
        paths_join(out, size, dir, path);
}

static void resolve(const app_t *app, const char *path, char *out, size_t size)
{
    resolve_in(app->plan_dir, path, out, size);
}

/* The settings file's music: relative to the settings file's folder. */
static void settings_music(const app_t *app, char *out, size_t size)
{
    char dir[4096];
    if (app->opts->config)
        paths_dirname(app->opts->config, dir, sizeof dir);
    else if (!paths_config_dir(dir, sizeof dir))
        snprintf(dir, sizeof dir, ".");
    resolve_in(dir, app->settings->music, out, size);
}

/* Music comes from --music, else the plan's music key, else the settings file, else the
 * built-in folder; the built-in "calm" track is the fallback unless the plan says none. */
void app_setup_music(app_t *app)
{
    if (!app->audio)
        return;
    const settings_t *set = app->settings;
    audio_configure(app->audio, set->volume_percent, set->loudness_target, app->opts->timing);
    char fallback[4096], own[4096];
    paths_join(fallback, sizeof fallback, paths_assets(), "music/safebase-calm.ogg");
    const char *sources[OPTIONS_MAX_MUSIC];
    int n = 0;
    const char *plan_music = app->plan->music;
    if (app->opts->nmusic > 0) {
        for (int i = 0; i < app->opts->nmusic; i++)
            sources[n++] = app->opts->music[i];
    } else if (plan_music && strcmp(plan_music, "none") == 0) {
        fallback[0] = '\0';
    } else if (plan_music && strcmp(plan_music, "builtin") != 0) {
        resolve(app, plan_music, own, sizeof own);
        sources[n++] = own;
    } else if (!plan_music && set->music[0]) {
        settings_music(app, own, sizeof own);
        sources[n++] = own;
    } else {
        paths_join(own, sizeof own, paths_assets(), "music");
        sources[n++] = own;
    }
    audio_set_music(app->audio, sources, n, fallback[0] ? fallback : NULL, set->shuffle);
    for (int i = 0; i < app->plan->nphases; i++) { /* phases' own music: measured ahead */
        const char *track = app->plan->phases[i].track;
        if (!track)
            continue;
        resolve(app, track, own, sizeof own);
        if (i == 0) /* made ready now, so the first sound is the right one */
            audio_play_track(app->audio, own, (int)app->plan->fade_ms);
        else
            audio_prepare(app->audio, own);
    }
}

/* Shows a cue as text for a moment: when captions are on, and always without sound. */
static void caption(app_t *app, const char *msg, int64_t now)
{
    if (!app->settings->captions && app->audio)
        return;
    app_banner(app, msg, now, CAPTION_MS);
    if (app->opts->timing)
        fprintf(stderr, "safebase: timing: caption at=%lld %s\n", (long long)now, msg);
}

static void on_music(app_t *app, const session_cue_t *c)
{
    int fade = (int)app->plan->fade_ms;
    if (c->track) {
        char path[4096];
        resolve(app, c->track, path, sizeof path);
        audio_play_track(app->audio, path, fade);
    }
    audio_music_mode(app->audio, c->music, fade);
}

static void on_ending_soon(app_t *app, const session_cue_t *c, int64_t now)
{
    char msg[160], len[48];
    audio_cue(app->audio, AUDIO_CUE_ENDING_SOON, c->at_ms);
    if (c->plan_end) {
        duration_format_length(app->plan->end_warning_ms, len, sizeof len);
        snprintf(msg, sizeof msg, "\xE2\x99\xAA Ending soon: %s left", len);
    } else {
        snprintf(msg, sizeof msg, "\xE2\x99\xAA %s ends soon", app->plan->phases[c->phase].name);
    }
    caption(app, msg, now);
}

static void on_chime(app_t *app, const session_cue_t *c, int64_t now)
{
    char msg[160];
    audio_cue(app->audio, AUDIO_CUE_CHIME, c->at_ms);
    bool first = c->phase == 0 && c->at_ms == app->session.started_ms;
    if (first && app->notice_until_start)
        return; /* "No sound: visual cues only" says more */
    if (first)
        snprintf(msg, sizeof msg, "\xE2\x99\xAA Soft chime: the session begins");
    else
        snprintf(msg, sizeof msg, "\xE2\x99\xAA Soft chime: now %s", app->plan->phases[c->phase].name);
    caption(app, msg, now);
}

static void on_finished(app_t *app, const session_cue_t *c, int64_t now)
{
    audio_music_mode(app->audio, MUSIC_SILENCE, (int)app->plan->fade_ms);
    audio_cue(app->audio, AUDIO_CUE_END, c->at_ms);
    caption(app, "\xE2\x99\xAA Closing chime: the session is over", now);
    app_set_screen(app, SCREEN_END);
    app->help = false;
    if (app->opts->exit_at_end)
        app->exit_at = now + app->plan->fade_ms + EXIT_GRACE_MS;
}

static void carry_out(app_t *app, const session_cue_t *c, int64_t now)
{
    switch (c->kind) {
    case CUE_STARTED:
        wall_clock(&app->start_epoch_ms, &app->utc_offset_s);
        app_set_screen(app, SCREEN_SESSION);
        if (app->notice_until_start)
            app_banner(app, app->notice, now, 6000);
        app->notice[0] = '\0';
        audio_music_mode(app->audio, MUSIC_PLAY, (int)app->plan->fade_ms);
        break;
    case CUE_PHASE_CHANGED:
        app_set_bg(app, draw_phase_colour(&app->draw, app->plan->phases[c->phase].kind), now);
        break;
    case CUE_CHIME: on_chime(app, c, now); break;
    case CUE_ENDING_SOON: on_ending_soon(app, c, now); break;
    case CUE_MUSIC: on_music(app, c); break;
    case CUE_PAUSED: audio_pause(app->audio, true); break;
    case CUE_RESUMED: audio_pause(app->audio, false); break;
    case CUE_FINISHED: on_finished(app, c, now); break;
    case CUE_PROMPT_CHANGED: break;
    }
    applog_on_cue(app, c->kind, now);
    app->dirty = true;
}

void app_step(app_t *app, int64_t now, session_input_t input)
{
    if (!app->plan)
        return;
    session_cues_t cues;
    session_update(&app->session, now, input, &cues);
    for (int i = 0; i < cues.count; i++)
        carry_out(app, &cues.items[i], now);
}

/* Tells the audio thread which cues the session will give at its next deadline (found by
 * running a copy of the session forward), so they sound on time to the sample even when the
 * loop wakes late. Nothing is scheduled while paused or far ahead. */
static void schedule_cues(app_t *app, int64_t now)
{
    audio_timed_cue_t ahead[4];
    int n = 0;
    int64_t dl = app->screen == SCREEN_SESSION ? session_next_deadline(&app->session) : -1;
    if (dl >= 0 && dl - now <= SCHEDULE_AHEAD_MS) {
        session_t copy = app->session;
        session_cues_t cues;
        session_update(&copy, dl, INPUT_NONE, &cues);
        for (int i = 0; i < cues.count && n < 4; i++) {
            const session_cue_t *c = &cues.items[i];
            if (c->kind == CUE_CHIME || c->kind == CUE_ENDING_SOON || c->kind == CUE_FINISHED)
                ahead[n++] = (audio_timed_cue_t){ c->kind == CUE_CHIME ? AUDIO_CUE_CHIME
                                                  : c->kind == CUE_ENDING_SOON ? AUDIO_CUE_ENDING_SOON
                                                                               : AUDIO_CUE_END,
                                                  c->at_ms };
        }
    }
    audio_schedule(app->audio, ahead, n);
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
        if (*p == '/' && p + 1 < b)
            name = p + 1;
    snprintf(out, size, "%.*s", (int)(b - name), name);
}

void app_poll_audio(app_t *app, int64_t now)
{
    char msg[320], first[320], names[200] = "", name[64];
    int count = 0;
    while (audio_poll_warning(app->audio, msg, sizeof msg)) {
        fprintf(stderr, "safebase: %s\n", msg);
        if (count++ == 0)
            snprintf(first, sizeof first, "%s", msg);
        named_file(msg, name, sizeof name);
        if (name[0] && strlen(names) + strlen(name) + 3 < sizeof names)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", names[0] ? ", " : "", name);
    }
    if (count == 1) {
        app_banner(app, first, now, 6000);
    } else if (count > 1) {
        snprintf(msg, sizeof msg, "%d music problems (details in the terminal): %s", count, names);
        app_banner(app, msg, now, 8000);
    }
    schedule_cues(app, now);
    while (app->opts->timing && audio_poll_timing(app->audio, msg, sizeof msg))
        fprintf(stderr, "safebase: timing: %s\n", msg);
}
