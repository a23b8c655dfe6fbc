/* Reads a music file block by block with FFmpeg: libavformat reads the container from a file
 * descriptor we opened ourselves (never a URL: no protocol, no other file, nothing online),
 * libavcodec decodes the best audio stream, libswresample folds it to stereo float at 48 kHz (or
 * the file's own rate). Checks the file with stat() first for a clear reason. Holds no global
 * state but the one-time silencing of FFmpeg's log, and never prints. */
#include "platform/sound/trackread.h"

#include <errno.h>
#include <fcntl.h>
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswresample/swresample.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/base/translate.h"
#include "platform/sys/osfile.h"

#define IO_BUFFER 32768      /* the container is read this much at a time */
#define MAX_CHANNELS 64
#define MAX_BAD_PACKETS 64   /* this many packets in a row that do not decode: the file is damaged */
#define INDEX_BYTES 65536    /* we never seek: the demuxers' generic index needs little room */
#define PROBE_BYTES 4096     /* what is probed again once the header is read */

struct trackread {
    int fd;
    AVIOContext *io;
    AVFormatContext *fmt;
    AVCodecContext *dec;
    AVPacket *pkt;
    AVFrame *frame;
    SwrContext *swr;
    int stream;
    int rate;                /* the rate delivered: TRACKREAD_RATE or the file's own */
    int in_rate, in_format, in_channels; /* what swr was set up for */
    int64_t length;          /* 48 kHz frames, 0 = unknown */
    float *buf;              /* converted frames (stereo) not yet handed out */
    int buf_cap, have, pos;  /* its size, its frames, the next one to hand out */
    int bad;                 /* packets in a row that did not decode */
    bool held;               /* t->frame waits for a new converter */
    bool done;               /* decoder and resampler emptied */
    char error[320];
};

/* The containers Safe Base opens (FFmpeg's demuxer names). A Windows build configures FFmpeg
 * with just these demuxers and their decoders. */
static const char *const formats[] = {
    "wav", "w64", "aiff", "flac", "ogg", "mp3", "mov,mp4,m4a,3gp,3g2,mj2", "asf",
    "matroska,webm", "caf", "ape", "wv", "aac", "au",
};

static pthread_once_t quiet_once = PTHREAD_ONCE_INIT;

static void quiet(void)
{
    av_log_set_level(AV_LOG_QUIET);
}

/* Reasons said in more than one place, in the user's language. */
static const char *not_playable(void)
{
    /* TRANSLATORS: why a music file cannot play: not a kind of file Safe Base knows */
    return _("it is not a sound file Safe Base can play");
}

static const char *damaged_sound(void)
{
    /* TRANSLATORS: why a music file stops playing */
    return _("the file is damaged (its sound cannot be decoded)");
}

const char *trackread_no_sound(void)
{
    /* TRANSLATORS: why a music file cannot play: it opened, but no sound came out */
    return _("no sound could be read from it (the file seems damaged)");
}

/* Checks the file itself; returns an open descriptor or -1 with a reason. */
static int open_checked(const char *path, char *why, size_t whysize)
{
    osfile_stat_t st;
    if (osfile_stat(path, &st) != 0) {
        /* TRANSLATORS: why a music file cannot play (said after "Skipping music \"NAME\": " and the like) */
        snprintf(why, whysize, "%s", errno == ENOENT ? _("the file is missing") : strerror(errno));
        return -1;
    }
    if (st.kind == OSFILE_FOLDER) {
        /* TRANSLATORS: why a music file cannot play */
        snprintf(why, whysize, "%s", _("it is a folder, not a sound file"));
        return -1;
    }
    if (st.kind != OSFILE_REGULAR) {
        /* TRANSLATORS: why a music file cannot play (a device, a pipe...) */
        snprintf(why, whysize, "%s", _("it is not a regular file"));
        return -1;
    }
    if (st.size == 0) {
        /* TRANSLATORS: why a music file cannot play */
        snprintf(why, whysize, "%s", _("the file is empty"));
        return -1;
    }
    int fd = osfile_open(path, O_RDONLY, 0);
    if (fd < 0)
        /* TRANSLATORS: why a music file cannot play */
        snprintf(why, whysize, "%s", errno == EACCES ? _("Safe Base may not read it (permission denied)")
                                                      : strerror(errno));
    return fd;
}

