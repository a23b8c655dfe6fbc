/* The audio thread: SDL_mixer's music hook. It renders each device buffer with core/sound/mix
 * under the engine's lock (for the few microseconds that takes) and reports the mixer's events;
 * it never touches a file, and calls nothing in the sound room but the engine's helpers. */
#include "platform/sound/audiomix.h"

#include "platform/sound/audioeng.h"

/* Counts the buffers rendered (the first two with their moments) and wakes whoever waits for
 * the device to run (audio_wait_running). Lock held. */
static void count_buffer(audio_t *a, double now_ms)
{
    if (a->buffers < 2)
        a->buffer_at[a->buffers] = now_ms;
    a->buffers++;
    if (a->running)
        SDL_CondSignal(a->running);
}

void audiomix_callback(void *udata, Uint8 *stream, int len)
{
    audio_t *a = udata;
    float *out = (float *)stream;
    int frames = len / (int)(2 * sizeof(float));
    int whole = frames * (int)(2 * sizeof(float));
    if (len > whole) /* (never with the format asked for: a stray tail stays silent) */
        SDL_memset(stream + whole, 0, (size_t)(len - whole));
    double now_ms = audioeng_now_ms(a);
    SDL_LockMutex(a->lock);
    bool freed = mix_render(&a->mix, out, frames, now_ms);
    audioeng_report(a);
    count_buffer(a, now_ms);
    SDL_UnlockMutex(a->lock);
    if (freed)
        SDL_CondSignal(a->wake_decoder);
}
