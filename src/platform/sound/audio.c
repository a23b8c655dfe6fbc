/* The sound engine's front: opening the device (48 kHz float stereo, 1024-frame buffers: a
 * cue nobody could foresee, such as a key's, leaves within about 22 ms, inside the 30 ms a cue
 * may take, at half the wake-ups of 512), the calls the app makes, and the messages it polls. Each
 * call only changes a target under the lock; the audio thread (audiomix.c) moves towards it
 * and the decoder (audiodec.c) and loudness (audioscan.c) threads do the slow work. SDL_mixer
 * opens the device and runs the engine's mixer as its music hook. The top of the sound room:
 * it starts the threads; nothing in the room calls it. */
#include "platform/sound/audio.h"

#include <SDL_mixer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"
#include "platform/sound/audiodec.h"
#include "platform/sound/audioeng.h"
#include "platform/sound/audiolist.h"
#include "platform/sound/audiomix.h"
#include "platform/sound/audioscan.h"
#include "platform/sys/paths.h"

#define DEVICE_FRAMES 1024           /* 21.3 ms at 48 kHz */
#define CLOSE_FADE_MS 250            /* closing never cuts a sound off: it fades first */
#define CUE_MAX_FRAMES FRAMES(10000) /* a cue sound is cut after 10 s */
#define CUE_BLOCK 1024

static bool take_message(audio_t *a, messages_t *q, char *buf, size_t size)
{
    if (!a)
        return false;
    SDL_LockMutex(a->lock);
    bool any = q->count > 0;
    if (any) {
        snprintf(buf, size, "%s", q->text[q->head]);
        q->head = (q->head + 1) % MAX_MESSAGES;
        q->count--;
    } else if (q->dropped > 0) {
        snprintf(buf, size,
                 q == &a->warnings
                     /* TRANSLATORS: on the terminal, after a burst of warnings about the music:
                        how many more were left out */
                     ? P_("(%d more message)", "(%d more messages)", q->dropped)
                     : "(%d more messages)", /* (--timing's lines are for machines: never translated) */
                 q->dropped);
        q->dropped = 0;
        any = true;
    }
    SDL_UnlockMutex(a->lock);
    return any;
}

bool audio_poll_warning(audio_t *a, char *buf, size_t size)
{
    return a && take_message(a, &a->warnings, buf, size);
}

bool audio_poll_timing(audio_t *a, char *buf, size_t size)
{
    return a && take_message(a, &a->timings, buf, size);
}

/* Decodes a cue sound whole into 16-bit stereo at the device's rate (the cue files are
 * 16-bit: nothing is lost). Returns the frames (the data, which the caller frees, in *out),
 * or -1 with the reason in why. */
static int64_t load_cue(const char *path, int16_t **out, char *why, size_t whysize)
{
    trackread_t *r = trackread_open(path, why, whysize);
    if (!r)
        return -1;
    int64_t cap = trackread_length(r); /* a header's length can be a few frames short */
    cap = cap > 0 && cap < CUE_MAX_FRAMES - RATE / 10 ? cap + RATE / 10 : CUE_MAX_FRAMES;
    int16_t *data = malloc(sizeof(int16_t) * 2 * (size_t)cap);
    float block[2 * CUE_BLOCK];
    int64_t got = 0;
    int n = 0;
    while (data && got < cap && (n = trackread_read(r, block, (int)(cap - got < CUE_BLOCK ? cap - got : CUE_BLOCK))) > 0) {
        audioeng_to_s16(block, data + got * 2, 2 * n);
        got += n;
    }
    snprintf(why, whysize, "%s",
             !data ? _("out of memory") : trackread_error(r)[0] ? trackread_error(r) : TRACKREAD_NO_SOUND);
    trackread_close(r);
    if (got == 0 || n < 0) {
        free(data);
        return -1;
    }
    int16_t *fit = realloc(data, sizeof(int16_t) * 2 * (size_t)got);
    *out = fit ? fit : data;
    return got;
}

static void load_cues(audio_t *a, const char *dir)
{
    static const char *const names[] = { "chime.wav", "ending-soon.wav", "end.wav" };
    _Static_assert(sizeof names / sizeof *names == AUDIO_CUE_COUNT, "a file for each cue");
    for (int i = 0; i < AUDIO_CUE_COUNT; i++) {
        char path[4096], why[200];
        paths_join(path, sizeof path, dir, names[i]);
        int64_t frames = load_cue(path, &a->cue_data[i], why, sizeof why);
        if (frames < 0)
            /* TRANSLATORS: a warning: a chime's sound file cannot be read; the first %s is the
               file (keep the straight double quotes around it: the screen picks the file's name
               from between them), the second %s says why */
            audioeng_message(&a->warnings, _("Cannot load the cue sound \"%s\": %s"), path, why);
        else
            a->mix.sound[i] = (mix_sound_t){ a->cue_data[i], frames };
    }
}