static int io_read(void *opaque, uint8_t *buf, int size)
{
    const trackread_t *t = opaque;
    ssize_t n;
    do
        n = read(t->fd, buf, (size_t)size);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return AVERROR(errno);
    return n == 0 ? AVERROR_EOF : (int)n;
}

static int64_t io_seek(void *opaque, int64_t offset, int whence)
{
    const trackread_t *t = opaque;
    if (whence & AVSEEK_SIZE) {
        osfile_stat_t st;
        return osfile_fstat(t->fd, &st) == 0 ? st.size : AVERROR(errno);
    }
    off_t at = lseek(t->fd, (off_t)offset, whence & ~AVSEEK_FORCE);
    return at < 0 ? AVERROR(errno) : (int64_t)at;
}

/* A container may name other files or addresses (references, playlists): none is opened. */
static int io_refuse(AVFormatContext *s, AVIOContext **pb, const char *url, int flags, AVDictionary **options)
{
    (void)s, (void)pb, (void)url, (void)flags, (void)options;
    return AVERROR(EPERM);
}

static bool allowed(const AVInputFormat *f)
{
    for (size_t i = 0; f && i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(f->name, formats[i]) == 0)
            return true;
    return false;
}

/* The reason for an FFmpeg error met while opening a file FFmpeg recognised. */
static void damaged(char *why, size_t whysize, int err)
{
    if (err == AVERROR_EOF) {
        /* TRANSLATORS: why a music file cannot play */
        snprintf(why, whysize, "%s", _("the file is damaged (it ends too soon)"));
    } else if (err == AVERROR_INVALIDDATA) {
        /* TRANSLATORS: why a music file cannot play */
        snprintf(why, whysize, "%s", _("the file is damaged (its contents make no sense)"));
    } else {
        char text[AV_ERROR_MAX_STRING_SIZE];
        av_strerror(err, text, sizeof text);
        /* TRANSLATORS: why a music file cannot play; %s is FFmpeg's reason (in English) */
        snprintf(why, whysize, _("the file is damaged (%s)"), text);
    }
}

/* Picks the best audio stream of the open container. Returns false with a reason. */
static bool choose_stream(trackread_t *t, char *why, size_t whysize)
{
    /* most containers give the rate, channels and length in their header; some (FLAC, MP3,
     * raw AAC) only tell by reading on, which find_stream_info does (other streams, such as
     * cover art, are left out of it) */
    int err;
    bool known = true;
    for (unsigned i = 0; i < t->fmt->nb_streams; i++) {
        AVStream *st = t->fmt->streams[i];
        const AVCodecParameters *p = st->codecpar;
        bool audio = p->codec_type == AVMEDIA_TYPE_AUDIO;
        st->discard = audio ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
        if (audio && (p->sample_rate <= 0 || p->ch_layout.nb_channels <= 0 || st->duration == AV_NOPTS_VALUE))
            known = false;
    }
    if (!known && (err = avformat_find_stream_info(t->fmt, NULL)) < 0) {
        damaged(why, whysize, err);
        return false;
    }
    const AVCodec *codec = NULL;
    t->stream = av_find_best_stream(t->fmt, AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0);
    if (t->stream < 0) {
        snprintf(why, whysize, "%s",
                 t->stream == AVERROR_DECODER_NOT_FOUND
                     /* TRANSLATORS: why a music file cannot play (its codec is unknown) */
                     ? _("its kind of sound encoding is not supported")
                     : not_playable());
        return false;
    }
    for (unsigned i = 0; i < t->fmt->nb_streams; i++) { /* only the chosen stream is read */
        AVStream *st = t->fmt->streams[i];
        st->discard = (int)i == t->stream ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
        av_packet_unref(&st->attached_pic); /* cover art, read with the header: megabytes */
    }
    /* a WAV's 16-bit PCM is probed once more for DTS or AC-3 in disguise: over its first
     * 4 KiB only, not over 128 KiB at each doubling (20 ms of a busy machine at every track) */
    t->fmt->probesize = PROBE_BYTES;
    return true;
}

