// text_measure.h — how much text each element holds, how much of it is link text and how many commas it has:
// what content scoring and the furniture checks weigh. Measured for every element in one pass from the leaves up,
// leaving out the subtrees already dropped.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "html_document.h"

namespace galley::importing::html {

struct TextMeasure {
    std::vector<uint32_t> chars;      // code points of text, each run of white space counted as one
    std::vector<double> linkChars;    // of which inside <a href>; in-page links ("#section") count 0.3, as Readability's
    std::vector<uint32_t> commas;     // "," and the commas of other scripts (، ， 、 ...)
    std::vector<uint32_t> proseChars; // text in paragraphs of prose: <p> of 80 code points or more, few of them links
    std::vector<uint32_t> proseParagraphs;

    double linkDensity(NodeId id) const {
        const uint32_t c = chars[static_cast<size_t>(id)];
        return c ? linkChars[static_cast<size_t>(id)] / c : 0.0;
    }
};

// `dropped[id]` true leaves that node and all under it out (may be empty: nothing dropped).
TextMeasure measureText(const Document& doc, const std::vector<bool>& dropped);

// The element's text with white space collapsed as HTML renders it (runs become one space, ends trimmed), block
// boundaries as spaces; at most `limit` bytes (cut on a code point boundary).
std::string collapsedText(const Document& doc, NodeId id, const std::vector<bool>& dropped, size_t limit = 4096);

}  // namespace galley::importing::html
