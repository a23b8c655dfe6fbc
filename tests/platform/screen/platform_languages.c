/* Every screen in every language fits at the small sizes: for English, each language of
 * po/LINGUAS whose locale is installed, and a made-up "longer German" (every word of every
 * message 40% longer, written here as a .mo from po/safebase.pot, with the German plans), the
 * app's own code fills the menu, the ready screen, the session screen (each kind of phase with
 * the plans' longest prompt, paused, ending soon, the child view), the end screen, the History
 * screen of a made-up log, the Adjust, music, client and plan-problems forms, the help and every
 * banner, drawn into software targets at five sizes. Each text drawn (text_record) must lie
 * inside the screen, overlap no other and not be cut, except where the design cuts: titles in
 * lists and the typed field. SAFEBASE_SHOTS=DIR writes each picture there as BMP; SAFEBASE_POT=FILE
 * makes the longer German from FILE (tools/translations.sh pot FILE) instead of po/safebase.pot. */
#define _GNU_SOURCE
#include <ftw.h>
#include <libintl.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "langpot.h"
#include "core/base/translate.h"
#include "core/log/record.h"
#include "core/plan/settings.h"
#include "platform/app/applog.h"
#include "platform/app/menu.h"
#include "platform/app/ready.h"
#include "platform/app/run.h"
#include "platform/screen/draw.h"
#include "platform/screen/formscreen.h"
#include "platform/sys/catalog.h"
#include "platform/sys/paths.h"

#define MAX_TEXTS 700
#define CUT_SLACK 2       /* pixels a box may cut off a text: SDL_ttf centres wrapped lines to a pixel */
#define POT "../po/safebase.pot"
#define LINGUAS "../po/LINGUAS"

static const int sizes[][2] = { { 800, 480 }, { 1024, 600 }, { 1280, 720 }, { 1366, 768 }, { 768, 1024 } };
#define NSIZES ((int)(sizeof sizes / sizeof sizes[0]))

/* ---- the languages ---- */

typedef struct {
    char code[16];      /* "de"; "" English */
    char name[24];      /* for messages: "de", "en", "de+40%" */
    char locale[64];    /* "de_DE.UTF-8" */
    char dir[4096];     /* where its .mo is */
    char plans[16];     /* the built-in plans' language */
    bool made_up;       /* the longer German, not one of po/LINGUAS */
} language_t;

/* An installed UTF-8 locale for language code: its own territory ("de_DE"), or the one where
 * it is mostly spoken when that is another. */
static bool find_locale(const char *code, char *out, size_t size)
{
    static const char *const others[] = { "en_US", "da_DK", "sv_SE", "nb_NO", "cs_CZ", "el_GR", "ja_JP", "ko_KR",
                                          "zh_CN", "uk_UA", "sl_SI", "et_EE", "ca_ES", "eu_ES", "gl_ES", "pt_PT",
                                          "ar_EG", "he_IL", "hi_IN", "fa_IR", "vi_VN", "sr_RS", "ga_IE", "cy_GB" };
    char want[64];
    if (strchr(code, '_'))
        snprintf(want, sizeof want, "%s.UTF-8", code);
    else
        snprintf(want, sizeof want, "%s_%c%c.UTF-8", code, code[0] - 32, code[1] - 32);
    for (size_t i = 0; !setlocale(LC_MESSAGES, want); i++) {
        if (i == sizeof others / sizeof others[0])
            return false;
        if (strncmp(others[i], code, 2) == 0 && strlen(code) == 2)
            snprintf(want, sizeof want, "%s.UTF-8", others[i]);
    }
    snprintf(out, size, "%s", want);
    return true;
}

/* Messages and dates in lang from now on, as platform/sys/i18n.c sets them. */
static void use_language(const language_t *lang)
{
    setenv("LANGUAGE", lang->code, 1);
    setlocale(LC_MESSAGES, lang->code[0] ? lang->locale : "C.UTF-8");
    setlocale(LC_TIME, lang->code[0] ? lang->locale : "C.UTF-8");
    bindtextdomain("safebase", lang->dir);
    bind_textdomain_codeset("safebase", "UTF-8");
    textdomain("safebase");
}

/* How many of the messages read translated now. */
static int translated(const langpot_t *p)
{
    int n = 0;
    for (int i = 0; i < p->n; i++) {
        if (p->m[i].ctx)
            continue;
        const char *t = p->m[i].plural ? ngettext(p->m[i].id, p->m[i].plural, 1) : gettext(p->m[i].id);
        n += strcmp(t, p->m[i].id) != 0;
    }
    return n;
}

/* ---- a screen drawn and its texts checked ---- */

typedef struct {
    SDL_Surface *surf;
    SDL_Renderer *r;
    text_t *text;
    draw_t draw;
    int w, h;
} target_t;

typedef struct {
    const language_t *lang;
    target_t *t;
    text_drawn_t *texts;
    int ntexts;
    char screen[64];
    char detail[200];   /* which variant, for messages */
    const char *banner; /* the banner on screen, or NULL... */
    bool covers;        /* ...which may cover texts above it (everywhere but in a session) */
    /* figures */
    int frames, boxes, pairs, list_cuts, failed_frames;
    char screens[64][32];
    int nscreens;
} lab_t;

static bool target_open(target_t *t, int w, int h)
{
    memset(t, 0, sizeof *t);
    t->w = w, t->h = h;
    t->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    t->r = t->surf ? SDL_CreateSoftwareRenderer(t->surf) : NULL;
    char err[256];
    t->text = t->r ? text_open(t->r, NULL, false, err, sizeof err) : NULL;
    if (!t->text)
        return false;
    draw_init(&t->draw, t->r, t->text, THEME_CALM);
    draw_begin(&t->draw);
    return true;
}

