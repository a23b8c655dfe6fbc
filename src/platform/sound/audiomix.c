/* The audio thread: SDL_mixer's music hook. It renders each device buffer with core/sound/mix
 * under the engine's lock (for the few microseconds that takes) and reports the mixer's events;
 * it never touches a file, and calls nothing in the sound room but the engine's helpers. */
#include "platform/sound/audiomix.h"

#include "platform/sound/audioeng.h"

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
    SDL_UnlockMutex(a->lock);
    if (freed)
        SDL_CondSignal(a->wake_decoder);
}
