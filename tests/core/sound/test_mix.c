/* Tests of the mixer as timelines, sample by sample: a crossfade's length and shape, the dip
 * under a cue (depth, ramps, onset), scheduled cues on their exact frame, no doubled cues,
 * pause fading and holding its place, a starved voice fading instead of clicking, and the
 * volume cap with the limiter. The policy numbers are written out here on purpose (200 ms,
 * -10 dB, 250 ms, 1 s...): changing one in the mixer must fail a test. No sleeping, no SDL. */
#include "check.h"
#include "core/sound/mix.h"

#include <math.h>
#include <stdlib.h>

#define RATE 48000
#define LAG 63                       /* the limiter delays the output by 63 frames */
#define BUF 960                      /* 20 ms device buffers: now_ms stays exact */
#define MAX_FRAMES (RATE * 12)
#define C 16384                      /* music samples: half of full scale */

static int16_t rings[MIX_VOICES][MIX_RING_FRAMES * 2];
static float rec[MAX_FRAMES * 2];   /* the output, by absolute frame */
static bool endless[MIX_VOICES];     /* the "decoder" keeps these voices' rings full */

static void setup(mix_t *m)
{
    int16_t *r[MIX_VOICES] = { rings[0], rings[1], rings[2] };
    mix_init(m, r, NULL);
    for (int i = 0; i < MIX_VOICES; i++)
        endless[i] = false;
}

/* Renders frames more (whole buffers), as the device would ask, now_ms from the clock. */
static void run(mix_t *m, int64_t frames)
{
    for (int64_t done = 0; done < frames; done += BUF) {
        for (int i = 0; i < MIX_VOICES; i++)
            if (endless[i])
                m->voice[i].wr = m->voice[i].rd + MIX_RING_FRAMES / 2;
        int64_t at = m->clock;
        mix_render(m, &rec[at * 2], BUF, (double)at * 1000.0 / RATE);
        m->nevents = 0;
    }
}

/* Like run, but keeps the events of the frames rendered (up to max), all but SOUND's. */
static int run_events(mix_t *m, int64_t frames, mix_event_t *ev, int max)
{
    int n = 0;
    for (int64_t done = 0; done < frames; done += BUF) {
        int64_t at = m->clock;
        for (int i = 0; i < MIX_VOICES; i++)
            if (endless[i])
                m->voice[i].wr = m->voice[i].rd + MIX_RING_FRAMES / 2;
        mix_render(m, &rec[at * 2], BUF, (double)at * 1000.0 / RATE);
        for (int i = 0; i < m->nevents && n < max; i++)
            if (m->events[i].kind != MIX_EVENT_SOUND)
                ev[n++] = m->events[i];
        m->nevents = 0;
    }
    return n;
}

/* Fills voice i's ring with one stereo frame, loads it as track 0 and commits it. */
static mix_voice_t *start_voice(mix_t *m, int i, int16_t l, int16_t r, int64_t fade, bool switching)
{
    for (int f = 0; f < MIX_RING_FRAMES; f++) {
        rings[i][f * 2] = l;
        rings[i][f * 2 + 1] = r;
    }
    mix_voice_t *v = &m->voice[i];
    mix_voice_load(v, 0, 0);
    v->wr = MIX_RING_FRAMES / 2;
    endless[i] = true;
    mix_commit(m, v, fade, switching);
    return v;
}

/* Music (left channel only) playing steadily at full mode level. */
static mix_voice_t *playing(mix_t *m)
{
    mix_music_mode(m, MUSIC_PLAY, 500);
    mix_voice_t *v = start_voice(m, 0, C, 0, RATE, false);
    run(m, RATE);
    CHECK(ramp_settled(&m->mode) && m->mode.value == 1.0f);
    return v;
}

static float left(int64_t frame) { return rec[frame * 2]; }
static float right(int64_t frame) { return rec[frame * 2 + 1]; }

/* The raised-cosine shape of every ramp: 0 at x = 0, 1 at x = 1. */
static double scurve(double x)
{
    return x >= 1.0 ? 1.0 : 0.5 - 0.5 * cos(M_PI * x);
}

static bool near(double a, double b)
{
    return fabs(a - b) <= 1e-5 * (fabs(b) > 1e-3 ? fabs(b) : 1e-3);
}

