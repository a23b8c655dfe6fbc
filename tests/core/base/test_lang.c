/* Tests of choosing the user's languages as gettext does: LANGUAGE over LC_ALL over
 * LC_MESSAGES over LANG, "C"/"POSIX" meaning English and silencing LANGUAGE, the codes of each
 * entry most specific first, and entries that cannot name a folder safely skipped. The cases
 * marked (glibc) were checked against glibc 2.36's gettext (strerror with libc-l10n). */
#include "check.h"
#include "core/base/lang.h"

/* The list joined with spaces ("" when empty), for one-line checks. */
static const char *joined(const char *language, const char *lc_all, const char *lc_messages, const char *lang)
{
    static char buf[LANG_MAX * LANG_CODE_MAX];
    lang_list_t l;
    int n = lang_choose(language, lc_all, lc_messages, lang, &l);
    CHECK_EQ_INT(n, l.count);
    buf[0] = '\0';
    for (int i = 0; i < l.count; i++) {
        if (i)
            strcat(buf, " ");
        strcat(buf, l.code[i]);
    }
    return buf;
}

static void test_locale_alone(void)
{
    CHECK_EQ_STR(joined(NULL, NULL, NULL, "de_DE.UTF-8"), "de_DE de");        /* (glibc) */
    CHECK_EQ_STR(joined(NULL, NULL, NULL, "fr_FR.utf8"), "fr_FR fr");
    CHECK_EQ_STR(joined(NULL, NULL, NULL, "es"), "es");
    CHECK_EQ_STR(joined(NULL, NULL, NULL, "pt_BR"), "pt_BR pt");
    CHECK_EQ_STR(joined(NULL, NULL, NULL, "sr_RS.UTF-8@latin"), "sr_RS@latin sr@latin sr_RS sr");
    CHECK_EQ_STR(joined(NULL, NULL, NULL, "ca_ES@valencia"), "ca_ES@valencia ca@valencia ca_ES ca");
    CHECK_EQ_STR(joined(NULL, NULL, NULL, "en_US.UTF-8"), "en_US en"); /* no such folders: English */
}

static void test_order(void)
{
    /* LC_ALL over LC_MESSAGES over LANG; an empty value counts as unset (glibc) */
    CHECK_EQ_STR(joined(NULL, "fr_FR.UTF-8", "es_ES.UTF-8", "de_DE.UTF-8"), "fr_FR fr");
    CHECK_EQ_STR(joined(NULL, NULL, "es_ES.UTF-8", "de_DE.UTF-8"), "es_ES es");
    CHECK_EQ_STR(joined(NULL, "", "es_ES.UTF-8", "de_DE.UTF-8"), "es_ES es");
    CHECK_EQ_STR(joined("", "", "", "de_DE.UTF-8"), "de_DE de");
    /* LANGUAGE over all of them (glibc) */
    CHECK_EQ_STR(joined("fr", NULL, NULL, "de_DE.UTF-8"), "fr");
    CHECK_EQ_STR(joined("fr", "es_ES.UTF-8", NULL, "de_DE.UTF-8"), "fr");
    CHECK_EQ_STR(joined("pt_BR:es", NULL, NULL, "de_DE.UTF-8"), "pt_BR pt es");
    CHECK_EQ_STR(joined("es_ES.UTF-8", NULL, NULL, "fr_FR.UTF-8"), "es_ES es");
    /* the locale is not added after LANGUAGE's list (glibc: LANGUAGE=de_AT, LANG=fr_FR: German) */
    CHECK_EQ_STR(joined("de_AT", NULL, NULL, "fr_FR.UTF-8"), "de_AT de");
    /* "en" is tried like any other (no en folder: the next one, as gettext does; glibc) */
    CHECK_EQ_STR(joined("en:es", NULL, NULL, "de_DE.UTF-8"), "en es");
    /* empty entries skipped; repeats not repeated */
    CHECK_EQ_STR(joined("de::fr:", NULL, NULL, "de_DE.UTF-8"), "de fr");
    CHECK_EQ_STR(joined("de_DE:de_AT:de", NULL, NULL, "de_DE.UTF-8"), "de_DE de de_AT");
}

