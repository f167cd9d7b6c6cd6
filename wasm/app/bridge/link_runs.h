// link_runs.h — which parts of a laid-out line are links, for the <a> elements of the DOM text layer.
//
// Lines know their words, not their marks: the words are matched in order against the block's source text (each is
// a substring of it), which gives code point offsets to compare with the link marks. A line that cannot be matched
// simply gets no links. The matching keeps its place from line to line, and from one text layer chunk to the next
// (a long paragraph arrives in several), so one LinkRuns serves a whole layout: start a new one with each layout.
#pragma once

#include "display_list.h"
#include "model.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace galley {

class LinkRuns {
public:
    // Fills runs (text, index into hrefs or -1) when the line holds a link; returns false otherwise. `words` are the
    // line's words as the text layer writes them (an inserted hyphen removed); hrefs collects the chunk's links.
    bool runsFor(const Article& article, const TextLine& line, const std::vector<std::string>& words,
                 std::vector<std::pair<std::string, int>>& runs, std::vector<std::string>& hrefs);

private:
    bool selectSource(const Article& article, const TextLine& line);
    int linkAt(uint32_t codePoint, std::vector<std::string>& hrefs);

    uint32_t block_ = UINT32_MAX;
    int kind_ = -1;             // 0 text, 1 caption, 2 attribution, 3 + n list item n
    size_t listItem_ = 0;
    const RichText* rich_ = nullptr;
    RichText attribution_;
    size_t cursorByte_ = 0;     // where the next line's words are looked for in rich_
    uint32_t cursorCodePoint_ = 0;
    // The link mark over each code point of rich_ (index into its marks, the last one where links overlap; -1: none),
    // built when rich_ has links: a lookup per code point, however many links a long paragraph holds.
    std::vector<int32_t> linkOfCodePoint_;
    int32_t cachedMark_ = -1;   // the last mark looked up, and its index in the chunk's hrefs
    int cachedHref_ = -1;
};

}  // namespace galley