static void target_close(target_t *t)
{
    draw_free(&t->draw);
    text_close(t->text);
    SDL_DestroyRenderer(t->r);
    SDL_FreeSurface(t->surf);
}

/* Starts a frame of screen `name`: the texts drawn from now on are noted. */
static draw_t *frame(lab_t *lab, const char *name)
{
    snprintf(lab->screen, sizeof lab->screen, "%s", name);
    lab->detail[0] = '\0';
    lab->banner = NULL;
    lab->covers = false;
    lab->ntexts = 0;
    text_record(lab->t->text, lab->texts, MAX_TEXTS, &lab->ntexts);
    draw_begin(&lab->t->draw);
    int i = 0;
    while (i < lab->nscreens && strcmp(lab->screens[i], name) != 0)
        i++;
    if (i == lab->nscreens && i < 64)
        snprintf(lab->screens[lab->nscreens++], sizeof lab->screens[0], "%s", name);
    return &lab->t->draw;
}

static void shot(const lab_t *lab, const char *tag)
{
    const char *dir = getenv("SAFEBASE_SHOTS");
    if (!dir)
        return;
    char path[600];
    snprintf(path, sizeof path, "%s/%s-%s%s%s-%dx%d.bmp", dir, lab->lang->name, lab->screen, tag ? "-" : "",
             tag ? tag : "", lab->t->w, lab->t->h);
    SDL_SaveBMP(lab->t->surf, path);
}

static bool prefixed(const char *s, const char *const *ok)
{
    for (int i = 0; ok && ok[i]; i++)
        if (strncmp(s, ok[i], strlen(ok[i])) == 0)
            return true;
    return false;
}

static bool ends_in_ellipsis(const char *s)
{
    size_t n = strlen(s);
    return n >= 3 && strcmp(s + n - 3, "\xE2\x80\xA6") == 0;
}

static bool overlap(SDL_Rect a, SDL_Rect b)
{
    return a.w > 0 && b.w > 0 && a.h > 0 && b.h > 0 && SDL_HasIntersection(&a, &b);
}

/* True when x is the banner and y starts above it, or the other way round: a banner may cover
 * what is above it (the plan's lines, a question), never what is below (the start line, its
 * keys, a button): the screens place it so. */
static bool covered(const lab_t *lab, const text_drawn_t *x, const text_drawn_t *y)
{
    if (!lab->banner || !lab->covers)
        return false;
    bool xb = strncmp(x->str, lab->banner, strlen(x->str)) == 0, yb = strncmp(y->str, lab->banner, strlen(y->str)) == 0;
    return (xb && y->at.y < x->at.y) || (yb && x->at.y < y->at.y);
}

static void say_text(const char *what, const text_drawn_t *x)
{
    fprintf(stderr, "    %s \"%.70s\" at %d,%d %dx%d (whole %dx%d, %d px cut)\n", what, x->str, x->at.x, x->at.y,
            x->at.w, x->at.h, x->w, x->h, x->cut);
}

/* Ends the frame: texts [from, lab->ntexts) each inside the screen, apart from one another and
 * whole; those starting with one of cut_ok (NULL-terminated, may be NULL) may be cut (titles in
 * lists), and a text ending in "…" counts as fitting only when ellipsis_ok. */
static void check_texts(lab_t *lab, int from, const char *const *cut_ok, bool ellipsis_ok)
{
    SDL_RenderFlush(lab->t->r);
    text_record(lab->t->text, NULL, 0, NULL);
    text_end_frame(lab->t->text);
    lab->frames++;
    int w = lab->t->w, h = lab->t->h, before = check_failed, n = lab->ntexts < MAX_TEXTS ? lab->ntexts : MAX_TEXTS;
    CHECK(lab->ntexts <= MAX_TEXTS);
    for (int i = from; i < n; i++) {
        const text_drawn_t *a = &lab->texts[i];
        lab->boxes++;
        bool inside = a->at.x >= 0 && a->at.y >= 0 && a->at.x + a->at.w <= w && a->at.y + a->at.h <= h;
        CHECK(inside);
        if (!inside)
            say_text("outside the screen:", a);
        if (a->cut > CUT_SLACK && prefixed(a->str, cut_ok)) {
            lab->list_cuts++;
            fprintf(stderr, "  (%s: %s at %dx%d)", lab->lang->name, lab->screen, w, h);
            say_text("cut, a title in a list:", a);
        } else {
            CHECK(a->cut <= CUT_SLACK);
            if (a->cut > CUT_SLACK)
                say_text("cut:", a);
        }
        if (ends_in_ellipsis(a->str) && !ellipsis_ok) {
            CHECK(!"an ellipsis where the design has none");
            say_text("cut with an ellipsis:", a);
        }
        for (int j = i + 1; j < n; j++) {
            lab->pairs++;
            if (overlap(a->at, lab->texts[j].at) && !covered(lab, a, &lab->texts[j])) {
                CHECK(!"two texts overlap");
                say_text("this text", a);
                say_text("overlaps", &lab->texts[j]);
            }
        }
    }
    if (check_failed != before) {
        lab->failed_frames++;
        fprintf(stderr, "  ... %s: %s (%.100s) at %dx%d\n", lab->lang->name, lab->screen, lab->detail, w, h);
    }
}

