// line_boxes.h — a layout given as its lines' word boxes, in the layout dump's terms (`galley layout --json`), read
// back into a DisplayList: so that measureLayoutQuality (layout_quality.h) judges another typesetter's lines, such as
// Chromium's measured from its DOM by `galley bench quality` (tests/bench/chromium-typesetting.mjs), exactly as it
// judges Galley's own. The figures are defined once, there; this only carries the geometry.
//
//   {"width": W, "lines": [{"block": B, "last": bool, "hyphenated": bool, "space": S,
//                           "hangLeft"?: px, "hangRight"?: px, "words": [{"text": "...", "x": X, "width": w}]}]}
//
// Word x from the text column's left edge, as the dump prints them; a line spans its words' ink (x from the first
// word's, width to the end of the last's), hanging punctuation included; `role` is "paragraph" unless given. Only
// what the quality figures and keepsEveryWord read is filled in: no glyphs, no vertical geometry.
//
// Not here: the figures (layout_quality.h); writing the dump (wasm/cli/layout_command.cpp).
#pragma once

#include "display_list.h"

#include <string>

namespace galley {

// Replaces `out` with the lines of `json`. On malformed input returns false and says why in `error` (if given).
bool readLineBoxes(const std::string& json, DisplayList& out, std::string* error = nullptr);

}  // namespace galley
