// display_list.cpp — see display_list.h.
#include "display_list.h"

namespace galley {

const char* lineRoleName(LineRole r) {
    switch (r) {
        case LineRole::Title: return "title";
        case LineRole::Subtitle: return "subtitle";
        case LineRole::Byline: return "byline";
        case LineRole::Paragraph: return "paragraph";
        case LineRole::Heading: return "heading";
        case LineRole::Quote: return "quote";
        case LineRole::Pullquote: return "pullquote";
        case LineRole::ListItem: return "list";
        case LineRole::Caption: return "caption";
        case LineRole::Attribution: return "attribution";
        case LineRole::Marker: return "marker";
        case LineRole::DropCap: return "dropcap";
        case LineRole::Credit: return "credit";
        case LineRole::Code: return "code";
        case LineRole::Note: return "note";
        case LineRole::Embed: return "embed";
        case LineRole::TableCell: return "cell";
    }
    return "?";
}

}  // namespace galley
