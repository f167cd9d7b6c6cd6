// bundle_writer.h — the article model written out as bundle JSON (format version 1).
//
// Output shape: {"galley":1,"articles":[{"id","lang","title","subtitle"?,"authors":[{"name","url"?}],
// "published"?,"source"?:{"name","url"?},"blocks":[...]}]}. Optional fields are left out when empty; rich-text
// fields other than a block's own text (list items, caption, attribution) are a plain string when they carry no
// marks and {text, marks} otherwise. Keys come out in that fixed order so bundles diff cleanly.
//
// Not here: validation (the loader's job; the writer writes what it is given) and reading bundles back.
#pragma once

#include <string>

#include "model.h"

namespace galley {

// `indent` < 0 writes everything on one line. Invalid UTF-8 in the model is replaced with U+FFFD rather than
// failing, so this never throws.
std::string writeBundleJson(const Bundle& bundle, int indent = 2);

// "North Korean Man Begs China..." -> "north-korean-man-begs-china": lower-case ASCII letters and digits joined by
// hyphens, cut at a word boundary to at most 30 characters. Never empty ("article" when the title has no ASCII
// letters or digits).
std::string slugFromTitle(const std::string& title);

}  // namespace galley
