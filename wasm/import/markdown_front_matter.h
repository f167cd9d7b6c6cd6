// markdown_front_matter.h — YAML-style front matter at the top of a Markdown article: title, subtitle (subtitle,
// dek, standfirst, description...), authors (a list, or "A and B"), date, source and its URL. Only these keys, read
// line by line: not a YAML parser.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date_parse.h"

namespace galley::importing::markdown {

struct FrontMatter {
    std::string title, subtitle, published, source, sourceUrl;
    std::vector<std::string> authors;
    // The date as matched, for reading with the document's evidence (numeric_date_order.h); `published` holds the
    // parser's default reading.
    std::optional<DateMatch> publishedDate;
    size_t lines = 0;  // lines it occupies, fences included; 0 when there is none
};

// Lines as read, the BOM removed; no front matter gives FrontMatter{} (lines == 0).
FrontMatter readFrontMatter(const std::vector<std::string>& lines);

}  // namespace galley::importing::markdown
