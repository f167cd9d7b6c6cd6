// The words a reading time is figured from (word_count.h): runs between spaces with a letter or digit in them, and
// each Han or kana character.
#include "word_count.h"

#include <gtest/gtest.h>

using namespace galley;

TEST(WordCount, RunsBetweenSpacesThatHoldALetterOrDigit) {
    EXPECT_EQ(countWords(""), 0u);
    EXPECT_EQ(countWords("   \n\t"), 0u);
    EXPECT_EQ(countWords("One two  three"), 3u);
    EXPECT_EQ(countWords("well-known, don’t — it’s 1999 & so on."), 6u);   // the dash and ampersand are none
    EXPECT_EQ(countWords("“Quoted.” (Parenthesised)"), 2u);
    EXPECT_EQ(countWords("a\u2028b\u00A0c\u3000d"), 4u);   // line separator, no-break and ideographic spaces
    EXPECT_EQ(countWords("Съешь же ещё этих мягких"), 5u);
    EXPECT_EQ(countWords("مرحبا بالعالم"), 2u);
    EXPECT_EQ(countWords("한국어 텍스트"), 2u);          // Hangul is written with spaces
}

TEST(WordCount, EachHanOrKanaCharacterIsAWord) {
    EXPECT_EQ(countWords("中文排版"), 4u);
    EXPECT_EQ(countWords("日本語のテキスト。"), 8u);      // the full stop is none
    EXPECT_EQ(countWords("用HarfBuzz塑形"), 4u);          // the Latin word between them is one
    EXPECT_EQ(countWords("・"), 0u);                        // the katakana middle dot is punctuation
}

TEST(WordCount, EveryPartOfTheArticleThatIsRead) {
    Article a;
    a.title = "A title";                                      // 2
    a.subtitle = "and its dek";                               // 3
    Block p; p.text.text = "Body text here.";                 // 3
    Block quote; quote.type = BlockType::Quote;
    quote.text.text = "To be"; quote.attribution.text = "Someone";   // 3
    Block image; image.type = BlockType::Image; image.alt = "not read aloud as text";
    image.caption.text = "A caption"; image.credit.text = "Photo: X";  // 4
    Block list; list.type = BlockType::List;
    ListItem item; item.text.text = "first item";             // 2
    Block inner; inner.text.text = "inner paragraph";         // 2
    item.blocks.push_back(inner);
    list.items.push_back(item);
    Block table; table.type = BlockType::Table;
    table.rows = {{TableCell{{"Cell one", {}}}, TableCell{{"2", {}}}}};  // 3
    Block code; code.type = BlockType::Code; code.text.text = "int x = 1;";  // 3
    a.blocks = {p, quote, image, list, table, code};
    a.notes.push_back(Note{"n1", {"A note.", {}}});          // 2
    a.authors.push_back(Author{"Ada Example", "", ""});       // the byline: not counted
    EXPECT_EQ(countWords(a), 2u + 3 + 3 + 3 + 4 + 4 + 3 + 3 + 2);
}