/* Ties the performance counter to SDL_GetTicks64 at a tick boundary (waits < 1 ms). */
static void start_clock(audio_t *a)
{
    Uint64 t = SDL_GetTicks64();
    while (SDL_GetTicks64() == t)
        ;
    a->pc0 = SDL_GetPerformanceCounter();
    a->t0_ms = (int64_t)SDL_GetTicks64();
}

static audio_t *engine_new(void)
{
    audio_t *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->lock = SDL_CreateMutex();
    a->wake_decoder = SDL_CreateCond();
    a->wake_scanner = SDL_CreateCond();
    a->wake_lister = SDL_CreateCond();
    bool ok = audiocache_open(&a->cache) && a->lock && a->wake_decoder && a->wake_scanner && a->wake_lister;
    for (int i = 0; i < MIX_VOICES && ok; i++)
        ok = (a->ring[i] = malloc(sizeof(int16_t) * 2 * MIX_RING_FRAMES)) != NULL;
    tracklist_init(&a->list);
    mix_init(&a->mix, a->ring, &a->list);
    start_clock(a);
    if (!ok) {
        audio_close(a);
        return NULL;
    }
    return a;
}

audio_t *audio_open(const char *sounds_dir, char *err, size_t errsize)
{
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        /* TRANSLATORS: %s is SDL's reason; "the session runs with visual cues only" follows */
        snprintf(err, errsize, _("no audio: %s"), SDL_GetError());
        return NULL;
    }
    audio_t *a = engine_new();
    if (!a) {
        /* TRANSLATORS: "the session runs with visual cues only" follows */
        snprintf(err, errsize, "%s", _("no audio: out of memory"));
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return NULL;
    }
    load_cues(a, sounds_dir); /* before the mixer can ask for them */
    /* exactly this format (SDL converts for a device that differs); hooked before the device
     * starts, so the mixer's frame count is the device's */
    Mix_HookMusic(audiomix_callback, a);
    if (Mix_OpenAudioDevice(RATE, AUDIO_F32SYS, 2, DEVICE_FRAMES, NULL, 0) != 0) {
        /* TRANSLATORS: %s is SDL_mixer's reason; "the session runs with visual cues only" follows */
        snprintf(err, errsize, _("no audio device: %s"), Mix_GetError());
        Mix_HookMusic(NULL, NULL);
        audio_close(a);
        return NULL;
    }
    a->device_open = true;
    a->decoder = SDL_CreateThread(audiodec_main, "safebase-decoder", a);
    a->scanner = SDL_CreateThread(audioscan_main, "safebase-loudness", a);
    a->lister = SDL_CreateThread(audiolist_main, "safebase-lister", a);
    if (!a->decoder || !a->scanner)
        /* TRANSLATORS: a warning: the music's threads cannot start; %s is SDL's reason */
        audioeng_message(&a->warnings, _("No music: %s"), SDL_GetError());
    return a;
}

/* Fades the whole output out quickly and waits for it, when anything is sounding. */
static void fade_out_all(audio_t *a)
{
    SDL_LockMutex(a->lock);
    bool sounding = mix_fade_out(&a->mix, CLOSE_FADE_MS);
    SDL_UnlockMutex(a->lock);
    for (int waited = 0; sounding && waited < 4 * CLOSE_FADE_MS; waited += 10) {
        SDL_LockMutex(a->lock);
        bool done = ramp_settled(&a->mix.out);
        SDL_UnlockMutex(a->lock);
        if (done)
            break;
        SDL_Delay(10);
    }
}

void audio_close(audio_t *a)
{
    if (!a)
        return;
    SDL_AtomicSet(&a->quit, 1);
    if (a->lock) {
        SDL_LockMutex(a->lock);
        SDL_CondSignal(a->wake_decoder);
        SDL_CondSignal(a->wake_scanner);
        SDL_CondSignal(a->wake_lister);
        SDL_UnlockMutex(a->lock);
    }
    if (a->lister)
        SDL_WaitThread(a->lister, NULL);
    if (a->decoder)
        SDL_WaitThread(a->decoder, NULL);
    if (a->scanner)
        SDL_WaitThread(a->scanner, NULL);
    if (a->device_open) {
        fade_out_all(a);
        Mix_HookMusic(NULL, NULL); /* waits for a running callback to finish */
        if (a->timing)
            fprintf(stderr, "safebase: timing: audio closed frames=%lld\n", (long long)a->mix.clock);
        Mix_CloseAudio();
    }
    for (int i = 0; i < AUDIO_CUE_COUNT; i++)
        free(a->cue_data[i]);
    for (int i = 0; i < MIX_VOICES; i++) {
        trackread_close(a->file[i].reader);
        free(a->ring[i]);
    }
    audiolist_drop_all(a);
    tracklist_free(&a->list);
    audiocache_close(&a->cache);
    if (a->wake_decoder)
        SDL_DestroyCond(a->wake_decoder);
    if (a->wake_scanner)
        SDL_DestroyCond(a->wake_scanner);
    if (a->wake_lister)
        SDL_DestroyCond(a->wake_lister);
    if (a->lock)
        SDL_DestroyMutex(a->lock);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(a);
}

