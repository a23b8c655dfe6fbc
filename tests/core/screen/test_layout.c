/* The session layout at the five screen sizes the issue names, with every view option and
 * awkward prompts: every text inside the screen, no two things overlapping, the countdown's
 * digits at least 8% of the screen height. Text is measured by a fake DejaVu-like metric. */
#include "check.h"
#include "core/screen/layout.h"

#include <stdbool.h>
#include <string.h>

typedef struct {
    const char *text[LAYOUT_TEXT_COUNT];
} texts_t;

static int chars(const char *s, int n)
{
    int c = 0;
    for (int i = 0; i < n && s[i]; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Greedy word wrap with 0.6 em per character and 1.17 em per line, like DejaVu Sans. */
static void measure(void *ctx, layout_text_t which, int px, int max_w, int *w, int *h)
{
    const char *s = ((const texts_t *)ctx)->text[which];
    *w = *h = 0;
    if (!s || !*s)
        return;
    int cw = px * 6 / 10 + 1, lines = 0, widest = 0, len = (int)strlen(s), i = 0;
    while (i < len) {
        int line = 0, j = i, last_break = -1;
        while (j < len) {
            int next = j + 1;
            while (next < len && ((unsigned char)s[next] & 0xC0) == 0x80)
                next++;
            if (max_w > 0 && (line + 1) * cw > max_w && line > 0)
                break;
            if (s[j] == ' ')
                last_break = j;
            line++;
            j = next;
        }
        if (j < len && last_break > i)
            j = last_break + 1;
        int width = chars(s + i, j - i) * cw;
        widest = width > widest ? width : widest;
        lines++;
        i = j;
    }
    *w = widest;
    *h = lines * (px * 117 / 100 + 1);
}

static const int sizes[][2] = { { 1366, 768 }, { 1920, 1080 }, { 3840, 2160 }, { 1080, 1920 }, { 640, 400 } };

static bool check_layout(const layout_in_t *in, const layout_t *l, const char *what)
{
    int before = check_failed;
    layout_rect_t boxes[LAYOUT_TEXT_COUNT + 4];
    int n = 0;
    for (int i = 0; i < LAYOUT_TEXT_COUNT; i++) {
        if (!l->shown[i])
            continue;
        CHECK(layout_inside(l->box[i], in->w, in->h));
        if (i == LAYOUT_BANNER) {
            layout_rect_t p = l->banner_panel;
            CHECK(l->box[i].y >= p.y && l->box[i].y + l->box[i].h <= p.y + p.h);
            continue;
        }
        boxes[n++] = l->box[i];
    }
    boxes[n++] = layout_disk_box(l);
    boxes[n++] = l->banner_panel;
    boxes[n++] = l->progress;
    boxes[n++] = l->icon;
    for (int i = 0; i < n; i++) {
        CHECK(boxes[i].w <= 0 || layout_inside(boxes[i], in->w, in->h));
        for (int j = i + 1; j < n; j++)
            CHECK(!layout_overlap(boxes[i], boxes[j]));
    }
    CHECK(l->disk_r > 0 && l->halo_r >= l->disk_r);
    layout_rect_t d = layout_disk_box(l);
    CHECK(l->pause_icon.x > d.x && l->pause_icon.x + l->pause_icon.w < d.x + d.w);
    if (check_failed != before)
        fprintf(stderr, "  ... in %s at %dx%d\n", what, in->w, in->h);
    return check_failed == before;
}

static void each_size(texts_t *t, bool child, bool hide, bool paused, bool banner, const char *what)
{
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        layout_in_t in = { .w = sizes[s][0], .h = sizes[s][1], .child_view = child, .hide_time = hide,
                           .paused = paused, .banner = banner, .measure = measure, .ctx = t };
        layout_t l;
        layout_session(&in, &l);
        check_layout(&in, &l, what);
        if (!child && !hide) {
            CHECK(l.shown[LAYOUT_CLOCK]);
            CHECK(l.px[LAYOUT_CLOCK] * LAYOUT_DIGIT_EM >= LAYOUT_DIGITS_MIN * in.h);
        }
        if (child) {
            CHECK(!l.shown[LAYOUT_PHASE] && !l.shown[LAYOUT_CLOCK] && !l.shown[LAYOUT_PROMPT]);
            CHECK(l.disk_r * 4 > (in.w < in.h ? in.w : in.h)); /* the disk fills the child view */
            CHECK(l.icon.w > 0);
        }
        CHECK(l.shown[LAYOUT_PAUSED] == (paused && !child));
        CHECK(!paused || child || !l.shown[LAYOUT_PROMPT]);
        CHECK(l.shown[LAYOUT_CLOCK] == (!child && !hide));
    }
}

int main(void)
{
    static const char *prompts[] = {
        "",
        "Sit close",
        "Follow their lead: describe what they do, delight in them, and let them choose the next "
        "game. Stay close; keep your voice soft and your face warm, and wait for them to look back.",
        "Averyveryveryveryveryveryveryverylongwordthatdoesnotbreakanywhereatallintheprompttext",
        "\xCE\x91\xCE\xBD\xCE\xB1\xCF\x80\xCE\xBD\xCE\xBF\xCE\xAE \xD0\xB4\xD1\x8B\xD1\x85\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xB5",
    };
    static const char *names[] = { "Arrive", "A phase with a really rather long name, 40ch" };
    texts_t t = { .text = {
        [LAYOUT_TITLE] = "Connect, separate, connect: the longest title we allow, sixty",
        [LAYOUT_WHERE] = "Phase 12 of 20 \xC2\xB7 round 3 of 5 \xC2\xB7 ending soon",
        [LAYOUT_CLOCK] = "00:00",
        [LAYOUT_PAUSED] = "Paused",
        [LAYOUT_RESUME] = "Space, A or a tap in the middle to go on",
        [LAYOUT_BANNER] = "Press Esc again (or Enter) to end the session",
    } };
    for (size_t p = 0; p < sizeof prompts / sizeof prompts[0]; p++) {
        for (size_t n = 0; n < 2; n++) {
            t.text[LAYOUT_PROMPT] = prompts[p];
            t.text[LAYOUT_PHASE] = names[n];
            for (int flags = 0; flags < 16; flags++)
                each_size(&t, flags & 1, flags & 2, flags & 4, flags & 8, prompts[p]);
        }
    }
    /* an hour-long phase: the clock grows a field and still fits */
    t.text[LAYOUT_CLOCK] = "0:00:00";
    each_size(&t, false, false, false, true, "hour clock");

    /* the prompt gets smaller, not cut, when it is long; the clock keeps its size */
    layout_in_t in = { .w = 1920, .h = 1080, .measure = measure, .ctx = &t };
    layout_t a, b;
    t.text[LAYOUT_PROMPT] = prompts[1];
    t.text[LAYOUT_PHASE] = names[0];
    layout_session(&in, &a);
    t.text[LAYOUT_PROMPT] = prompts[2];
    layout_session(&in, &b);
    CHECK(b.px[LAYOUT_PROMPT] < a.px[LAYOUT_PROMPT]);
    CHECK(b.px[LAYOUT_PROMPT] >= 1080 * 22 / 1000); /* still readable across a room */
    CHECK_EQ_INT(a.px[LAYOUT_CLOCK], b.px[LAYOUT_CLOCK]);
    CHECK_EQ_INT(a.disk_r, b.disk_r); /* nothing jumps when the prompt changes */
    CHECK(a.px[LAYOUT_PHASE] * LAYOUT_DIGIT_EM >= 0.08 * 1080); /* the phase name is as large */

    /* a banner appearing moves nothing */
    in.banner = true;
    layout_session(&in, &b);
    CHECK_EQ_INT(a.disk_r, b.disk_r);
    CHECK_EQ_INT(a.box[LAYOUT_CLOCK].y, b.box[LAYOUT_CLOCK].y);
    CHECK_EQ_INT(a.box[LAYOUT_PROMPT].y, b.box[LAYOUT_PROMPT].y);

    return check_summary();
}
