/* Reads a music file block by block: libsndfile decodes into a small buffer, more than two
 * channels are folded down to two, and an SDL_AudioStream converts to 48 kHz stereo float.
 * Checks the file with stat() first so a missing, unreadable or empty file gets a clear
 * reason rather than libsndfile's generic one. */
#include "platform/sound/trackread.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BLOCK 2048           /* input frames decoded at a time */
#define MAX_CHANNELS 64

struct trackread {
    SNDFILE *sf;
    SF_INFO info;
    SDL_AudioStream *stream;
    float *in;               /* BLOCK * channels */
    float *folded;           /* BLOCK * 2, for files with more than two channels */
    bool flushed;            /* the file is read to its end and the stream flushed */
    char error[160];
};

/* Checks the file itself; returns an open descriptor or -1 with a reason. */
static int open_checked(const char *path, char *why, size_t whysize)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(why, whysize, "%s", errno == ENOENT ? "the file is missing" : strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(why, whysize, "it is a folder, not a sound file");
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, whysize, "it is not a regular file");
        return -1;
    }
    if (st.st_size == 0) {
        snprintf(why, whysize, "the file is empty");
        return -1;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        snprintf(why, whysize, "%s", errno == EACCES ? "Safe Base may not read it (permission denied)"
                                                      : strerror(errno));
    return fd;
}

static const char *sf_reason(int code)
{
    switch (code) {
    case SF_ERR_MALFORMED_FILE: return "the file is damaged";
    case SF_ERR_UNSUPPORTED_ENCODING: return "its kind of sound encoding is not supported";
    default: return "it is not a sound file Safe Base can play";
    }
}

trackread_t *trackread_open(const char *path, char *why, size_t whysize)
{
    int fd = open_checked(path, why, whysize);
    if (fd < 0)
        return NULL;
    trackread_t *t = calloc(1, sizeof *t);
    if (!t) {
        close(fd);
        snprintf(why, whysize, "out of memory");
        return NULL;
    }
    t->sf = sf_open_fd(fd, SFM_READ, &t->info, SF_TRUE);
    if (!t->sf) {
        snprintf(why, whysize, "%s", sf_reason(sf_error(NULL)));
        free(t);
        return NULL;
    }
    int ch = t->info.channels;
    if (ch < 1 || ch > MAX_CHANNELS || t->info.samplerate < 1000 || t->info.samplerate > 768000) {
        snprintf(why, whysize, "its channels or sample rate are not supported");
        trackread_close(t);
        return NULL;
    }
    t->in = malloc(sizeof(float) * BLOCK * (size_t)ch);
    t->folded = ch > 2 ? malloc(sizeof(float) * BLOCK * 2) : NULL;
    t->stream = SDL_NewAudioStream(AUDIO_F32SYS, (Uint8)(ch > 2 ? 2 : ch), t->info.samplerate,
                                   AUDIO_F32SYS, 2, TRACKREAD_RATE);
    if (!t->in || (ch > 2 && !t->folded) || !t->stream) {
        snprintf(why, whysize, "cannot convert it: %s", t->stream ? "out of memory" : SDL_GetError());
        trackread_close(t);
        return NULL;
    }
    return t;
}

/* Folds n frames of ch > 2 channels to stereo: front left and right, the rest shared
 * between them at half level (a plain, safe downmix). */
static void fold(const float *in, float *out, int n, int ch)
{
    for (int f = 0; f < n; f++) {
        const float *x = in + (size_t)f * (size_t)ch;
        float rest = 0.0f;
        for (int c = 2; c < ch; c++)
            rest += x[c];
        rest *= 0.5f / (float)(ch - 2);
        out[f * 2] = 0.5f * x[0] + rest;
        out[f * 2 + 1] = 0.5f * x[1] + rest;
    }
}

/* Decodes one block into the stream. Returns false at the end of the file or on damage. */
static bool decode_block(trackread_t *t)
{
    sf_count_t got = sf_readf_float(t->sf, t->in, BLOCK);
    if (got <= 0) {
        if (sf_error(t->sf) != SF_ERR_NO_ERROR)
            snprintf(t->error, sizeof t->error, "the file is damaged (%s)", sf_strerror(t->sf));
        return false;
    }
    int ch = t->info.channels;
    const float *src = t->in;
    if (ch > 2) {
        fold(t->in, t->folded, (int)got, ch);
        src = t->folded;
        ch = 2;
    }
    if (SDL_AudioStreamPut(t->stream, src, (int)(got * ch * (sf_count_t)sizeof(float))) != 0) {
        snprintf(t->error, sizeof t->error, "cannot convert it: %s", SDL_GetError());
        return false;
    }
    return true;
}

int trackread_read(trackread_t *t, float *out, int max)
{
    int want = max * 2 * (int)sizeof(float);
    while (!t->flushed && SDL_AudioStreamAvailable(t->stream) < want) {
        if (!decode_block(t)) {
            SDL_AudioStreamFlush(t->stream);
            t->flushed = true;
        }
    }
    int bytes = SDL_AudioStreamGet(t->stream, out, want);
    if (bytes < 0) {
        snprintf(t->error, sizeof t->error, "cannot convert it: %s", SDL_GetError());
        return -1;
    }
    if (bytes == 0 && t->error[0])
        return -1;
    return bytes / (2 * (int)sizeof(float));
}

int64_t trackread_length(const trackread_t *t)
{
    if (t->info.frames <= 0 || t->info.frames > INT64_MAX / TRACKREAD_RATE)
        return 0;
    return (int64_t)t->info.frames * TRACKREAD_RATE / t->info.samplerate;
}

const char *trackread_error(const trackread_t *t)
{
    return t->error;
}

void trackread_close(trackread_t *t)
{
    if (!t)
        return;
    if (t->sf)
        sf_close(t->sf);
    if (t->stream)
        SDL_FreeAudioStream(t->stream);
    free(t->in);
    free(t->folded);
    free(t);
}