/* Opens the container and finds its sound. Returns false with a reason. */
static bool open_container(trackread_t *t, const char *path, char *why, size_t whysize)
{
    unsigned char *iobuf = av_malloc(IO_BUFFER);
    t->io = iobuf ? avio_alloc_context(iobuf, IO_BUFFER, 0, t, io_read, NULL, io_seek) : NULL;
    t->fmt = avformat_alloc_context();
    if (!t->io || !t->fmt) {
        if (!t->io)
            av_free(iobuf);
        snprintf(why, whysize, "%s", _("out of memory"));
        return false;
    }
    const AVInputFormat *kind = NULL;
    int score = av_probe_input_buffer2(t->io, &kind, path, NULL, 0, 0);
    if (score < 0 || !allowed(kind)) {
        snprintf(why, whysize, "%s", not_playable());
        return false;
    }
    t->fmt->pb = t->io;
    t->fmt->flags |= AVFMT_FLAG_CUSTOM_IO;
    t->fmt->io_open = io_refuse;
    t->fmt->max_index_size = INDEX_BYTES;
    int err = avformat_open_input(&t->fmt, path, kind, NULL);
    if (err < 0) { /* t->fmt is freed and NULL */
        /* known by its contents, it is damaged; known only by its name, it is something else */
        if (score >= AVPROBE_SCORE_EXTENSION)
            damaged(why, whysize, err);
        else
            snprintf(why, whysize, "%s", not_playable());
        return false;
    }
    return choose_stream(t, why, whysize);
}

/* Opens the decoder of the chosen stream. Returns false with a reason. */
static bool open_decoder(trackread_t *t, char *why, size_t whysize)
{
    const AVStream *st = t->fmt->streams[t->stream];
    const AVCodecParameters *p = st->codecpar;
    const AVCodec *codec = avcodec_find_decoder(p->codec_id);
    int ch = p->ch_layout.nb_channels;
    if (ch < 1 || ch > MAX_CHANNELS || p->sample_rate < 1000 || p->sample_rate > 768000) {
        /* TRANSLATORS: why a music file cannot play */
        snprintf(why, whysize, "%s", _("its channels or sample rate are not supported"));
        return false;
    }
    t->dec = codec ? avcodec_alloc_context3(codec) : NULL;
    t->pkt = av_packet_alloc();
    t->frame = av_frame_alloc();
    if (!t->dec || !t->pkt || !t->frame || avcodec_parameters_to_context(t->dec, p) < 0) {
        snprintf(why, whysize, "%s", _("out of memory"));
        return false;
    }
    t->dec->thread_count = 1; /* the caller's thread decodes: no threads of FFmpeg's own */
    t->dec->pkt_timebase = st->time_base;
    int err = avcodec_open2(t->dec, codec, NULL);
    if (err < 0) {
        damaged(why, whysize, err);
        return false;
    }
    int64_t frames = 0;
    if (st->duration > 0 && st->duration != AV_NOPTS_VALUE)
        frames = av_rescale_q(st->duration, st->time_base, (AVRational){ 1, TRACKREAD_RATE });
    else if (t->fmt->duration > 0 && t->fmt->duration != AV_NOPTS_VALUE)
        frames = av_rescale(t->fmt->duration, TRACKREAD_RATE, AV_TIME_BASE);
    t->length = frames > 0 && frames < INT64_MAX / 2 ? frames : 0;
    return true;
}

static bool refill(trackread_t *t);

static trackread_t *open_at(const char *path, bool native, char *why, size_t whysize)
{
    pthread_once(&quiet_once, quiet);
    int fd = open_checked(path, why, whysize);
    if (fd < 0)
        return NULL;
    trackread_t *t = calloc(1, sizeof *t);
    if (!t) {
        close(fd);
        snprintf(why, whysize, "%s", _("out of memory"));
        return NULL;
    }
    t->fd = fd;
    if (!open_container(t, path, why, whysize) || !open_decoder(t, why, whysize)) {
        trackread_close(t);
        return NULL;
    }
    t->rate = native ? 0 : TRACKREAD_RATE;
    /* a native reader's rate is its first frame's: a header can say otherwise (HE-AAC's
     * header may give half the rate it decodes at); that frame waits for the first read */
    if (native && !refill(t)) {
        t->done = true; /* at its end already, or damaged: the first read says so */
        if (!t->rate)
            t->rate = t->dec->sample_rate;
    }
    return t;
}