static void test_crossfade(void)
{
    static mix_t m;
    setup(&m);
    mix_voice_t *a = playing(&m);
    double amp = (double)C / 32768.0 * a->level.value;
    CHECK(near(left(RATE - 1), amp));
    /* a phase's music (right channel) crossfades now over 1.5 s */
    int64_t at = m.clock, len = RATE * 3 / 2;
    mix_voice_t *b = start_voice(&m, 1, 0, C, len, true);
    CHECK(b->leading && !a->leading);
    CHECK_EQ_INT(m.nevents, 1);
    CHECK(m.events[0].kind == MIX_EVENT_TRACK && m.events[0].frame == at && m.events[0].crossfade == len);
    m.nevents = 0;
    run(&m, len + RATE / 2);
    int bad_in = 0, bad_out = 0;
    for (int64_t k = 0; k < len + RATE / 4; k++) {
        double s = scurve((double)(k + 1) / (double)len);
        bad_in += !near(right(at + LAG + k), amp * s);
        bad_out += !near(left(at + LAG + k), amp * (1.0 - s));
    }
    CHECK_EQ_INT(bad_in, 0);
    CHECK_EQ_INT(bad_out, 0);
    /* exactly len frames: the old one is silent and done from then on */
    CHECK(left(at + LAG + len - 2) > 0.0f);
    CHECK(left(at + LAG + len - 1) == 0.0f);
    CHECK(a->state == MIX_VOICE_DONE);
    CHECK(right(at + LAG + len - 1) == (float)amp);
    /* the shape: a quarter of the way in, the new one is at 15 %, half way at half */
    CHECK(fabs(right(at + LAG + len / 4 - 1) / amp - 0.1464) < 0.001);
    CHECK(fabs(right(at + LAG + len / 2 - 1) / amp - 0.5) < 0.001);
}

/* A playlist's next track waits silently and overlaps only the last fade of the one before. */
static void test_follow(void)
{
    static mix_t m;
    setup(&m);
    mix_voice_t *a = playing(&m);
    a->length = a->rd + 3 * RATE; /* the header says 3 s are left */
    int64_t fade = RATE, fade_at = m.clock + 2 * RATE;
    mix_voice_t *b = start_voice(&m, 1, 0, C, fade, false);
    CHECK_EQ_INT(b->follows, 0);
    CHECK_EQ_INT(b->follow_rd, a->rd + 2 * RATE);
    CHECK_EQ_INT(m.nevents, 0);
    mix_event_t ev[4];
    int n = run_events(&m, 2 * RATE + BUF, ev, 4);
    CHECK_EQ_INT(n, 1);
    /* it begins with the chunk (256 frames at most) in which the old one reaches its mark */
    int64_t begin = ev[0].frame;
    CHECK(ev[0].kind == MIX_EVENT_TRACK && ev[0].crossfade == fade);
    CHECK(begin <= fade_at && begin > fade_at - 256);
    CHECK(right(begin + LAG - 1) == 0.0f); /* silent until its moment */
    CHECK(right(begin + LAG) > 0.0f);
    /* and the old one is gone when the new one is fully in (its file ends then) */
    run(&m, 2 * RATE);
    CHECK(a->state == MIX_VOICE_DONE && b->fade.value == 1.0f);
}

