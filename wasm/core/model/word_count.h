// word_count.h — how many words an article holds, for its reading time ("4 min read"). The page shows that from the
// first frame on, before any text layer exists, so the count comes from the model, not from laid-out lines.
//
// A word is a run of text between spaces that holds a letter or a digit (a dash or an ampersand alone is none;
// "well-known" and "don't" are one). Han and kana text has no spaces: there each character counts as a word, which
// reads Chinese at the page's 230 words a minute close to its measured 255 characters a minute (IReST, Trauzettel-
// Klosinski et al. 2012; Japanese 357, so its reading time comes out longer than it is). Thai and Lao, also
// written without spaces between words, count the phrases between their spaces: fewer words than they hold.
//
// Counted: the title and dek, every block's text (attributions, captions and credits, list items, table cells and
// code too) and the notes. Not counted: the byline, alt text, embeds' titles.
#pragma once

#include <cstddef>
#include <string_view>

#include "model.h"

namespace galley {

size_t countWords(std::string_view text);
size_t countWords(const Article& article);

}  // namespace galley