/* Every rectangle of box[0..n) inside the screen and none overlapping another. */
static void check_boxes(lab_t *lab, const SDL_Rect *box, int n, const char *what)
{
    int before = check_failed;
    for (int i = 0; i < n; i++) {
        lab->boxes++;
        CHECK(box[i].w <= 0 || (box[i].x >= 0 && box[i].y >= 0 && box[i].x + box[i].w <= lab->t->w &&
                                box[i].y + box[i].h <= lab->t->h));
        for (int j = i + 1; j < n; j++) {
            lab->pairs++;
            CHECK(!overlap(box[i], box[j]));
        }
    }
    if (check_failed != before)
        fprintf(stderr, "  ... %s: %s's layout (%s) at %dx%d\n", lab->lang->name, lab->screen, what, lab->t->w,
                lab->t->h);
}

/* ---- the app's parts, as the loop holds them ---- */

typedef struct {
    char tmp[64];
    catalog_t cat;
    options_t opts;
    settings_t settings;
    run_t run;
    applog_t log;
    ready_t ready;
    ready_ctx_t ctx;
    char log_path[4200], music_dir[4200], bad_plan[4200], sent_plan[4200];
    char banners[LANGPOT_MAX][700];
    int nbanners;
    const char *longest_prompt, *longest_name[PHASE_KIND_COUNT];
    const catalog_entry_t *longest_title, *growing;
} app_parts_t;

static bool write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    fputs(text, f);
    return fclose(f) == 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* The plans in the language, and what is longest in them. */
static void load_plans(app_parts_t *a, const language_t *lang)
{
    catalog_free(&a->cat);
    char assets[4096], dir[4200];
    lang_list_t langs = { .count = lang->plans[0] ? 1 : 0 };
    snprintf(langs.code[0], sizeof langs.code[0], "%s", lang->plans);
    CHECK(paths_assets(assets, sizeof assets) && paths_join(dir, sizeof dir, assets, "plans"));
    CHECK(catalog_load_builtin(&a->cat, dir, &langs, stderr) >= 6);
    snprintf(dir, sizeof dir, "%s/config/safebase/plans", a->tmp);
    catalog_load_dir(&a->cat, dir, true, stderr);
    a->longest_prompt = "";
    a->longest_title = a->growing = NULL;
    for (int k = 0; k < PHASE_KIND_COUNT; k++)
        a->longest_name[k] = NULL;
    for (int i = 0; i < a->cat.count; i++) {
        const catalog_entry_t *e = &a->cat.items[i];
        if (lang->plans[0] && !e->user)
            CHECK(strcmp(e->lang, lang->plans) == 0); /* the translated file was read */
        if (!a->longest_title || strlen(e->plan.title) > strlen(a->longest_title->plan.title))
            a->longest_title = e;
        if (!a->growing && plan_separation_grow(&e->plan, NULL, NULL) > 0)
            a->growing = e;
        for (int p = 0; p < e->plan.nphases; p++) {
            const plan_phase_t *ph = &e->plan.phases[p];
            const char **name = &a->longest_name[ph->kind];
            if (!*name || strlen(ph->name) > strlen(*name))
                *name = ph->name;
            for (int q = 0; q < ph->nprompts; q++)
                if (strlen(ph->prompts[q]) > strlen(a->longest_prompt))
                    a->longest_prompt = ph->prompts[q];
        }
    }
}

/* A made-up log of four weeks in the language's plan titles, for History and the separations. */
static void write_log(app_parts_t *a)
{
    FILE *f = fopen(a->log_path, "w");
    if (!f)
        return;
    fprintf(f, "%s\n", RECORD_HEADER);
    int64_t now = (int64_t)time(NULL) * 1000;
    static const char *const notes[] = { "", "Ist heute bis zur T\xC3\xBCr gegangen und lachend zur\xC3\xBC" "ckgekommen",
                                         "Tired", "" };
    for (int i = 0; i < 24; i++) {
        const catalog_entry_t *e = &a->cat.items[i % a->cat.count];
        if (i % 3 == 0 && a->growing)
            e = a->growing;
        int64_t start = now - (int64_t)(23 - i) * 86400000 - 3600000; /* four weeks, up to an hour ago */
        record_t r = { .started_epoch_ms = start, .ended_epoch_ms = start + 600000, .plan = e->plan.title,
                       .planned_ms = plan_total_ms(&e->plan), .duration_ms = 540000 + i * 20000,
                       .outcome = i % 5 ? "completed" : "ended_early", .phases_completed = e->plan.nphases,
                       .phases_total = e->plan.nphases, .client = i % 2 ? "Robin-Maximilian" : "Kit",
                       .rating = 1 + i % 5, .look_backs = i % 7, .note = notes[i % 4],
                       .first_separation_ms = e == a->growing ? 20000 + i * 1000 : 0,
                       .longest_separation_ms = e == a->growing ? 40000 + i * 1000 : 0 };
        char line[RECORD_MAX_LINE];
        if (record_format(&r, line, sizeof line) > 0)
            fputs(line, f);
    }
    fclose(f);
}

/* Writes the files the screens read: a plan with mistakes, a plan someone sent, a user's own
 * plan, a music folder. */
