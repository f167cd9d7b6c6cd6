#include "utf8.h"

#include <gtest/gtest.h>

using namespace galley;

TEST(Utf8, AcceptsValidText) {
    EXPECT_EQ(utf8::findInvalid("plain ascii"), std::string_view::npos);
    EXPECT_EQ(utf8::findInvalid("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80"), std::string_view::npos);
}

TEST(Utf8, RejectsMalformedSequences) {
    EXPECT_EQ(utf8::findInvalid("ab\xFF"), 2u);                 // never a lead byte
    EXPECT_EQ(utf8::findInvalid("\xC0\xAF"), 0u);               // overlong '/'
    EXPECT_EQ(utf8::findInvalid("x\xED\xA0\x80"), 1u);          // UTF-16 surrogate
    EXPECT_EQ(utf8::findInvalid("\xF4\x90\x80\x80"), 0u);       // past U+10FFFF
    EXPECT_EQ(utf8::findInvalid("ok\xE2\x80"), 2u);             // truncated
}

TEST(Utf8, CountsAndOffsetsCodePoints) {
    std::string s = "a\xC3\xA9\xE2\x80\x94z";  // a é — z
    EXPECT_EQ(utf8::countCodePoints(s), 4u);
    EXPECT_EQ(utf8::byteOffset(s, 2), 3u);
    EXPECT_EQ(utf8::byteOffset(s, 9), s.size());
    size_t i = 1;
    EXPECT_EQ(utf8::next(s, i), 0xE9u);
    EXPECT_EQ(i, 3u);
    std::string out;
    utf8::append(out, 0x1F600);
    EXPECT_EQ(out, "\xF0\x9F\x98\x80");
}
