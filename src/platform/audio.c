/* The sound engine: two music voices streamed from disk by libsndfile on a decoder thread,
 * resampled by SDL_AudioStream and mixed with S-curve ramps in SDL_mixer's music hook; cues
 * are SDL_mixer chunks on their own channels. The audio thread never touches a file. */
#include "platform/audio.h"

#include <SDL.h>
#include <SDL_mixer.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/playlist.h"
#include "core/ramp.h"
#include "platform/musicdir.h"

#define RATE 48000
#define CHANNELS 2
#define AHEAD_FRAMES (RATE / 2)       /* decoded ahead of the audio thread */
#define READ_FRAMES 4096
#define PAUSE_FADE_MS 1000
#define DUCK_MS 200
#define SOFT_DB (-12.0f)
#define DUCK_DB (-10.0f)
#define MAX_WARNINGS 8
#define FRAMES(ms) ((int64_t)(ms) * RATE / 1000)

typedef struct {
    SNDFILE *sf;
    SF_INFO info;
    SDL_AudioStream *stream;
    ramp_t gain;             /* crossfade envelope */
    bool eof;                /* the file is read to its end */
    bool leading;            /* the voice the playlist follows */
    int64_t out_frames;      /* expected output frames of the whole track (0 = unknown) */
    int64_t played;          /* output frames consumed */
    int64_t decoded;         /* input frames read */
    char path[1024];         /* for warnings */
} voice_t;

struct audio {
    SDL_mutex *lock;
    SDL_Thread *thread;
    bool quit;
    voice_t voice[2];
    playlist_t tracks;
    char fallback[4096];
    int next_track;
    int failures;            /* tracks that failed in a row */
    char request[4096];      /* a track asked for by audio_play_track, taken by the decoder */
    int request_fade_ms;
    bool started;            /* music has been asked for at least once */
    int fade_ms;
    ramp_t mode, pause, duck;
    int64_t clock;           /* output frames mixed so far */
    int64_t duck_release;    /* frame at which the dip under a cue ends */
    Mix_Chunk *cues[AUDIO_CUE_COUNT];
    char warnings[MAX_WARNINGS][320];
    int warn_head, warn_count;
};

static void warn(audio_t *a, const char *fmt, const char *path, const char *why)
{
    SDL_LockMutex(a->lock);
    if (a->warn_count < MAX_WARNINGS) {
        int slot = (a->warn_head + a->warn_count++) % MAX_WARNINGS;
        char *w = a->warnings[slot];
        /* a long path is cut, and the cut shown (checking the result also keeps gcc's
         * -Wformat-truncation quiet at -O2, where it would fail the -Werror build) */
        if (snprintf(w, sizeof a->warnings[slot], fmt, path, why) >= (int)sizeof a->warnings[slot])
            memcpy(w + sizeof a->warnings[slot] - 4, "...", 4);
    }
    SDL_UnlockMutex(a->lock);
}

bool audio_poll_warning(audio_t *a, char *buf, size_t size)
{
    if (!a)
        return false;
    SDL_LockMutex(a->lock);
    bool any = a->warn_count > 0;
    if (any) {
        snprintf(buf, size, "%s", a->warnings[a->warn_head]);
        a->warn_head = (a->warn_head + 1) % MAX_WARNINGS;
        a->warn_count--;
    }
    SDL_UnlockMutex(a->lock);
    return any;
}

static void voice_close(voice_t *v)
{
    if (v->sf)
        sf_close(v->sf);
    if (v->stream)
        SDL_FreeAudioStream(v->stream);
    memset(v, 0, sizeof *v);
}

/* Opens a track into a local voice (no lock held). Returns false with a warning queued. */
static bool voice_open(audio_t *a, voice_t *v, const char *path)
{
    memset(v, 0, sizeof *v);
    snprintf(v->path, sizeof v->path, "%s", path);
    v->sf = sf_open(path, SFM_READ, &v->info);
    if (!v->sf) {
        warn(a, "Skipping music \"%s\": %s", path, sf_strerror(NULL));
        return false;
    }
    int ch = v->info.channels;
    if (v->info.samplerate <= 0 || (ch != 1 && ch != 2 && ch != 4 && ch != 6)) {
        warn(a, "Skipping music \"%s\": %s", path, "unsupported channels or sample rate");
        voice_close(v);
        return false;
    }
    v->stream = SDL_NewAudioStream(AUDIO_F32, (Uint8)ch, v->info.samplerate, AUDIO_F32, CHANNELS, RATE);
    if (!v->stream) {
        warn(a, "Skipping music \"%s\": %s", path, SDL_GetError());
        voice_close(v);
        return false;
    }
    if (v->info.frames > 0 && v->info.frames < INT64_MAX / RATE)
        v->out_frames = (int64_t)v->info.frames * RATE / v->info.samplerate;
    return true;
}

