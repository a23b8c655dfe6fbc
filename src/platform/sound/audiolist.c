/* The lister thread: expands each queued job's sources (folders walked, playlists read: slow
 * on a big library or a cold disk) with the lock released, then puts the result in place under
 * the lock in one short step. It calls only the engine's helpers and musicdir below it, never
 * the front (audio.c) or the other threads; it never decodes audio. */
#include "platform/sound/audiolist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/translate.h"
#include "platform/sound/musicdir.h"

#define PREPARE_TRACKS 2 /* of a phase's own music, measured ahead: what plays first */

static void job_free(listjob_t *j)
{
    if (!j)
        return;
    for (int i = 0; i < j->count; i++)
        free(j->sources[i]);
    free(j->sources);
    free(j->fallback);
    free(j);
}

static listjob_t *job_new(listjob_kind_t kind, const char *const *sources, int count,
                          const char *fallback, bool shuffle, int64_t fade_frames)
{
    listjob_t *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    *j = (listjob_t){ .kind = kind, .shuffle = shuffle, .fade_frames = fade_frames };
    j->sources = count > 0 ? calloc((size_t)count, sizeof *j->sources) : NULL;
    bool ok = count <= 0 || j->sources;
    for (int i = 0; ok && i < count; i++, j->count++)
        ok = (j->sources[i] = strdup(sources[i] ? sources[i] : "")) != NULL;
    if (ok && fallback)
        ok = (j->fallback = strdup(fallback)) != NULL;
    if (!ok) {
        job_free(j);
        return NULL;
    }
    return j;
}

/* Expands the job's sources into list, warning (once each) about those that give nothing. */
static void expand(audio_t *a, const listjob_t *j, playlist_t *list)
{
    unsigned seed = (unsigned)SDL_GetPerformanceCounter();
    for (int i = 0; i < j->count; i++) {
        char why[512];
        /* a failure, or a note on what was left out (web addresses in a playlist...) */
        if (!musicdir_expand_ex(list, j->sources[i], j->shuffle, seed, NULL, why, sizeof why) || why[0]) {
            SDL_LockMutex(a->lock);
            /* TRANSLATORS: a music source given (%1$s: a file, folder or playlist) and what is
               wrong with it or was left out of it */
            audioeng_message(&a->warnings, _("Music \"%s\": %s"), j->sources[i], why);
            SDL_UnlockMutex(a->lock);
        }
    }
}

/* The new session music in place of the old. Takes and releases the lock. */
static void apply_loop(audio_t *a, const listjob_t *j, const playlist_t *list)
{
    tracklist_t fresh;
    tracklist_init(&fresh);
    bool ok = tracklist_set_loop(&fresh, list);
    if (j->fallback)
        fresh.fallback = tracklist_intern(&fresh, j->fallback);
    SDL_LockMutex(a->lock);
    if (!ok)
        audioeng_message(&a->warnings, _("No music: %s"), _("out of memory"));
    tracklist_t old = a->list;
    a->list = fresh;
    a->gen++;
    a->exhausted = a->fell_back = a->switch_pending = false;
    mix_retire(&a->mix);
    a->loops_queued--;
    SDL_CondSignal(a->wake_decoder);
    SDL_CondSignal(a->wake_scanner);
    SDL_UnlockMutex(a->lock);
    tracklist_free(&old);
}

/* True when source is already what plays (or is about to), and has hardly been heard: asking
 * again (the session's first phase, whose track was made ready in advance) changes nothing.
 * Lock held. */
static bool already_playing(const audio_t *a, const char *source)
{
    if (a->switch_pending && strcmp(a->switch_source, source) == 0)
        return true;
    for (int i = 0; i < MIX_VOICES; i++) {
        const mix_voice_t *v = &a->mix.voice[i];
        if ((v->state == MIX_VOICE_LOADING || (v->state == MIX_VOICE_ACTIVE && v->leading)) &&
            strcmp(a->file[i].source, source) == 0 && v->rd < FRAMES(250))
            return true;
    }
    return false;
}

