/* Carries out what the session decides: chimes and music through the audio engine, captions
 * and colours on screen; the log's checkpoints and record are applog.c's. Decides nothing itself. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/duration.h"
#include "platform/applog.h"
#include "platform/appstate.h"
#include "platform/paths.h"

#define EXIT_GRACE_MS 2500   /* --exit-at-end waits for the end cue and the fade */

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

static void resolve(const app_t *app, const char *path, char *out, size_t size)
{
    if (path[0] == '/')
        snprintf(out, size, "%s", path);
    else
        paths_join(out, size, app->plan_dir, path);
}

void app_setup_music(app_t *app)
{
    if (!app->audio)
        return;
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
    } else {
        paths_join(own, sizeof own, paths_assets(), "music");
        sources[n++] = own;
    }
    audio_set_music(app->audio, sources, n, fallback[0] ? fallback : NULL);
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
    audio_cue(app->audio, AUDIO_CUE_ENDING_SOON);
    if (c->plan_end) {
        duration_format_length(app->plan->end_warning_ms, len, sizeof len);
        snprintf(msg, sizeof msg, "\xE2\x99\xAA Ending soon: %s left", len);
    } else {
        snprintf(msg, sizeof msg, "\xE2\x99\xAA %s ends soon", app->plan->phases[c->phase].name);
    }
    app_banner(app, msg, now, 4000);
}

static void on_finished(app_t *app, int64_t now)
{
    audio_music_mode(app->audio, MUSIC_SILENCE, (int)app->plan->fade_ms);
    audio_cue(app->audio, AUDIO_CUE_END);
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
    case CUE_CHIME: audio_cue(app->audio, AUDIO_CUE_CHIME); break;
    case CUE_ENDING_SOON: on_ending_soon(app, c, now); break;
    case CUE_MUSIC: on_music(app, c); break;
    case CUE_PAUSED: audio_pause(app->audio, true); break;
    case CUE_RESUMED: audio_pause(app->audio, false); break;
    case CUE_FINISHED: on_finished(app, now); break;
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

void app_poll_audio(app_t *app, int64_t now)
{
    char msg[320];
    while (audio_poll_warning(app->audio, msg, sizeof msg)) {
        fprintf(stderr, "safebase: %s\n", msg);
        app_banner(app, msg, now, 5000);
    }
}
