// inline_content.h — the phrasing content of an element (text, <em>, <a>, <br>...) appended to rich text, one
// function per kind of element (inline_content.cpp):
//   em, i, cite, dfn, var -> emphasis; strong, b -> strong; a with an http(s) or mailto href -> link, the href made
//   absolute against the page's URL, or a note mark for a footnote reference (footnotes.h); br -> hard line
//   break; q -> its text in quotation marks; code, kbd, samp, tt -> code (as written: no typography); sup ->
//   superscript (not around a note reference, already raised); sub -> subscript; s, del, strike -> strikethrough;
//   ins, mark, small, abbr, span... -> their text;
//   img -> its alt when it stands for a character (an emoji picture), else nothing. A block element met inside
//   (a <div> in an <a>) reads as a space around its content.
#pragma once

#include <string>
#include <vector>

#include "footnotes.h"
#include "html_document.h"
#include "rich_text_builder.h"

namespace galley::importing::html {

struct InlineContext {
    const Document& doc;
    const std::vector<bool>& dropped;
    std::string pageUrl;  // absolute, or empty: links are then kept only when already absolute
    const QuoteStyle* quotes = nullptr;  // the article's quotation marks, for the typographic clean-up
    const Footnotes* footnotes = nullptr;  // references become note marks; a note's back-links are left out
};

// The content of `id` (not the element itself): its children in order.
void appendChildren(const InlineContext& cx, NodeId id, RichTextBuilder& out);
// `id` itself: text, or an element by its kind.
void appendInline(const InlineContext& cx, NodeId id, RichTextBuilder& out);

// An href as the model keeps it: absolute, http, https or mailto; "" for anything else (javascript:, a bare "#").
std::string linkTarget(const InlineContext& cx, const std::string& href);

}  // namespace galley::importing::html