/* Reads one block of the voice's file into its stream. Returns frames read. */
static int voice_decode(audio_t *a, voice_t *v, float *buf)
{
    sf_count_t got = sf_readf_float(v->sf, buf, READ_FRAMES);
    SDL_LockMutex(a->lock);
    if (got > 0) {
        SDL_AudioStreamPut(v->stream, buf, (int)(got * v->info.channels * (sf_count_t)sizeof(float)));
        v->decoded += got;
        a->failures = 0; /* a track that really plays ends a run of failures */
    } else {
        if (v->decoded == 0)
            a->failures++;
        v->eof = true;
        SDL_AudioStreamFlush(v->stream);
    }
    bool empty = got <= 0 && v->decoded == 0;
    char path[sizeof v->path];
    snprintf(path, sizeof path, "%s", v->path);
    SDL_UnlockMutex(a->lock);
    if (empty)
        warn(a, "Skipping music \"%s\": %s", path, "no playable audio in the file");
    return (int)got;
}

static const char *next_path(audio_t *a)
{
    if (a->tracks.count == 0 || a->failures >= a->tracks.count)
        return a->fallback[0] ? a->fallback : NULL;
    const char *p = a->tracks.paths[a->next_track % a->tracks.count];
    a->next_track = (a->next_track + 1) % a->tracks.count;
    return p;
}

/* Starts a track in the free voice, crossfading from the leading one over fade frames. */
static bool start_track(audio_t *a, const char *path, int64_t fade)
{
    voice_t fresh;
    if (!voice_open(a, &fresh, path))
        return false;
    SDL_LockMutex(a->lock);
    int slot = a->voice[0].stream && a->voice[1].stream ? -1 : (a->voice[0].stream ? 1 : 0);
    if (slot < 0) { /* both busy: drop the quieter one at once (it is nearly silent) */
        slot = a->voice[0].gain.value < a->voice[1].gain.value ? 0 : 1;
        voice_close(&a->voice[slot]);
    }
    voice_t *old = &a->voice[1 - slot];
    bool crossfade = old->stream != NULL;
    if (crossfade) {
        old->leading = false;
        ramp_to(&old->gain, 0.0f, fade);
    }
    a->voice[slot] = fresh;
    a->voice[slot].leading = true;
    ramp_init(&a->voice[slot].gain, crossfade ? 0.0f : 1.0f);
    if (crossfade)
        ramp_to(&a->voice[slot].gain, 1.0f, fade);
    SDL_UnlockMutex(a->lock);
    return true;
}

/* Plays the next playable track; after a whole round of failures, the fallback; then gives up. */
static void advance_playlist(audio_t *a, int64_t fade)
{
    for (int tries = 0; tries <= a->tracks.count + 1; tries++) {
        const char *path = next_path(a);
        if (!path)
            return;
        if (start_track(a, path, fade))
            return;
        if (path == a->fallback) {
            a->fallback[0] = '\0';
            return;
        }
        a->failures++;
    }
}

