// link_runs.h — which parts of a laid-out line are links, for the <a> elements of the DOM text layer.
//
// Each word of a line knows where it is in its source text (WordBox::sourceBegin/End), and the link marks address
// that text by code points: a line's runs follow from the two. The code point offset of each word is counted on from
// the last word's, so one LinkRuns serves a whole layout, from one text layer chunk to the next (a long paragraph
// arrives in several): start a new one with each layout.
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
    // Fills runs (text, index into hrefs or -1) when the line holds a link; returns false otherwise. The runs
    // concatenate to the line's words joined by spaces, an inserted hyphen left out; hrefs collects the chunk's links.
    bool runsFor(const Article& article, const TextLine& line, std::vector<std::pair<std::string, int>>& runs,
                 std::vector<std::string>& hrefs);

private:
    bool selectSource(const Article& article, const TextLine& line);
    uint32_t codePointAt(uint32_t byte);  // of a byte offset in rich_, counted on from the last one asked for
    int linkAt(uint32_t codePoint, std::vector<std::string>& hrefs);

    uint32_t block_ = UINT32_MAX;
    int kind_ = -1;             // 0 text, 1 caption, 2 attribution, 3 + n list item n or table cell n (tableCellItem)
    const RichText* rich_ = nullptr;
    RichText attribution_;
    uint32_t cursorByte_ = 0;   // a byte offset in rich_ and its code point offset
    uint32_t cursorCodePoint_ = 0;
    // The link mark over each code point of rich_ (index into its marks, the last one where links overlap; -1: none),
    // built when rich_ has links: a lookup per code point, however many links a long paragraph holds.
    std::vector<int32_t> linkOfCodePoint_;
    int32_t cachedMark_ = -1;   // the last mark looked up, and its index in the chunk's hrefs
    int cachedHref_ = -1;
};

}  // namespace galley