static void test_c_and_posix(void)
{
    /* no locale at all, or "C"/"POSIX": English, and LANGUAGE is ignored (glibc) */
    CHECK_EQ_STR(joined(NULL, NULL, NULL, NULL), "");
    CHECK_EQ_STR(joined("fr", NULL, NULL, NULL), "");
    CHECK_EQ_STR(joined("fr", NULL, NULL, "C"), "");
    CHECK_EQ_STR(joined("fr", NULL, NULL, "POSIX"), "");
    CHECK_EQ_STR(joined("fr", "C", NULL, "de_DE.UTF-8"), "");
    CHECK_EQ_STR(joined("fr", NULL, "C", "de_DE.UTF-8"), "");
    /* C.UTF-8 is not "C": LANGUAGE counts (glibc), but alone it is English */
    CHECK_EQ_STR(joined("fr", NULL, NULL, "C.UTF-8"), "fr");
    CHECK_EQ_STR(joined(NULL, NULL, NULL, "C.UTF-8"), "");
    /* an entry "C" or "POSIX" ends LANGUAGE's list (glibc: LANGUAGE=C:es is English) */
    CHECK_EQ_STR(joined("C:es", NULL, NULL, "de_DE.UTF-8"), "");
    CHECK_EQ_STR(joined("de:POSIX:es", NULL, NULL, "de_DE.UTF-8"), "de");
    CHECK_EQ_STR(joined("C.UTF-8:es", NULL, NULL, "de_DE.UTF-8"), "es");
    /* LANGUAGE of only colons: nothing to try, English (glibc) */
    CHECK_EQ_STR(joined(":", NULL, NULL, "fr_FR.UTF-8"), "");
}

static void test_unsafe_skipped(void)
{
    /* codes become folder names: nothing that could leave the plans folder */
    CHECK_EQ_STR(joined("../../etc:de", NULL, NULL, "de_DE.UTF-8"), "de");
    CHECK_EQ_STR(joined("de/x:fr", NULL, NULL, "de_DE.UTF-8"), "fr");
    CHECK_EQ_STR(joined(NULL, NULL, NULL, "../x"), "");
    CHECK_EQ_STR(joined(".de:_de:de_:de@:fr", NULL, NULL, "de_DE.UTF-8"), "fr");
    CHECK_EQ_STR(joined("de_D/E:es", NULL, NULL, "de_DE.UTF-8"), "es");
    CHECK_EQ_STR(joined("sr@lat/in:es", NULL, NULL, "de_DE.UTF-8"), "es");
    CHECK_EQ_STR(joined("abcdefghijklmnopq:es", NULL, NULL, "de_DE.UTF-8"), "es"); /* too long */
    CHECK_EQ_STR(joined("de \xC3\xA4:es", NULL, NULL, "de_DE.UTF-8"), "es");
    /* the codeset may be anything: it is dropped */
    CHECK_EQ_STR(joined("de_DE.ISO-8859-15@euro", NULL, NULL, "de_DE.UTF-8"), "de_DE@euro de@euro de_DE de");
}

static void test_full_list(void)
{
    char many[LANG_MAX * 8] = "";
    for (int i = 0; i < LANG_MAX + 4; i++) {
        char one[8];
        snprintf(one, sizeof one, "%s%c%c", i ? ":" : "", 'a' + i / 26, 'a' + i % 26);
        strcat(many, one);
    }
    lang_list_t l;
    CHECK_EQ_INT(lang_choose(many, NULL, NULL, "de_DE.UTF-8", &l), LANG_MAX);
    CHECK_EQ_STR(l.code[0], "aa");
    CHECK_EQ_STR(l.code[LANG_MAX - 1], "ap");
}

int main(void)
{
    test_locale_alone();
    test_order();
    test_c_and_posix();
    test_unsafe_skipped();
    test_full_list();
    return check_summary();
}