trackread_t *trackread_open(const char *path, char *why, size_t whysize)
{
    return open_at(path, false, why, whysize);
}

trackread_t *trackread_open_native(const char *path, char *why, size_t whysize)
{
    return open_at(path, true, why, whysize);
}

int trackread_rate(const trackread_t *t)
{
    return t->rate;
}

/* The fold to stereo as a matrix (out * ch + in): mono goes to both sides at full level;
 * more than two channels: front left and right at half, the rest shared between both sides at
 * half level in all (a plain, safe downmix that cannot clip more than its input). */
static void fold_matrix(const AVChannelLayout *layout, int ch, double *m)
{
    memset(m, 0, sizeof(double) * 2 * (size_t)ch);
    if (ch == 1) {
        m[0] = m[1] = 1.0;
        return;
    }
    int left = av_channel_layout_index_from_channel(layout, AV_CHAN_FRONT_LEFT);
    int right = av_channel_layout_index_from_channel(layout, AV_CHAN_FRONT_RIGHT);
    if (left < 0 || right < 0 || left == right) {
        left = 0;
        right = 1;
    }
    for (int c = 0; c < ch; c++)
        m[c] = m[ch + c] = 0.5 / (double)(ch - 2);
    m[left] = m[ch + right] = 0.5;
    m[right] = m[ch + left] = 0.0;
}

/* (Re)makes the converter for frames like f: at the start, and if the stream changes. */
static bool setup_converter(trackread_t *t, const AVFrame *f)
{
    int ch = f->ch_layout.nb_channels;
    if (ch < 1 || ch > MAX_CHANNELS || f->sample_rate < 1000 || f->sample_rate > 768000) {
        snprintf(t->error, sizeof t->error, "%s",
                 /* TRANSLATORS: why a music file stops playing */
                 _("the file is damaged (its channels or rate change to ones not supported)"));
        return false;
    }
    swr_free(&t->swr);
    if (!t->rate)
        t->rate = f->sample_rate; /* a native reader's first frame */
    AVChannelLayout in, out = AV_CHANNEL_LAYOUT_STEREO;
    av_channel_layout_default(&in, ch); /* the fold below says where each channel goes */
    double m[2 * MAX_CHANNELS];
    int err = swr_alloc_set_opts2(&t->swr, &out, AV_SAMPLE_FMT_FLT, t->rate, &in, (enum AVSampleFormat)f->format,
                                  f->sample_rate, 0, NULL);
    if (err >= 0 && ch != 2) {
        fold_matrix(&f->ch_layout, ch, m);
        err = swr_set_matrix(t->swr, m, ch);
    }
    if (err >= 0)
        err = swr_init(t->swr);
    av_channel_layout_uninit(&in);
    if (err < 0) {
        /* TRANSLATORS: why a music file stops playing; %s is FFmpeg's reason (in English) */
        snprintf(t->error, sizeof t->error, _("cannot convert it (%s)"), av_err2str(err));
        swr_free(&t->swr);
        return false;
    }
    t->in_rate = f->sample_rate;
    t->in_format = f->format;
    t->in_channels = ch;
    return true;
}

/* Makes room for n converted frames in the (empty) buffer. */
static bool reserve(trackread_t *t, int n)
{
    if (n <= t->buf_cap)
        return true;
    float *bigger = realloc(t->buf, sizeof(float) * 2 * (size_t)n);
    if (!bigger) {
        snprintf(t->error, sizeof t->error, "%s", _("out of memory"));
        return false;
    }
    t->buf = bigger;
    t->buf_cap = n;
    return true;
}