/* A phase's own music: crossfaded to, played through once. Takes and releases the lock. */
static void apply_once(audio_t *a, const listjob_t *j, const playlist_t *list)
{
    const char *source = j->count > 0 ? j->sources[0] : "";
    SDL_LockMutex(a->lock);
    if (list->count > 0 && !already_playing(a, source)) {
        if (!tracklist_set_once(&a->list, list))
            audioeng_message(&a->warnings, _("Music \"%s\": %s"), source, _("out of memory"));
        a->switch_pending = true;
        a->switch_fade = j->fade_frames;
        snprintf(a->switch_source, sizeof a->switch_source, "%s", source);
        a->exhausted = false;
        SDL_CondSignal(a->wake_decoder);
        SDL_CondSignal(a->wake_scanner);
    }
    SDL_UnlockMutex(a->lock);
}

/* A phase's own music, measured ahead: only its first tracks, never a whole folder. */
static void apply_prepare(audio_t *a, const playlist_t *list)
{
    SDL_LockMutex(a->lock);
    for (int i = 0; i < list->count && i < PREPARE_TRACKS; i++) {
        int t = tracklist_intern(&a->list, list->paths[i]);
        if (t >= 0)
            a->list.tracks[t].soon = true;
    }
    SDL_CondSignal(a->wake_scanner);
    SDL_UnlockMutex(a->lock);
}

static void run_job(audio_t *a, const listjob_t *j)
{
    playlist_t list = { 0 };
    expand(a, j, &list);
    switch (j->kind) {
    case LIST_LOOP: apply_loop(a, j, &list); break;
    case LIST_ONCE: apply_once(a, j, &list); break;
    case LIST_PREPARE: apply_prepare(a, &list); break;
    }
    playlist_free(&list);
}

bool audiolist_queue(audio_t *a, listjob_kind_t kind, const char *const *sources, int count,
                     const char *fallback, bool shuffle, int64_t fade_frames)
{
    listjob_t *j = job_new(kind, sources, count, fallback, shuffle, fade_frames);
    SDL_LockMutex(a->lock);
    if (!j) {
        audioeng_message(&a->warnings, _("No music: %s"), _("out of memory"));
        SDL_UnlockMutex(a->lock);
        return false;
    }
    if (kind == LIST_LOOP) { /* the old music fades out now, whatever the new list holds */
        a->loops_queued++;
        a->gen++;
        a->exhausted = a->fell_back = a->switch_pending = false;
        mix_retire(&a->mix);
        SDL_CondSignal(a->wake_decoder);
    }
    if (!a->lister) { /* no thread could be made: the caller waits for it instead */
        SDL_UnlockMutex(a->lock);
        run_job(a, j);
        job_free(j);
        return true;
    }
    listjob_t **tail = &a->jobs;
    while (*tail)
        tail = &(*tail)->next;
    *tail = j;
    SDL_CondSignal(a->wake_lister);
    SDL_UnlockMutex(a->lock);
    return true;
}

int audiolist_main(void *arg)
{
    audio_t *a = arg;
    SDL_LockMutex(a->lock);
    while (!SDL_AtomicGet(&a->quit)) {
        listjob_t *j = a->jobs;
        if (!j) {
            SDL_CondWaitTimeout(a->wake_lister, a->lock, 1000);
            continue;
        }
        a->jobs = j->next;
        SDL_UnlockMutex(a->lock);
        run_job(a, j);
        job_free(j);
        SDL_LockMutex(a->lock);
    }
    SDL_UnlockMutex(a->lock);
    return 0;
}

void audiolist_drop_all(audio_t *a)
{
    while (a->jobs) {
        listjob_t *j = a->jobs;
        a->jobs = j->next;
        job_free(j);
    }
}