static void test_duck_under_cue(void)
{
    static mix_t m;
    static int16_t cue[RATE * 2]; /* 1 s, right channel only */
    for (int f = 0; f < RATE; f++)
        cue[f * 2 + 1] = 8192;
    setup(&m);
    m.sound[0] = (mix_sound_t){ cue, RATE };
    mix_voice_t *v = playing(&m);
    double amp = (double)C / 32768.0 * v->level.value, low = pow(10.0, -10.0 / 20.0);
    int64_t at = m.clock;
    mix_cue(&m, 0, 5000, 4990.0);
    mix_event_t ev[4];
    int n = run_events(&m, 2 * RATE, ev, 4);
    CHECK_EQ_INT(n, 1);
    CHECK(ev[0].kind == MIX_EVENT_CUE && ev[0].cue == 0 && ev[0].moment_ms == 5000);
    CHECK_EQ_INT(ev[0].frame, at + LAG);
    CHECK(near(ev[0].at_ms, (double)(at + LAG) * 1000.0 / RATE));
    /* the cue and the dip begin on the same frame */
    CHECK(right(at + LAG - 1) == 0.0f && right(at + LAG) == 0.25f);
    CHECK(left(at + LAG - 1) == (float)amp);
    /* down 10 dB over 200 ms (9600 frames), S-shaped */
    int bad = 0;
    for (int64_t k = 0; k < 9600; k++)
        bad += !near(left(at + LAG + k), amp * (1.0 + (low - 1.0) * scurve((double)(k + 1) / 9600.0)));
    CHECK_EQ_INT(bad, 0);
    CHECK(left(at + LAG + 9598) > (float)(amp * low));
    CHECK(near(left(at + LAG + 9599), amp * low));
    /* held there; back up over the cue's last 200 ms, home when the cue ends */
    int64_t up = at + RATE - 9600;
    CHECK(near(left(at + LAG + 24000), amp * low));
    CHECK(near(left(up + LAG - 1), amp * low));
    bad = 0;
    for (int64_t k = 0; k < 9600; k++)
        bad += !near(left(up + LAG + k), amp * (low + (1.0 - low) * scurve((double)(k + 1) / 9600.0)));
    CHECK_EQ_INT(bad, 0);
    CHECK(left(at + LAG + RATE - 1) == (float)amp);
    CHECK(right(at + LAG + RATE - 1) == 0.25f && right(at + LAG + RATE) == 0.0f);
}

static void test_scheduled_cue_frame(void)
{
    static mix_t m;
    static int16_t cue[RATE / 2 * 2];
    for (int f = 0; f < RATE / 2; f++)
        cue[f * 2 + 1] = 8192;
    setup(&m);
    m.sound[1] = (mix_sound_t){ cue, RATE / 2 };
    mix_schedule_add(&m, 1, 1000); /* one second in: frame 48000 */
    mix_schedule_add(&m, 1, 1750); /* mid-buffer: frame 84000 */
    mix_event_t ev[4];
    int n = run_events(&m, 2 * RATE, ev, 4);
    CHECK_EQ_INT(n, 2);
    CHECK(right(RATE - 1) == 0.0f && right(RATE) == 0.25f);
    CHECK_EQ_INT(ev[0].frame, RATE);
    CHECK(near(ev[0].at_ms, 1000.0) && ev[0].asked_ms < 0.0);
    CHECK(right(84000 - 1) == 0.0f && right(84000) == 0.25f);
    CHECK_EQ_INT(ev[1].frame, 84000);
    CHECK_EQ_INT(m.nscheduled, 0);
    /* a moment already past starts at once, at the buffer's first frame */
    run(&m, RATE);
    int64_t at = m.clock;
    mix_schedule_add(&m, 1, 10);
    n = run_events(&m, BUF, ev, 4);
    CHECK_EQ_INT(n, 1);
    CHECK(right(at + LAG - 1) == 0.0f && right(at + LAG) == 0.25f);
}

static void test_no_double_cue(void)
{
    static mix_t m;
    static int16_t cue[RATE * 2];
    for (int f = 0; f < RATE; f++)
        cue[f * 2 + 1] = 4096;
    setup(&m);
    m.sound[0] = (mix_sound_t){ cue, RATE };
    mix_event_t ev[4];
    mix_cue(&m, 0, 100, 0.0);
    run(&m, BUF);
    run(&m, 11 * BUF);            /* 240 ms after it began */
    mix_cue(&m, 0, 340, 240.0);   /* a quick second press: not doubled */
    CHECK_EQ_INT(run_events(&m, BUF, ev, 4), 0);
    CHECK(right(12 * BUF + LAG + 10) == 0.125f);
    mix_cue(&m, 0, 360, 260.0);   /* 260 ms after: a second one sounds */
    CHECK_EQ_INT(run_events(&m, BUF, ev, 4), 1);
    CHECK(right(13 * BUF + LAG + 10) == 0.25f);
    /* the same cue and moment, once scheduled and once asked: sounds once */
    setup(&m);
    m.sound[0] = (mix_sound_t){ cue, RATE };
    mix_schedule_add(&m, 0, 100);
    CHECK_EQ_INT(run_events(&m, 10 * BUF, ev, 4), 1);
    run(&m, 10 * BUF);            /* 300 ms later: past the 250 ms guard */
    mix_cue(&m, 0, 100, 400.0);
    CHECK_EQ_INT(run_events(&m, BUF, ev, 4), 0);
    mix_cue(&m, 0, 101, 400.0);   /* another moment: sounds */
    CHECK_EQ_INT(run_events(&m, BUF, ev, 4), 1);
}