/* What the decoder thread should do next, decided under the lock. */
static void plan_work(audio_t *a, voice_t **fill, bool *need_next, char *request, int *request_fade)
{
    *fill = NULL;
    *need_next = false;
    request[0] = '\0';
    SDL_LockMutex(a->lock);
    for (int i = 0; i < 2; i++) {
        voice_t *v = &a->voice[i];
        if (!v->stream)
            continue;
        bool drained = v->eof && SDL_AudioStreamAvailable(v->stream) == 0;
        if ((drained || (!v->leading && ramp_settled(&v->gain) && v->gain.value == 0.0f)) && !v->leading) {
            voice_close(v);
            continue;
        }
        if (v->leading) {
            int64_t left = v->out_frames > 0 ? v->out_frames - v->played : -1;
            bool near_end = (left >= 0 && left <= FRAMES(a->fade_ms)) || drained ||
                            (v->eof && v->decoded == 0);
            if (near_end) {
                if (v->decoded == 0)
                    v->leading = false;
                *need_next = true;
            }
        }
        if (!v->eof && SDL_AudioStreamAvailable(v->stream) < (int)(AHEAD_FRAMES * CHANNELS * sizeof(float)))
            *fill = v;
    }
    if (a->started && !a->voice[0].leading && !a->voice[1].leading && !a->voice[0].stream &&
        !a->voice[1].stream)
        *need_next = true;
    if (a->request[0]) {
        snprintf(request, 4096, "%s", a->request);
        *request_fade = a->request_fade_ms;
        a->request[0] = '\0';
    }
    SDL_UnlockMutex(a->lock);
}

static int decoder_main(void *arg)
{
    audio_t *a = arg;
    float *buf = malloc(sizeof(float) * READ_FRAMES * 8);
    char request[4096];
    while (buf) {
        SDL_LockMutex(a->lock);
        bool quit = a->quit;
        SDL_UnlockMutex(a->lock);
        if (quit)
            break;
        voice_t *fill;
        bool need_next;
        int request_fade = 0;
        plan_work(a, &fill, &need_next, request, &request_fade);
        if (request[0] && !start_track(a, request, FRAMES(request_fade)))
            need_next = true;
        else if (need_next && !request[0])
            advance_playlist(a, FRAMES(a->fade_ms));
        if (fill && voice_decode(a, fill, buf) > 0)
            continue; /* keep filling until every voice is ahead */
        SDL_Delay(10);
    }
    free(buf);
    return 0;
}

/* Mixes the music voices into out (frames x CHANNELS floats). Runs on the audio thread. */
static void mix_music(void *udata, Uint8 *stream, int len)
{
    audio_t *a = udata;
    float *out = (float *)stream;
    int frames = len / (int)(sizeof(float) * CHANNELS);
    float tmp[2][1024 * CHANNELS];
    SDL_memset(stream, 0, (size_t)len);
    SDL_LockMutex(a->lock);
    for (int done = 0; done < frames;) {
        int n = frames - done > 1024 ? 1024 : frames - done;
        bool hold = (ramp_settled(&a->pause) && a->pause.value == 0.0f) ||
                    (ramp_settled(&a->mode) && a->mode.value == 0.0f);
        int got[2] = { 0, 0 };
        for (int i = 0; i < 2 && !hold; i++) {
            voice_t *v = &a->voice[i];
            if (!v->stream)
                continue;
            int bytes = SDL_AudioStreamGet(v->stream, tmp[i], n * CHANNELS * (int)sizeof(float));
            got[i] = bytes > 0 ? bytes / (int)(sizeof(float) * CHANNELS) : 0;
            v->played += got[i];
        }
        for (int f = 0; f < n; f++) {
            float g = ramp_next(&a->mode) * ramp_next(&a->pause) * ramp_next(&a->duck);
            if (a->duck_release >= 0 && a->clock + f >= a->duck_release) {
                ramp_to(&a->duck, 1.0f, FRAMES(DUCK_MS));
                a->duck_release = -1;
            }
            for (int i = 0; i < 2; i++) {
                if (!a->voice[i].stream || hold)
                    continue;
                float vg = ramp_next(&a->voice[i].gain) * g;
                if (f < got[i])
                    for (int c = 0; c < CHANNELS; c++)
                        out[(done + f) * CHANNELS + c] += tmp[i][f * CHANNELS + c] * vg;
            }
        }
        a->clock += n;
        done += n;
    }
    SDL_UnlockMutex(a->lock);
}

static void load_cues(audio_t *a, const char *dir)
{
    static const char *names[AUDIO_CUE_COUNT] = { "chime.wav", "ending-soon.wav", "end.wav" };
    for (int i = 0; i < AUDIO_CUE_COUNT; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        a->cues[i] = Mix_LoadWAV(path);
        if (!a->cues[i])
            warn(a, "Cannot load the cue sound \"%s\": %s", path, Mix_GetError());
    }
}

