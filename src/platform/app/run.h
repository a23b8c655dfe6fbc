/* The open plan and its session, and carrying out what the session decides: chimes and music
 * through the sound, captions and colours asked of the loop (app_request_t). Decides nothing
 * itself (core/session does); the log's part of each cue is applog.c's, handed the cues. */
#ifndef SAFEBASE_PLATFORM_APP_RUN_H
#define SAFEBASE_PLATFORM_APP_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/plan/settings.h"
#include "core/session/session.h"
#include "platform/app/request.h"
#include "platform/screen/draw.h"
#include "platform/sound/audio.h"
#include "platform/sys/catalog.h"
#include "platform/sys/options.h"

typedef struct {
    const options_t *opts;        /* borrowed */
    const settings_t *settings;   /* borrowed */
    const plan_t *plan;           /* the open plan (the catalogue's); NULL on the menu */
    char plan_dir[4096];          /* its folder: its music's paths are relative to it */
    session_t session;
    int64_t start_epoch_ms;       /* wall clock when the session started */
    int utc_offset_s;
    char music[4096];             /* chosen on screen: "builtin", "none" or a path; "" = not chosen */
    const plan_t *written;        /* the open plan as the catalogue has it... */
    plan_t shifted;               /* ...and this session's copy with the separations moved */
    bool has_shifted;             /* (plan points at shifted) */
} run_t;

/* No plan open yet; opts and settings are borrowed for as long as r is used. */
void run_init(run_t *r, const options_t *opts, const settings_t *settings);

/* Opens a plan of the catalogue, its session ready to start. */
void run_open(run_t *r, const catalog_entry_t *e);

/* Starts the open plan's growing separations at first_ms (core/plan's plan_shift_separations
 * on a copy); 0 or the plan's own length: the plan as written. Only before a session starts.
 * False (the plan as written) when the plan cannot take it. */
bool run_shift_separations(run_t *r, int64_t first_ms);

/* Closes the plan (the menu shows). */
void run_close(run_t *r);

/* The music chosen on screen for the open plan ("builtin", "none", an absolute path; NULL or
 * "" forgets the choice): it wins over --music, the plan's and the settings' music. Takes
 * effect at the next run_setup_music. */
void run_choose_music(run_t *r, const char *music);

/* What will play, in words for the ready screen: "Safe Base's own music", "No music",
 * "Dance (a folder)", "--music: 2 sources"... into buf. */
void run_music_label(const run_t *r, char *buf, size_t size);

/* Hands the plan's (or --music's, or the settings') music to the sound (NULL: none). */
void run_setup_music(const run_t *r, audio_t *audio);

/* Advances the session to now with one input and carries out its cues: sound at once, the
 * screen's part into req (look is read: a notice shown until a session starts is said once
 * more instead of the first chime's caption). The cues go to cues, for the log. */
void run_step(run_t *r, audio_t *audio, const draw_t *draw, const look_t *look, int64_t now,
              session_input_t input, session_cues_t *cues, app_request_t *req);

/* --start: the session will start at `at` (a moment just ahead, on SDL_GetTicks64's clock):
 * its first cues (the start chime) are handed to the audio thread now, to sound exactly then. */
void run_schedule_start(const run_t *r, audio_t *audio, int64_t at);

/* Once per turn of the loop: the sound's warnings (on stderr, and a banner into req), the
 * cues due within 1.5 s handed to the audio thread to time (in_session: the session screen
 * shows), and --timing's reports. */
void run_poll_audio(const run_t *r, audio_t *audio, bool in_session, int64_t now, app_request_t *req);

#endif