static void test_pause(void)
{
    static mix_t m;
    setup(&m);
    mix_voice_t *v = playing(&m);
    double amp = (double)C / 32768.0 * v->level.value;
    int64_t at = m.clock;
    mix_pause(&m, true);
    run(&m, RATE + BUF);
    int bad = 0;
    for (int64_t k = 0; k < RATE; k++)
        bad += !near(left(at + LAG + k), amp * (1.0 - scurve((double)(k + 1) / RATE)));
    CHECK_EQ_INT(bad, 0);
    CHECK(left(at + LAG + RATE - 2) > 0.0f && left(at + LAG + RATE - 1) == 0.0f);
    CHECK(mix_held(&m));
    /* held: nothing sounds and the place stands still */
    int64_t rd = v->rd;
    run(&m, 3 * RATE);
    CHECK_EQ_INT(v->rd, rd);
    CHECK(v->state == MIX_VOICE_ACTIVE && v->leading);
    float peak = 0.0f;
    for (int64_t f = at + 2 * RATE; f < m.clock; f++)
        peak = fmaxf(peak, fabsf(left(f)));
    CHECK(peak == 0.0f);
    /* resume: from the same place, fading in over a second */
    at = m.clock;
    mix_pause(&m, false);
    run(&m, BUF);
    CHECK_EQ_INT(v->rd, rd + BUF);
    run(&m, RATE);
    CHECK(near(left(at + LAG + RATE / 2 - 1), amp * 0.5));
    CHECK(left(at + LAG + RATE - 1) == (float)amp);
}

static void test_starved_voice(void)
{
    static mix_t m;
    setup(&m);
    mix_voice_t *v = playing(&m);
    double amp = (double)C / 32768.0 * v->level.value;
    endless[0] = false;
    int64_t end = m.clock + RATE / 2 + 100; /* the decoder stalls: half a second left */
    v->wr = v->rd + (end - m.clock);
    run(&m, RATE);
    CHECK(v->starved && v->rd == v->wr && v->state == MIX_VOICE_ACTIVE);
    /* it faded out over at least 10 ms (480 frames) and no more than a chunk beyond */
    int64_t first_low = -1, last = -1;
    double step = 0.0;
    for (int64_t f = end - RATE / 10; f < end + 100; f++) {
        if (first_low < 0 && left(f + LAG) < (float)amp)
            first_low = f;
        if (left(f + LAG) > 0.0f)
            last = f;
        step = fmax(step, fabs(left(f + LAG) - left(f + LAG - 1)));
    }
    CHECK_EQ_INT(last, end - 2); /* its last frame is already silent */
    CHECK(end - first_low >= 480 && end - first_low <= 480 + 256);
    CHECK(step < amp * M_PI / 2.0 / 480.0 * 1.01);
    CHECK(step > amp * M_PI / 2.0 / (480.0 + 256.0) * 0.99);
    /* a trickle (under 200 ms) is not enough to come back for */
    int64_t at = m.clock;
    v->wr += 9600 - 1;
    run(&m, BUF);
    CHECK(left(at + LAG + BUF - 1) == 0.0f && v->rd == v->wr - 9599);
    /* 200 ms ready: back in over 20 ms (960 frames), from silence */
    v->wr += 1;
    at = m.clock;
    run(&m, BUF * 2);
    CHECK(!v->starved);
    CHECK(left(at + LAG) > 0.0f && left(at + LAG) < (float)(amp * 0.001));
    CHECK(left(at + LAG + 958) < (float)amp && left(at + LAG + 959) == (float)amp);
}

