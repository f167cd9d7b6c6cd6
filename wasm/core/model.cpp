// model.cpp — the little the model needs besides its data: names of enumerations, shared by loader and writer.
#include "model.h"

namespace galley {

const char* blockTypeName(BlockType t) {
    switch (t) {
        case BlockType::Paragraph: return "paragraph";
        case BlockType::Heading: return "heading";
        case BlockType::Quote: return "quote";
        case BlockType::Pullquote: return "pullquote";
        case BlockType::List: return "list";
        case BlockType::Image: return "image";
        case BlockType::Divider: return "divider";
    }
    return "?";
}

}  // namespace galley
