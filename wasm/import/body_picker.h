// body_picker.h — the story in scraped text: from the header's end to where the story ends, each line kept as a
// paragraph, heading or list item, or dropped as furniture, with the reason.
#pragma once

#include <vector>

#include "model.h"
#include "text_lines.h"

namespace galley::importing::scraped {

struct BodyLayout {
    std::vector<Block> blocks;
    size_t end = 0;  // first unit after the story
};

BodyLayout pickBody(std::vector<Unit>& units, size_t from);

}  // namespace galley::importing::scraped