/* Converts a decoded frame, or with f NULL the resampler's last frames, into the buffer. */
static bool convert(trackread_t *t, const AVFrame *f)
{
    t->have = t->pos = 0;
    if (!t->swr)
        return true;
    int room = swr_get_out_samples(t->swr, f ? f->nb_samples : 0);
    if (room < 0 || !reserve(t, room > 0 ? room : 1))
        return false;
    uint8_t *out = (uint8_t *)t->buf;
    int got = swr_convert(t->swr, &out, room, f ? (const uint8_t **)f->extended_data : NULL, f ? f->nb_samples : 0);
    if (got < 0) {
        snprintf(t->error, sizeof t->error, _("cannot convert it (%s)"), av_err2str(got));
        return false;
    }
    t->have = got;
    return true;
}

/* Hands the decoder its next packet of our stream, or tells it there are no more. */
static void feed(trackread_t *t)
{
    int err;
    while ((err = av_read_frame(t->fmt, t->pkt)) >= 0 && t->pkt->stream_index != t->stream)
        av_packet_unref(t->pkt);
    if (err < 0) {
        if (err != AVERROR_EOF && err != AVERROR(EAGAIN))
            damaged(t->error, sizeof t->error, err);
        avcodec_send_packet(t->dec, NULL);
        return;
    }
    err = avcodec_send_packet(t->dec, t->pkt);
    av_packet_unref(t->pkt);
    if (err < 0 && err != AVERROR(EAGAIN) && ++t->bad > MAX_BAD_PACKETS) {
        snprintf(t->error, sizeof t->error, "%s", damaged_sound());
        avcodec_send_packet(t->dec, NULL);
    }
}

static bool matches(const trackread_t *t, const AVFrame *f)
{
    return t->swr && f->sample_rate == t->in_rate && f->format == t->in_format &&
           f->ch_layout.nb_channels == t->in_channels;
}

/* Fills the empty buffer with the next converted frames. Returns false when there are no more
 * (t->error says why if the file is damaged). A frame unlike the ones before (the stream
 * changed: a chained Ogg, say) is held until the old converter's last frames are out. */
static bool refill(trackread_t *t)
{
    while (!t->done) {
        if (t->held) {
            t->held = false;
            bool ok = setup_converter(t, t->frame) && convert(t, t->frame);
            av_frame_unref(t->frame);
            if (!ok)
                return false;
            if (t->have > 0)
                return true;
            continue;
        }
        int err = avcodec_receive_frame(t->dec, t->frame);
        if (err == 0) {
            t->bad = 0;
            if (!matches(t, t->frame)) {
                t->held = true;
                if (!t->swr)
                    continue;
                if (!convert(t, NULL))
                    return false;
                if (t->have > 0)
                    return true;
                continue;
            }
            bool ok = convert(t, t->frame);
            av_frame_unref(t->frame);
            if (!ok)
                return false;
            if (t->have > 0)
                return true;
        } else if (err == AVERROR(EAGAIN)) {
            feed(t);
        } else if (err == AVERROR_EOF) {
            t->done = true;
            return convert(t, NULL) && t->have > 0;
        } else if (++t->bad > MAX_BAD_PACKETS) {
            snprintf(t->error, sizeof t->error, "%s", damaged_sound());
            return false;
        }
    }
    return false;
}

int trackread_read(trackread_t *t, float *out, int max)
{
    int got = 0;
    while (got < max) {
        if (t->pos < t->have) {
            int n = t->have - t->pos < max - got ? t->have - t->pos : max - got;
            memcpy(out + 2 * (size_t)got, t->buf + 2 * (size_t)t->pos, sizeof(float) * 2 * (size_t)n);
            t->pos += n;
            got += n;
        } else if (t->done || !refill(t)) {
            t->done = true;
            break;
        }
    }
    return got == 0 && t->error[0] ? -1 : got;
}

int64_t trackread_length(const trackread_t *t)
{
    return t->length;
}

const char *trackread_error(const trackread_t *t)
{
    return t->error;
}

void trackread_close(trackread_t *t)
{
    if (!t)
        return;
    swr_free(&t->swr);
    av_frame_free(&t->frame);
    av_packet_free(&t->pkt);
    avcodec_free_context(&t->dec);
    if (t->fmt && t->fmt->iformat)
        avformat_close_input(&t->fmt);
    else
        avformat_free_context(t->fmt);
    if (t->io) {
        av_freep(&t->io->buffer);
        avio_context_free(&t->io);
    }
    close(t->fd);
    free(t->buf);
    free(t);
}
