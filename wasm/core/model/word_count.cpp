// word_count.cpp — see word_count.h.
#include "word_count.h"

#include "char_class.h"
#include "utf8.h"

namespace galley {
namespace {

size_t countBlockWords(const Block& b) {
    size_t n = countWords(b.text.text) + countWords(b.attribution.text) + countWords(b.caption.text)
        + countWords(b.credit.text);
    for (const ListItem& item : b.items) {
        n += countWords(item.text.text);
        for (const Block& inner : item.blocks) n += countBlockWords(inner);
    }
    for (const auto& row : b.rows) {
        for (const TableCell& cell : row) n += countWords(cell.text.text);
    }
    return n;
}

}  // namespace

size_t countWords(std::string_view text) {
    size_t words = 0;
    bool inWord = false;     // a letter or digit since the last space
    for (size_t i = 0; i < text.size();) {
        const uint32_t c = utf8::next(text, i);
        if (chars::isHanOrKana(c)) {   // written without spaces: a character is read about as fast as a word
            ++words;
            inWord = false;
        } else if (chars::isSpace(c) || c == HardLineBreak) {
            inWord = false;
        } else if (!inWord && chars::isLetterOrDigit(c)) {
            ++words;
            inWord = true;
        }
    }
    return words;
}

size_t countWords(const Article& article) {
    size_t n = countWords(article.title) + countWords(article.subtitle);
    for (const Block& b : article.blocks) n += countBlockWords(b);
    for (const Note& note : article.notes) n += countWords(note.text.text);
    return n;
}

}  // namespace galley