static bool parts_open(app_parts_t *a)
{
    memset(a, 0, sizeof *a);
    snprintf(a->tmp, sizeof a->tmp, "/tmp/safebase-languages-XXXXXX");
    if (!mkdtemp(a->tmp))
        return false;
    char dir[4200];
    static const char *const sub[] = { "home", "config", "config/safebase", "config/safebase/plans", "data", "state",
                                       "cache", "music", "locale", "locale/de", "locale/de/LC_MESSAGES" };
    for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
        snprintf(dir, sizeof dir, "%s/%s", a->tmp, sub[i]);
        mkdir(dir, 0700);
    }
    static const char *const env[][2] = { { "HOME", "home" }, { "XDG_CONFIG_HOME", "config" },
                                          { "XDG_DATA_HOME", "data" }, { "XDG_STATE_HOME", "state" },
                                          { "XDG_CACHE_HOME", "cache" }, { "XDG_MUSIC_DIR", "music" } };
    for (size_t i = 0; i < sizeof env / sizeof env[0]; i++) {
        snprintf(dir, sizeof dir, "%s/%s", a->tmp, env[i][1]);
        setenv(env[i][0], dir, 1);
    }
    static const char *const music[] = { "Kinderlieder zum Tanzen und Ausruhen am Nachmittag mit Geschwistern",
                                         "Ruhige Musik", "Tanz" };
    for (size_t i = 0; i < sizeof music / sizeof music[0]; i++) {
        char file[4400];
        snprintf(dir, sizeof dir, "%s/music/%s", a->tmp, music[i]);
        mkdir(dir, 0700);
        for (int k = 0; k < 3; k++) {
            snprintf(file, sizeof file, "%s/%02d Lied.ogg", dir, k + 1);
            write_file(file, "");
        }
    }
    snprintf(a->music_dir, sizeof a->music_dir, "%s/music", a->tmp);
    snprintf(a->log_path, sizeof a->log_path, "%s/log.csv", a->tmp);
    snprintf(a->bad_plan, sizeof a->bad_plan, "%s/geschwister-spielzeit-am-nachmittag.plan", a->tmp);
    snprintf(a->sent_plan, sizeof a->sent_plan, "%s/von-der-kollegin-geschickt.plan", a->tmp);
    snprintf(dir, sizeof dir, "%s/config/safebase/plans/meine-lange-fassung.plan", a->tmp);
    bool ok = write_file(a->bad_plan,
                         "[plan]\ntitle = Geschwister\naudince = therapist\n[phase Ankommen]\nkind = settel\n"
                         "duration = zwanzig\nprompt_evry = 5s\n[phase]\nduration = 1m\n[phase Abschied]\nkind = close\n") &&
              write_file(a->sent_plan,
                         "[plan]\ntitle = Von der Kollegin: N\xC3\xA4he und Abstand in kleinen Schritten\n"
                         "audience = therapist\ndescription = Ein Plan, den jemand geschickt hat: N\xC3\xA4he, "
                         "kleine Trennungen, ein warmes Wiedersehen und ein ruhiger Abschied zum Schluss.\n"
                         "[phase Gemeinsam ankommen]\nkind = settle\nduration = 1m\n"
                         "[phase Abschied]\nkind = close\nduration = 1m\n") &&
              write_file(dir, "[plan]\ntitle = Besondere Spielzeit mit dem Geschwisterkind, eigene Fassung\n"
                              "audience = parent\n[phase Spielen]\nkind = play\nduration = 20m\n");
    settings_defaults(&a->settings);
    a->opts.display = -1;
    a->opts.volume_percent = -1;
    run_init(&a->run, &a->opts, &a->settings);
    ready_init(&a->ready);
    applog_open(&a->log, a->log_path, "Robin-Maximilian");
    a->ctx = (ready_ctx_t){ .cat = &a->cat, .run = &a->run, .log = &a->log, .menu_sel = 0 };
    return ok;
}