static void test_volume_and_limiter(void)
{
    static mix_t m;
    static int16_t quiet[RATE * 2], loud[RATE * 2];
    for (int f = 0; f < RATE; f++) {
        quiet[f * 2] = quiet[f * 2 + 1] = 8192;
        loud[f * 2] = loud[f * 2 + 1] = 32767;
    }
    setup(&m);
    mix_configure(&m, 50, -23.0);
    m.sound[0] = (mix_sound_t){ quiet, RATE };
    m.sound[1] = (mix_sound_t){ loud, RATE };
    mix_cue(&m, 0, 0, 0.0);
    run(&m, RATE / 2);
    CHECK(left(LAG + 1000) == 0.125f); /* a quarter of full scale at half volume */
    float ceiling = 0.5f * powf(10.0f, -1.0f / 20.0f), peak = 0.0f;
    int64_t at = m.clock;
    mix_cue(&m, 1, 1, 0.0);
    run(&m, RATE);
    for (int64_t f = at; f < m.clock; f++)
        peak = fmaxf(peak, fmaxf(fabsf(left(f)), fabsf(right(f))));
    CHECK(peak <= ceiling);
    CHECK(peak > ceiling * 0.999f);
    CHECK(fabsf(left(at + RATE / 2) - ceiling) < 1e-4f); /* held at the cap, not clipped hard */
    /* the cap is clamped to 0..100 % */
    mix_configure(&m, 250, -23.0);
    CHECK(m.master == 1.0f);
    CHECK(fabsf(m.limiter.ceiling - powf(10.0f, -1.0f / 20.0f)) < 1e-6f);
    mix_configure(&m, -5, -23.0);
    CHECK(m.master == 0.0f);
}

static void test_soft_and_sound_watch(void)
{
    static mix_t m;
    setup(&m);
    run(&m, 15 * BUF); /* 300 ms of quiet */
    mix_music_mode(&m, MUSIC_PLAY, 500);
    mix_voice_t *v = start_voice(&m, 0, C, 0, RATE, false);
    mix_event_t ev[8];
    int n = 0, sounds = 0;
    for (int64_t done = 0; done < RATE; done += BUF) {
        mix_render(&m, &rec[m.clock * 2], BUF, (double)m.clock * 1000.0 / RATE);
        for (int i = 0; i < m.nevents && n < 8; i++)
            ev[n++] = m.events[i];
        m.nevents = 0;
    }
    for (int i = 0; i < n; i++)
        if (ev[i].kind == MIX_EVENT_SOUND) {
            sounds++;
            CHECK(ev[i].frame > 15 * BUF + LAG && ev[i].frame < 15 * BUF + 24000 + LAG);
            CHECK_EQ_INT((ev[i].frame - ev[i].offset) % BUF, 0); /* into the buffer it began in */
            CHECK(left(ev[i].frame) >= 0.001f && left(ev[i].frame - 1) < 0.001f);
            CHECK(near(ev[i].at_ms, (double)ev[i].frame * 1000.0 / RATE));
        }
    CHECK_EQ_INT(sounds, 1);
    /* a sound after a short gap (under 300 ms) is not a new start */
    run(&m, RATE);
    mix_pause(&m, true);
    run(&m, RATE + 5 * BUF);
    mix_pause(&m, false);
    for (int64_t done = 0; done < RATE; done += BUF) {
        mix_render(&m, &rec[m.clock * 2], BUF, (double)m.clock * 1000.0 / RATE);
        for (int i = 0; i < m.nevents; i++)
            sounds += m.events[i].kind == MIX_EVENT_SOUND;
        m.nevents = 0;
    }
    CHECK_EQ_INT(sounds, 1);
    double amp = (double)C / 32768.0 * v->level.value;
    CHECK(mix_music_mode(&m, MUSIC_SOFT, 100) == 500); /* fades are never quicker than 0.5 s */
    run(&m, RATE);
    CHECK(near(left(m.clock - 1), amp * pow(10.0, -12.0 / 20.0)));
}

/* Sound after 300 ms of quiet is reported, with its first frame; after less, it is not. */
static void test_sound_watch_threshold(void)
{
    static mix_t m;
    static int16_t cue[RATE / 10 * 2];
    for (int f = 0; f < RATE / 10; f++)
        cue[f * 2] = 8192;
    for (int quiet = 14; quiet <= 15; quiet++) { /* 280 and 300 ms before the buffer, +63 */
        setup(&m);
        m.sound[2] = (mix_sound_t){ cue, RATE / 10 };
        run(&m, quiet * BUF);
        mix_cue(&m, 2, 0, 0.0);
        mix_render(&m, &rec[m.clock * 2], BUF, (double)m.clock * 1000.0 / RATE);
        int sounds = 0;
        for (int i = 0; i < m.nevents; i++)
            if (m.events[i].kind == MIX_EVENT_SOUND) {
                sounds++;
                CHECK_EQ_INT(m.events[i].frame, quiet * BUF + LAG);
                CHECK_EQ_INT(m.events[i].offset, LAG);
            }
        CHECK_EQ_INT(sounds, quiet == 15); /* 14463 frames of quiet are enough, 13503 not */
    }
}