audio_t *audio_open(const char *sounds_dir, char *err, size_t errsize)
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        snprintf(err, errsize, "no audio: %s", SDL_GetError());
        return NULL;
    }
    if (Mix_OpenAudioDevice(RATE, AUDIO_F32SYS, CHANNELS, 1024, NULL, 0) != 0) {
        snprintf(err, errsize, "no audio device: %s", Mix_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return NULL;
    }
    audio_t *a = calloc(1, sizeof *a);
    if (!a || !(a->lock = SDL_CreateMutex())) {
        snprintf(err, errsize, "no audio: out of memory");
        free(a);
        Mix_CloseAudio();
        return NULL;
    }
    a->fade_ms = 1500;
    ramp_init(&a->mode, 0.0f);
    ramp_init(&a->pause, 1.0f);
    ramp_init(&a->duck, 1.0f);
    a->duck_release = -1;
    Mix_AllocateChannels(4);
    load_cues(a, sounds_dir);
    Mix_HookMusic(mix_music, a);
    a->thread = SDL_CreateThread(decoder_main, "safebase-decoder", a);
    if (!a->thread)
        warn(a, "No music: %s%s", SDL_GetError(), "");
    return a;
}

void audio_close(audio_t *a)
{
    if (!a)
        return;
    SDL_LockMutex(a->lock);
    a->quit = true;
    SDL_UnlockMutex(a->lock);
    if (a->thread)
        SDL_WaitThread(a->thread, NULL);
    Mix_HookMusic(NULL, NULL);
    Mix_HaltChannel(-1);
    Mix_CloseAudio();
    for (int i = 0; i < AUDIO_CUE_COUNT; i++)
        if (a->cues[i])
            Mix_FreeChunk(a->cues[i]);
    voice_close(&a->voice[0]);
    voice_close(&a->voice[1]);
    playlist_free(&a->tracks);
    SDL_DestroyMutex(a->lock);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(a);
}

int audio_set_music(audio_t *a, const char *const *sources, int count, const char *fallback)
{
    if (!a)
        return 0;
    playlist_t list = { 0 };
    for (int i = 0; i < count; i++) {
        char why[512];
        if (!musicdir_expand(&list, sources[i], why, sizeof why))
            warn(a, "Music \"%s\": %s", sources[i], why);
    }
    SDL_LockMutex(a->lock);
    playlist_free(&a->tracks);
    a->tracks = list;
    a->next_track = 0;
    a->failures = 0;
    snprintf(a->fallback, sizeof a->fallback, "%s", fallback ? fallback : "");
    SDL_UnlockMutex(a->lock);
    return list.count;
}

void audio_music_mode(audio_t *a, music_mode_t mode, int fade_ms)
{
    if (!a || mode == MUSIC_CONTINUE)
        return;
    float target = mode == MUSIC_PLAY ? 1.0f : mode == MUSIC_SOFT ? ramp_db(SOFT_DB) : 0.0f;
    SDL_LockMutex(a->lock);
    a->fade_ms = fade_ms;
    if (target > 0.0f)
        a->started = true;
    ramp_to(&a->mode, target, FRAMES(fade_ms));
    SDL_UnlockMutex(a->lock);
}

void audio_play_track(audio_t *a, const char *path, int fade_ms)
{
    if (!a || !path)
        return;
    SDL_LockMutex(a->lock);
    snprintf(a->request, sizeof a->request, "%s", path);
    a->request_fade_ms = fade_ms;
    a->started = true;
    SDL_UnlockMutex(a->lock);
}

void audio_pause(audio_t *a, bool paused)
{
    if (!a)
        return;
    SDL_LockMutex(a->lock);
    ramp_to(&a->pause, paused ? 0.0f : 1.0f, FRAMES(PAUSE_FADE_MS));
    SDL_UnlockMutex(a->lock);
}

void audio_cue(audio_t *a, audio_cue_t cue)
{
    if (!a || !a->cues[cue])
        return;
    SDL_LockMutex(a->lock);
    ramp_to(&a->duck, ramp_db(DUCK_DB), FRAMES(DUCK_MS));
    int64_t len = a->cues[cue]->alen / (Uint32)(sizeof(float) * CHANNELS);
    a->duck_release = a->clock + len - FRAMES(DUCK_MS);
    SDL_UnlockMutex(a->lock);
    Mix_PlayChannel(-1, a->cues[cue], 0);
}