static void parts_close(app_parts_t *a)
{
    ready_free(&a->ready);
    applog_close(&a->log, 0);
    run_close(&a->run);
    catalog_free(&a->cat);
    nftw(a->tmp, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* Every banner of the messages in the language now, its %s, %d... filled with long words. */
static void make_banners(app_parts_t *a, const langpot_t *pot)
{
    a->nbanners = 0;
    for (int i = 0; i < pot->n && a->nbanners < LANGPOT_MAX; i++) {
        const langpot_msg_t *m = &pot->m[i];
        if (!m->banner || m->ctx)
            continue;
        const char *s = m->plural ? ngettext(m->id, m->plural, 3) : gettext(m->id);
        char *out = a->banners[a->nbanners++];
        size_t k = 0, size = sizeof a->banners[0];
        while (*s && k + 48 < size) {
            if (*s != '%') {
                out[k++] = *s++;
                continue;
            }
            s++;
            if (*s == '%') {
                out[k++] = *s++;
                continue;
            }
            while (*s && strchr("0123456789$.-+ #*'lhzjtqL", *s))
                s++;
            const char *fill = *s == 's' ? "Kinderlieder-zum-Tanzen.plan" : "3";
            k += (size_t)snprintf(out + k, size - k, "%s", fill);
            s += *s != '\0';
        }
        out[k] = '\0';
    }
}

/* ---- the screens ---- */

static void menu_screens(lab_t *lab, app_parts_t *a)
{
    menu_t m;
    menu_fill(&m, &a->cat);
    for (int pass = 0; pass < 2; pass++) {
        menu_choose(&m, pass ? m.count - 1 : 0);
        draw_overlay_t o = { .bg = draw_menu_colour(&lab->t->draw) };
        draw_t *d = frame(lab, "menu");
        draw_menu(d, m.items, m.count, m.sel, &o);
        applog_draw_hints(&a->log, SCREEN_MENU, d, &o);
        shot(lab, pass ? "last" : NULL);
        check_texts(lab, 0, NULL, true); /* (a title too long for its row ends in "…") */
    }
    /* the help over it: its own texts apart from one another */
    draw_overlay_t o = { .bg = draw_menu_colour(&lab->t->draw) };
    draw_t *d = frame(lab, "help");
    draw_menu(d, m.items, m.count, m.sel, &o);
    int under = lab->ntexts;
    o.help = true, o.help_level = 1;
    draw_overlays(d, &o);
    shot(lab, NULL);
    check_texts(lab, under, NULL, false);
}

static void ready_screens(lab_t *lab, app_parts_t *a)
{
    int sent = catalog_open_file(&a->cat, a->sent_plan, NULL, (char[600]){ 0 }, 600);
    CHECK(sent >= 0);
    for (int i = 0; i < a->cat.count; i++) {
        const catalog_entry_t *e = &a->cat.items[i];
        a->ctx.draw = &lab->t->draw;
        run_open(&a->run, e);
        ready_opened(&a->ready, &a->ctx, e);
        ready_separations(&a->ready, &a->ctx);
        draw_overlay_t o = { .bg = draw_menu_colour(&lab->t->draw) };
        draw_t *d = frame(lab, "ready");
        snprintf(lab->detail, sizeof lab->detail, "%s", e->id);
        ready_draw(&a->ready, &a->ctx, SCREEN_READY, d, &o);
        if (e == a->growing || e->opened)
            shot(lab, e->id);
        check_texts(lab, 0, NULL, false);
        /* its layout, with the same lines and buttons */
        draw_ready_t v = { .music = a->ready.music_line, .client = a->ready.client_line,
                           .buttons = { _("Adjust  E"), _("Music  M"), _("Client  N"), e->opened ? _("Keep  K") : NULL } };
        v.nbuttons = e->opened ? 4 : 3;
        draw_ready_layout_t l;
        draw_ready_layout(d, a->run.plan, &v, &l);
        SDL_Rect all[DRAW_READY_LINES + 2 + DRAW_READY_BUTTONS];
        int n = 0, u = lab->t->w < lab->t->h ? lab->t->w : lab->t->h;
        for (int k = 0; k < DRAW_READY_LINES; k++)
            all[n++] = l.line[k];
        all[n++] = l.start, all[n++] = l.keys;
        CHECK_EQ_INT(l.nbuttons, v.nbuttons);
        for (int k = 0; k < l.nbuttons; k++) {
            all[n++] = l.button[k];
            CHECK(l.button[k].h >= 48 && l.button[k].h >= u * 8 / 100);
        }
        CHECK(l.line[0].w > 0 && l.start.w > 0);
        check_boxes(lab, all, n, "lines and buttons");
    }
    run_close(&a->run);
}

/* The session screen of plan with view v (changed here and there), checked. */
static void session_frame(lab_t *lab, const plan_t *plan, const session_view_t *v, const draw_session_opts_t *so,
                          const char *banner, const char *tag)
{
    draw_overlay_t o = { .bg = draw_phase_colour(&lab->t->draw, v->kind), .banner = banner,
                         .dim = v->paused ? 1 : 0 };
    draw_t *d = frame(lab, banner ? "banner-session" : "session");
    snprintf(lab->detail, sizeof lab->detail, "%s%s%s%s%s %.40s", phase_kind_name(v->kind), v->paused ? ", paused" : "",
             v->ending_soon ? ", ending soon" : "", so->child_view ? ", child view" : "",
             so->hide_time ? ", time hidden" : "", banner ? banner : "");
    lab->banner = banner;
    draw_invalidate(d);
    draw_session(d, plan, v, so, &o);
    if (tag)
        shot(lab, tag);
    check_texts(lab, 0, NULL, false);
    const layout_t *l = &d->layout;
    SDL_Rect all[LAYOUT_TEXT_COUNT + 3];
    int n = 0;
    for (int i = 0; i < LAYOUT_TEXT_COUNT; i++)
        if (l->shown[i] && i != LAYOUT_BANNER)
            all[n++] = (SDL_Rect){ l->box[i].x, l->box[i].y, l->box[i].w, l->box[i].h };
    layout_rect_t disk = layout_disk_box(l);
    all[n++] = (SDL_Rect){ disk.x, disk.y, disk.w, disk.h };
    all[n++] = (SDL_Rect){ l->progress.x, l->progress.y, l->progress.w, l->progress.h };
    all[n++] = (SDL_Rect){ l->banner_panel.x, l->banner_panel.y, l->banner_panel.w, l->banner_panel.h };
    check_boxes(lab, all, n, "texts, disk, bar and banner");
    CHECK(l->shown[LAYOUT_PROMPT] == (!v->paused && !so->child_view && v->prompt && *v->prompt));
    CHECK(!banner || l->shown[LAYOUT_BANNER]);
}

static void session_screens(lab_t *lab, app_parts_t *a)
{
    const plan_t *plan = &a->longest_title->plan;
    session_t s;
    session_init(&s, plan);
    session_cues_t cues;
    session_update(&s, 0, INPUT_START, &cues);
    session_update(&s, 1500, INPUT_NONE, &cues);
    session_view_t v0;
    session_view(&s, 1500, &v0);
    v0.phase_remaining_ms = 3599000; /* "59:59" */
    for (int k = 0; k < PHASE_KIND_COUNT; k++) {
        if (!a->longest_name[k])
            continue;
        session_view_t v = v0;
        v.kind = (phase_kind_t)k;
        v.phase_name = a->longest_name[k];
        v.prompt = a->longest_prompt;
        v.round = 2, v.rounds = 3;
        draw_session_opts_t so = { .disk_remaining = 0.6, .breath = k == PHASE_SETTLE ? 0.5 : -1 };
        session_frame(lab, plan, &v, &so, NULL, k == PHASE_SEPARATE ? "separate" : NULL);
        v.ending_soon = true;
        so.ending = 1;
        session_frame(lab, plan, &v, &so, NULL, k == PHASE_CLOSE ? "ending" : NULL);
        v.paused = true;
        session_frame(lab, plan, &v, &so, NULL, k == PHASE_CLOSE ? "paused" : NULL);
        v.paused = false;
        so.child_view = true;
        session_frame(lab, plan, &v, &so, NULL, NULL);
        so.child_view = false;
        so.hide_time = true;
        session_frame(lab, plan, &v, &so, NULL, NULL);
    }
    session_view_t v = v0;
    v.prompt = a->longest_prompt;
    draw_session_opts_t so = { .disk_remaining = 0.6, .breath = -1 };
    for (int i = 0; i < a->nbanners; i++)
        session_frame(lab, plan, &v, &so, a->banners[i], NULL);
    v.paused = true;
    so.breath = -1;
    session_frame(lab, plan, &v, &so, a->banners[0], NULL);
}

static void end_screens(lab_t *lab, app_parts_t *a)
{
    const plan_t *plan = &a->longest_title->plan;
    session_t s;
    session_cues_t cues;
    static const char note[] = "Ist heute bis zur T\xC3\xBCr gegangen, hat sich umgedreht, gewunken und ist lachend "
                               "zur\xC3\xBC" "ckgekommen; danach wollte es noch lange auf dem Scho\xC3\x9F sitzen und "
                               "erz\xC3\xA4hlen, was es drau\xC3\x9F" "en gesehen hat. Gut.";
    for (int pass = 0; pass < 4; pass++) {
        session_init(&s, plan);
        session_update(&s, 0, INPUT_START, &cues);
        if (pass % 2) { /* to its end */
            for (int64_t t = 500; s.outcome != OUTCOME_COMPLETED && t < plan_total_ms(plan) + 60000; t += 500)
                session_update(&s, t, INPUT_NONE, &cues);
            CHECK(s.outcome == OUTCOME_COMPLETED);
        } else {
            session_update(&s, 65000, INPUT_END, &cues);
        }
        endscreen_t es;
        endscreen_begin(&es, pass < 3, 0);
        if (pass >= 1)
            es.rating = 4;
        if (pass == 2)
            snprintf(es.note, sizeof es.note, "%.*s", RECORD_MAX_NOTE - 4, note);
        es.saved = pass == 3;
        draw_overlay_t o = { .bg = draw_menu_colour(&lab->t->draw) };
        draw_t *d = frame(lab, "end");
        endscreen_draw(d, &es, plan, &s, &o);
        if (pass == 2)
            shot(lab, NULL);
        check_texts(lab, 0, NULL, false);
        if (pass == 0) /* and a banner over it */
            for (int i = 0; i < a->nbanners; i++) {
                o.banner = a->banners[i];
                d = frame(lab, "banner-end");
                snprintf(lab->detail, sizeof lab->detail, "%.60s", a->banners[i]);
                lab->banner = a->banners[i], lab->covers = true;
                endscreen_draw(d, &es, plan, &s, &o);
                check_texts(lab, 0, NULL, false);
            }
    }
}

static void key_event(SDL_Event *e, SDL_Scancode code)
{
    memset(e, 0, sizeof *e);
    e->type = SDL_KEYDOWN;
    e->key.keysym.scancode = code;
}

static void history_screens(lab_t *lab, app_parts_t *a)
{
    SDL_Event e;
    app_request_t req = { 0 };
    key_event(&e, SDL_SCANCODE_H);
    CHECK(applog_event(&a->log, SCREEN_MENU, &e, ACT_NONE, 0, 0, &lab->t->draw, 0, &req));
    CHECK(req.set_screen && req.screen == SCREEN_HISTORY);
    static const char *const names[] = { "", NULL }; /* the plans' names are cut with "…" (a list) */
    for (int pass = 0; pass < 3; pass++) {
        draw_overlay_t o = { .bg = draw_menu_colour(&lab->t->draw) };
        draw_t *d = frame(lab, "history");
        applog_draw(&a->log, &a->run, SCREEN_HISTORY, d, &o);
        shot(lab, a->log.history_client >= 0 ? a->log.clients[a->log.history_client] : NULL);
        check_texts(lab, 0, names, true);
        key_event(&e, SDL_SCANCODE_TAB); /* one client, then the next */
        applog_event(&a->log, SCREEN_HISTORY, &e, ACT_NONE, 0, 0, &lab->t->draw, 0, &req);
    }
    applog_event(&a->log, SCREEN_HISTORY, &(SDL_Event){ .type = SDL_USEREVENT }, ACT_ESCAPE, 0, 0, &lab->t->draw, 0,
                 &req);
    CHECK(a->log.history.h == NULL);
}

/* A form's layout: every box inside and apart, buttons a finger's size, the chosen row shown. */
static void check_form_layout(lab_t *lab, const draw_form_t *f)
{
    draw_form_layout_t l;
    draw_form_layout(&lab->t->draw, f, &l);
    SDL_Rect all[DRAW_FORM_ROWS_SHOWN * 2 + DRAW_FORM_MAX_BUTTONS + 8];
    int n = 0, u = lab->t->w < lab->t->h ? lab->t->w : lab->t->h;
    all[n++] = l.title, all[n++] = l.subtitle, all[n++] = l.field, all[n++] = l.field_note, all[n++] = l.side;
    all[n++] = l.hint, all[n++] = l.more_up, all[n++] = l.more_down;
    for (int k = 0; k < l.shown; k++)
        all[n++] = l.row[k];
    for (int i = 0; i < l.nbuttons; i++) {
        all[n++] = l.button[i];
        CHECK(l.button[i].h >= 48 && l.button[i].h >= u * 8 / 100);
    }
    check_boxes(lab, all, n, "rows, panel and buttons");
    for (int k = 0; k < l.shown; k++) {
        SDL_Rect in[2] = { l.label[k], l.value[k] };
        check_boxes(lab, in, 2, "a row's label and value");
    }
    if (f->count > 0 && f->sel >= 0)
        CHECK(l.first <= f->sel && f->sel < l.first + l.shown);
    if (f->nside > 0)
        CHECK(l.side_shown > 0 && l.side_index[l.side_shown - 1] == f->nside - 1);
}

static void form_frame(lab_t *lab, app_parts_t *a, screen_t screen, const char *name, const char *const *cut_ok,
                       const char *banner, const char *tag)
{
    draw_form_t f;
    CHECK(ready_form(&a->ready, screen, &f));
    draw_overlay_t o = { .bg = draw_menu_colour(&lab->t->draw), .banner = banner };
    draw_t *d = frame(lab, banner ? "banner-form" : name);
    snprintf(lab->detail, sizeof lab->detail, "%s %.60s", name, banner ? banner : "");
    lab->banner = banner, lab->covers = true;
    draw_form(d, &f, &o);
    if (tag)
        shot(lab, tag);
    check_texts(lab, 0, cut_ok, screen == SCREEN_ADJUST); /* (the plan's panel may end in "…") */
    if (!banner)
        check_form_layout(lab, &f);
}

static void form_screens(lab_t *lab, app_parts_t *a)
{
    char why[600];
    a->ctx.draw = &lab->t->draw;
    for (int i = 0; i < a->cat.count; i++) { /* Adjust, on its first row and its last */
        const catalog_entry_t *e = &a->cat.items[i];
        if (!adjust_open(&a->ready.adjust, e, why, sizeof why)) {
            CHECK(!"Adjust opens");
            fprintf(stderr, "  %s: %s\n", e->id, why);
            continue;
        }
        form_frame(lab, a, SCREEN_ADJUST, "adjust", NULL, NULL, e == a->growing ? "first" : NULL);
        for (int k = 0; k < PLANEDIT_ROW_KINDS; k++)
            adjust_action(&a->ready.adjust, ACT_DOWN, 0, 0, &lab->t->draw);
        form_frame(lab, a, SCREEN_ADJUST, "adjust", NULL, NULL, e == a->growing ? "last" : NULL);
        if (e == a->growing)
            for (int b = 0; b < a->nbanners; b++)
                form_frame(lab, a, SCREEN_ADJUST, "adjust", NULL, a->banners[b], NULL);
        adjust_close(&a->ready.adjust);
    }
    /* the music: its folders' names are the user's (a list: they may be cut) */
    const char *recent[] = { "/home/robin/Musik/Kinderlieder zum Tanzen und Ausruhen am Nachmittag" };
    static const char *const names[] = { "Kinderlieder", NULL };
    CHECK(chooser_open(&a->ready.chooser, a->music_dir, recent, 1, "builtin"));
    char done_why[320];
    for (int wait = 0; wait < 500 && !musiclib_done(a->ready.chooser.lib, done_why, sizeof done_why); wait++)
        SDL_Delay(10);
    chooser_poll(&a->ready.chooser, 1000000);
    CHECK_EQ_INT(a->ready.chooser.nrows, 2 + 1 + 3);
    form_frame(lab, a, SCREEN_MUSIC, "music", names, NULL, "first");
    for (int k = 0; k < 8; k++)
        chooser_action(&a->ready.chooser, ACT_DOWN, 0, 0, &lab->t->draw);
    form_frame(lab, a, SCREEN_MUSIC, "music", names, NULL, NULL);
    chooser_close(&a->ready.chooser);
    /* the client: empty, then typed too long (a note says so); the field shows its end */
    char known[400];
    snprintf(known, sizeof known, _("Type a pseudonym. %d used before: Tab on the ready screen"), 2);
    namefield_open(&a->ready.name, known, NULL);
    form_frame(lab, a, SCREEN_CLIENT, "client", NULL, NULL, NULL);
    SDL_Event e = { .type = SDL_TEXTINPUT };
    static const char *const typed[] = { "Robin-Maximilian von ", "der J\xC3\xBCngere ", "Hohenzollern-Sigmaringen" };
    for (size_t k = 0; k < sizeof typed / sizeof typed[0]; k++) {
        snprintf(e.text.text, sizeof e.text.text, "%s", typed[k]);
        namefield_event(&a->ready.name, &e, ACT_NONE, 0, 0, &lab->t->draw);
    }
    CHECK(a->ready.name.note[0] != '\0');
    static const char *const field[] = { "Robin-Maximilian", NULL };
    form_frame(lab, a, SCREEN_CLIENT, "client", field, NULL, "typed");
    SDL_StopTextInput();
    /* a plan with mistakes, on its first and its last */
    app_request_t req = { 0 };
    ready_open_file(&a->ready, &a->ctx, a->bad_plan, false, &req);
    CHECK(req.set_screen && req.screen == SCREEN_PROBLEMS);
    form_frame(lab, a, SCREEN_PROBLEMS, "problems", NULL, NULL, "first");
    for (int k = 0; k < PLAN_MAX_ERRORS; k++)
        ready_event(&a->ready, &a->ctx, SCREEN_PROBLEMS, &(SDL_Event){ .type = SDL_USEREVENT }, ACT_DOWN, 0, 0, &req);
    form_frame(lab, a, SCREEN_PROBLEMS, "problems", NULL, NULL, NULL);
}

/* The banners over the ready screen of the plan with growing separations. */
static void ready_banners(lab_t *lab, app_parts_t *a)
{
    const catalog_entry_t *e = a->growing ? a->growing : &a->cat.items[0];
    a->ctx.draw = &lab->t->draw;
    run_open(&a->run, e);
    ready_opened(&a->ready, &a->ctx, e);
    ready_separations(&a->ready, &a->ctx);
    for (int i = 0; i < a->nbanners; i++) {
        draw_overlay_t o = { .bg = draw_menu_colour(&lab->t->draw), .banner = a->banners[i] };
        draw_t *d = frame(lab, "banner-ready");
        snprintf(lab->detail, sizeof lab->detail, "%.60s", a->banners[i]);
        lab->banner = a->banners[i], lab->covers = true;
        ready_draw(&a->ready, &a->ctx, SCREEN_READY, d, &o);
        check_texts(lab, 0, NULL, false);
    }
    run_close(&a->run);
}

static void screens_at(lab_t *lab, app_parts_t *a, int w, int h)
{
    target_t t;
    if (!target_open(&t, w, h)) {
        CHECK(!"a software target with the font");
        return;
    }
    lab->t = &t;
    menu_screens(lab, a);
    ready_screens(lab, a);
    ready_banners(lab, a);
    session_screens(lab, a);
    end_screens(lab, a);
    history_screens(lab, a);
    form_screens(lab, a);
    lab->t = NULL;
    target_close(&t);
}

/* ---- the languages, one after the other ---- */

static int languages(language_t *out, int max, const langpot_t *pot, const char *tmp)
{
    int n = 0;
    out[n++] = (language_t){ .name = "en", .dir = SAFEBASE_BUILD_LOCALE };
    FILE *f = fopen(LINGUAS, "r");
    char line[64];
    while (f && n < max - 1 && fgets(line, sizeof line, f)) {
        line[strcspn(line, " \t\r\n#")] = '\0';
        if (!line[0])
            continue;
        language_t *l = &out[n];
        *l = (language_t){ .dir = SAFEBASE_BUILD_LOCALE };
        snprintf(l->code, sizeof l->code, "%.15s", line);
        snprintf(l->name, sizeof l->name, "%.15s", line);
        snprintf(l->plans, sizeof l->plans, "%.15s", line);
        char mo[4200];
        snprintf(mo, sizeof mo, "%s/%s/LC_MESSAGES/safebase.mo", l->dir, l->code);
        if (!find_locale(l->code, l->locale, sizeof l->locale))
            printf("skipped %s: no UTF-8 locale of it is installed (locale -a; tools/setup.sh makes them)\n", l->code);
        else if (access(mo, R_OK) != 0)
            printf("skipped %s: no %s (is the build's translations target built?)\n", l->code, mo);
        else
            n++;
    }
    if (f)
        fclose(f);
    char mo[4200];
    snprintf(mo, sizeof mo, "%s/locale/de/LC_MESSAGES/safebase.mo", tmp);
    language_t *l = &out[n];
    *l = (language_t){ .code = "de", .name = "de+40%", .plans = "de", .made_up = true };
    snprintf(l->dir, sizeof l->dir, "%s/locale", tmp);
    if (!find_locale("de", l->locale, sizeof l->locale))
        printf("skipped the longer German: no German UTF-8 locale is installed\n");
    else if (!langpot_write_mo(pot, mo))
        printf("skipped the longer German: cannot write %s\n", mo);
    else
        n++;
    setlocale(LC_MESSAGES, "C.UTF-8");
    return n;
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return 1;
    }
    static langpot_t pot;
    const char *pot_path = getenv("SAFEBASE_POT") ? getenv("SAFEBASE_POT") : POT; /* (a fresher extraction) */
    CHECK(langpot_read(&pot, pot_path));
    static app_parts_t a;
    CHECK(parts_open(&a));
    language_t langs[16];
    int nlangs = languages(langs, 16, &pot, a.tmp), real = 0;
    for (int i = 1; i < nlangs; i++)
        real += !langs[i].made_up;
    CHECK(real >= 1); /* a language of po/LINGUAS besides English ran (not only the made-up one) */
    if (real < 1)
        fprintf(stderr, "no language of po/LINGUAS could run (see the lines above): only English was checked\n");
    lab_t lab = { .texts = calloc(MAX_TEXTS, sizeof(text_drawn_t)) };
    if (!lab.texts)
        return 1;
    for (int i = 0; i < nlangs; i++) {
        int frames = lab.frames, before = check_failed;
        lab.lang = &langs[i];
        use_language(&langs[i]);
        load_plans(&a, &langs[i]);
        write_log(&a);
        make_banners(&a, &pot);
        for (int s = 0; s < NSIZES; s++)
            screens_at(&lab, &a, sizes[s][0], sizes[s][1]);
        printf("%s: %d of %d messages translated, %d banners, %d frames%s\n", langs[i].name, translated(&pot),
               pot.n, a.nbanners, lab.frames - frames, check_failed == before ? "" : " (with failures)");
    }
    printf("%d screens x %d sizes x %d languages: %d frames, %d text and layout boxes checked (%d pairs), "
           "%d list titles cut by design, %d frames failed\n",
           lab.nscreens, NSIZES, nlangs, lab.frames, lab.boxes, lab.pairs, lab.list_cuts, lab.failed_frames);
    free(lab.texts);
    parts_close(&a);
    langpot_free(&pot);
    SDL_Quit();
    return check_summary();
}
