/* The audio thread's entry: the mixer callback SDL_mixer runs as its music hook (audio.c
 * installs it with the engine as udata). It never blocks on a file or on another thread's I/O. */
#ifndef SAFEBASE_PLATFORM_AUDIOMIX_H
#define SAFEBASE_PLATFORM_AUDIOMIX_H

#include <SDL.h>

/* Mixes len bytes of 48 kHz float stereo into stream; udata is the audio_t. */
void audiomix_callback(void *udata, Uint8 *stream, int len);

#endif
