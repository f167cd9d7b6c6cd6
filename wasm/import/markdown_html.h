// markdown_html.h — the HTML a Markdown article may hold, read as far as a bundle can use it: character references
// (md4c hands them over as written), one inline tag at a time (md4c hands each over alone), and the text of an HTML
// block. The bundle has no HTML: a tag it has a mark for (<sup>, <sub>) or a line break for (<br>) is used, any
// other tag is left out and its text kept.
//
// Not here: an HTML parser (no attributes read, no nesting checked), scripts and styles (their text is text).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley::importing::markdown {

// "&amp;", "&#8217;", "&#x2019;" and the named references articles use, as UTF-8; nullopt for one this table does
// not know (the caller keeps it as written, as a browser shows an unknown one).
std::optional<std::string> decodeCharacterReference(std::string_view reference);

struct HtmlTag {
    enum class Kind { Open, Close, SelfClosing, Comment, Other } kind = Kind::Other;  // Other: <!DOCTYPE>, <?php ?>
    std::string name;  // lower case ASCII; empty for Comment and Other
};
// One tag as md4c reports raw inline HTML ("<sup>", "</span>", "<br />", "<!-- x -->").
HtmlTag readHtmlTag(std::string_view html);

// The text of a run of HTML: tags and comments left out, character references decoded, white space collapsed to
// single spaces and trimmed.
std::string htmlTextContent(std::string_view html);

}  // namespace galley::importing::markdown