/* After a peak the limiter lets the level back up over about 150 ms (to 1 - 1/e of the way). */
static void test_limiter_release(void)
{
    static mix_t m;
    static int16_t quiet[RATE * 2], loud[RATE / 4 * 2];
    for (int f = 0; f < RATE; f++)
        quiet[f * 2] = quiet[f * 2 + 1] = 8192;
    for (int f = 0; f < RATE / 4; f++)
        loud[f * 2] = loud[f * 2 + 1] = 32767;
    setup(&m);
    mix_configure(&m, 50, -23.0);
    m.sound[0] = (mix_sound_t){ quiet, RATE };
    m.sound[1] = (mix_sound_t){ loud, RATE / 4 };
    mix_cue(&m, 0, 0, 0.0);
    mix_cue(&m, 1, 1, 0.0);
    run(&m, RATE);
    /* during the peak: 0.625 held to 0.4456, so the gain needed is 0.713; 150 ms (7200
     * frames) after it, the gain has come back 63 % of the way: about 0.894 */
    double g = left(RATE / 4 + LAG + 7200) / 0.125;
    CHECK(g > 0.88 && g < 0.91);
    CHECK(fabs(left(RATE / 4 + LAG - 1000) - 0.5 * pow(10.0, -1.0 / 20.0)) < 1e-4); /* at the cap */
}

/* Changing track while the music is nearly silent (a fade in from silence just begun) is
 * quick: 50 ms, whatever the fade asked. */
static void test_quiet_swap(void)
{
    static mix_t m;
    setup(&m);
    mix_voice_t *a = start_voice(&m, 0, C, 0, RATE, false); /* held: in at once */
    CHECK(a->fade.value == 1.0f && m.events[0].crossfade == 0);
    mix_music_mode(&m, MUSIC_PLAY, 2000);
    run(&m, BUF);
    m.nevents = 0;
    mix_voice_t *b = start_voice(&m, 1, 0, C, RATE, true);
    CHECK_EQ_INT(b->fade_len, 2400);
    CHECK_EQ_INT(m.events[0].crossfade, 2400);
    run(&m, 3 * BUF);
    CHECK(a->state == MIX_VOICE_DONE && b->fade.value == 1.0f);
}

/* A track's measured loudness arrives while it plays: its level glides there over 3 s. */
static void test_level_glide(void)
{
    static mix_t m;
    static tracklist_t list;
    tracklist_init(&list);
    CHECK_EQ_INT(tracklist_intern(&list, "a.flac"), 0);
    int16_t *r[MIX_VOICES] = { rings[0], rings[1], rings[2] };
    mix_init(&m, r, &list);
    for (int i = 0; i < MIX_VOICES; i++)
        endless[i] = false;
    mix_voice_t *v = playing(&m);
    float safe = v->level.value;
    list.tracks[0].measured = true;
    list.tracks[0].loud = (loudness_t){ .integrated_lufs = -17.0, .true_peak_db = -6.0 };
    float gain = mix_track_gain(&m, 0);
    CHECK(fabsf(gain - powf(10.0f, -6.0f / 20.0f)) < 1e-4f); /* -23 LUFS from -17: -6 dB */
    CHECK(gain != safe);
    mix_track_measured(&m, 0, 0);
    CHECK_EQ_INT(v->level.len, 3 * RATE);
    run(&m, 3 * RATE - BUF);
    CHECK(!ramp_settled(&v->level));
    run(&m, BUF);
    CHECK(ramp_settled(&v->level) && v->level.value == gain);
    tracklist_free(&list);
}

int main(void)
{
    test_crossfade();
    test_follow();
    test_duck_under_cue();
    test_scheduled_cue_frame();
    test_no_double_cue();
    test_pause();
    test_starved_voice();
    test_volume_and_limiter();
    test_soft_and_sound_watch();
    test_sound_watch_threshold();
    test_limiter_release();
    test_quiet_swap();
    test_level_glide();
    return check_summary();
}