void audio_configure(audio_t *a, int volume_percent, double target_lufs, bool timing)
{
    if (!a)
        return;
    SDL_LockMutex(a->lock);
    mix_configure(&a->mix, volume_percent, target_lufs);
    a->timing = timing;
    SDL_UnlockMutex(a->lock);
}

void audio_set_music(audio_t *a, const char *const *sources, int count, const char *fallback,
                     bool shuffle)
{
    if (a)
        audiolist_queue(a, LIST_LOOP, sources, count, fallback, shuffle, 0);
}

void audio_prepare(audio_t *a, const char *source)
{
    if (a && source)
        audiolist_queue(a, LIST_PREPARE, &source, 1, NULL, false, 0);
}

static const char *mode_name(music_mode_t m)
{
    switch (m) {
    case MUSIC_PLAY: return "play";
    case MUSIC_SOFT: return "soft";
    case MUSIC_SILENCE: return "silence";
    default: return "continue";
    }
}

void audio_music_mode(audio_t *a, music_mode_t mode, int fade_ms)
{
    if (!a || mode == MUSIC_CONTINUE)
        return;
    SDL_LockMutex(a->lock);
    fade_ms = mix_music_mode(&a->mix, mode, fade_ms);
    if (a->timing) /* it takes effect at the start of the next callback: frame mix.clock */
        audioeng_message(&a->timings, "music %s fade=%d asked=%.1f frame=%lld", mode_name(mode), fade_ms,
                         audioeng_now_ms(a), (long long)a->mix.clock);
    SDL_CondSignal(a->wake_decoder);
    SDL_UnlockMutex(a->lock);
}

void audio_play_track(audio_t *a, const char *source, int fade_ms)
{
    if (a && source)
        audiolist_queue(a, LIST_ONCE, &source, 1, NULL, false,
                        FRAMES(fade_ms < MIX_MIN_FADE_MS ? MIX_MIN_FADE_MS : fade_ms));
}

void audio_pause(audio_t *a, bool paused)
{
    if (!a)
        return;
    SDL_LockMutex(a->lock);
    mix_pause(&a->mix, paused);
    if (a->timing)
        audioeng_message(&a->timings, "%s asked=%.1f frame=%lld", paused ? "pause" : "resume",
                         audioeng_now_ms(a), (long long)a->mix.clock);
    SDL_UnlockMutex(a->lock);
}

void audio_cue(audio_t *a, audio_cue_t cue, int64_t moment_ms)
{
    if (!a || cue < 0 || cue >= AUDIO_CUE_COUNT)
        return;
    SDL_LockMutex(a->lock);
    mix_cue(&a->mix, (int)cue, moment_ms, audioeng_now_ms(a));
    SDL_UnlockMutex(a->lock);
}

void audio_schedule(audio_t *a, const audio_timed_cue_t *cues, int n)
{
    if (!a)
        return;
    SDL_LockMutex(a->lock);
    mix_schedule_clear(&a->mix);
    for (int i = 0; i < n && i < MIX_CUE_VOICES; i++)
        if (cues[i].cue >= 0 && cues[i].cue < AUDIO_CUE_COUNT)
            mix_schedule_add(&a->mix, (int)cues[i].cue, cues[i].moment_ms);
    SDL_UnlockMutex(a->lock);
}

bool audio_wait_running(audio_t *a, int timeout_ms)
{
    if (!a || !a->device_open)
        return false;
    SDL_cond *running = SDL_CreateCond(); /* (without one it looks every millisecond) */
    double from = audioeng_now_ms(a), until = from + (timeout_ms > 0 ? timeout_ms : 0);
    SDL_LockMutex(a->lock);
    a->running = running;
    bool ran = a->buffers >= 2;
    for (double now = from; !ran && now < until; now = audioeng_now_ms(a)) {
        Uint32 ms = (Uint32)(until - now) + 1;
        if (running) {
            SDL_CondWaitTimeout(running, a->lock, ms);
        } else {
            SDL_UnlockMutex(a->lock);
            SDL_Delay(1);
            SDL_LockMutex(a->lock);
        }
        ran = a->buffers >= 2;
    }
    a->running = NULL;
    if (a->timing)
        audioeng_message(&a->timings, "device %s buffers=%lld first=%.1f second=%.1f waited=%.1f",
                         ran ? "running" : "not-running", (long long)a->buffers,
                         a->buffers > 0 ? a->buffer_at[0] : -1.0, a->buffers > 1 ? a->buffer_at[1] : -1.0,
                         audioeng_now_ms(a) - from);
    SDL_UnlockMutex(a->lock);
    if (running)
        SDL_DestroyCond(running);
    return ran;
}
