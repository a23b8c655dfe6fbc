/* Tests of UTF-8 checking and of editing the end screen's note: Backspace takes a whole
 * character, typing stops at the cap without cutting a character, controls are dropped. */
#include "check.h"
#include "core/base/utf8.h"

static void test_check(void)
{
    CHECK_EQ_INT(utf8_check("plain", 5), 5);
    CHECK_EQ_INT(utf8_check("Zo\xC3\xAB \xE2\x98\x85 \xF0\x9F\x8C\xB1", 13), 13);
    CHECK_EQ_INT(utf8_check("ab\xC3", 3), 2);               /* cut short */
    CHECK_EQ_INT(utf8_check("ab\xC0\xAF", 4), 2);           /* overlong */
    CHECK_EQ_INT(utf8_check("\xED\xA0\x80", 3), 0);         /* a surrogate */
    CHECK_EQ_INT(utf8_check("x\xF4\x90\x80\x80", 5), 1);    /* past U+10FFFF */
    CHECK_EQ_INT(utf8_check("x\xFF", 2), 1);
}

static void test_edit(void)
{
    char note[12] = "";
    CHECK(utf8_append(note, sizeof note, "Zo\xC3\xAB"));
    CHECK_EQ_STR(note, "Zo\xC3\xAB");
    CHECK_EQ_INT(utf8_backspace(note), 2); /* the whole ë */
    CHECK_EQ_STR(note, "Zo");
    CHECK(utf8_append(note, sizeof note, "\xF0\x9F\x8C\xB1"));
    CHECK_EQ_INT(utf8_backspace(note), 2); /* a 4-byte character */
    CHECK(utf8_append(note, sizeof note, "a\tb\x01\x7F\xFF" "c"));
    CHECK_EQ_STR(note, "Zoabc");           /* controls and bad bytes dropped */
    CHECK(!utf8_append(note, sizeof note, "defgh\xE2\x98\x85"));
    CHECK_EQ_STR(note, "Zoabcdefgh");      /* the star would not fit whole: not cut */
    CHECK(utf8_check(note, strlen(note)) == strlen(note));
    char empty[4] = "";
    CHECK_EQ_INT(utf8_backspace(empty), 0);
}

static void test_copy(void)
{
    char buf[6];
    CHECK_EQ_STR(utf8_copy(buf, sizeof buf, "abc"), "abc");
    CHECK_EQ_STR(utf8_copy(buf, sizeof buf, "abcdefg"), "abcde");            /* cut to fit */
    CHECK_EQ_STR(utf8_copy(buf, sizeof buf, "abcd\xC3\xA9"), "abcd");        /* never half an é */
    CHECK_EQ_STR(utf8_copy(buf, sizeof buf, "\xE2\x98\x85\xE2\x98\x85"), "\xE2\x98\x85");
    char one[1];
    CHECK_EQ_STR(utf8_copy(one, sizeof one, "abc"), "");
}

int main(void)
{
    test_check();
    test_edit();
    test_copy();
    return check_summary();
}
