// print_layout.cpp — see print_layout.h.
#include "print_layout.h"

#include "byline.h"
#include "json_writer.h"
#include "line_runs.h"
#include "text_layer.h"

#include <algorithm>

namespace galley {

std::string printLayoutJson(const Viewer& v, float width, float fontSize) {
    std::unique_ptr<ArticleLayout> layout = v.newLayout();
    if (!layout) return "null";
    LayoutParams params = v.params;
    params.width = std::clamp(width, 120.0f, 4000.0f);
    params.fontSize = std::clamp(fontSize, 8.0f, 72.0f);
    params.recordRuns = true;   // each word's face ("wf"): paper shows the text, emphasis included
    DisplayList display;
    layout->begin(params, display);
    layout->advance([] { return true; });
    LineRuns links;
    std::string out = writeTextLayerChunk(v, *layout, display, 0, layout->linesDone(), 0, display.images.size(), 0,
                                          display.tables.size(), 0, 0, links, true);
    std::string fields;
    JsonWriter w(fields);
    w.raw(","); w.key("width"); w.num(params.width);
    w.raw(","); w.key("fontSize"); w.num(params.fontSize);
    w.raw(","); w.key("height"); w.num(display.height);
    w.raw(","); w.key("align"); w.str(display.justified ? "justify" : "left");
    w.raw(","); w.key("linksHeading"); w.str(linksHeading(v.bundle.articles[v.article].lang));
    w.raw(","); w.key("rules"); w.raw("[");
    for (size_t i = 0; i < display.rules.size(); ++i) {
        const RuleBox& r = display.rules[i];
        w.raw(i ? ",{" : "{");
        w.key("x"); w.num(r.x);
        w.raw(","); w.key("y"); w.num(r.y);
        w.raw(","); w.key("w"); w.num(r.width);
        w.raw(","); w.key("h"); w.num(r.height);
        w.raw(","); w.key("c"); w.str(colorRoleName(r.color));
        w.raw("}");
    }
    w.raw("]");
    w.raw("}");
    out.pop_back();  // the chunk's closing brace: the layout's own fields follow
    return out + fields;
}

}  // namespace galley
