// text_style.h — how a run of text is set: its base face, em size, colour role and paragraph direction. Measuring reads the face and
// size; the colour is a role, not a colour, so that a theme change redraws without measuring or breaking again.
#pragma once

#include "font.h"
#include "model.h"

#include <cstdint>

namespace galley {

enum class ColorRole : uint8_t { Text, Muted, Link, Rule, Accent };

struct TextStyle {
    FontStyle face = FontStyle::Regular;   // base face; emphasis and strong marks derive from it
    float size = 18;                       // em size, CSS px
    ColorRole color = ColorRole::Text;
    // The paragraph's direction (UAX #9's paragraph level): Auto takes it from the first strong letter. Right to left,
    // the lines are reordered and start at the right.
    WritingDirection direction = WritingDirection::LeftToRight;
    // Code: every space kept at its width (a tab to the next multiple of CodeTabColumns), a newline a line break,
    // a line's indentation kept where it wraps; nothing stretches (the caller sets such text ragged).
    bool preformatted = false;
};

inline constexpr int CodeTabColumns = 4;

}  // namespace galley
