// canvas_scene.cpp — see canvas_scene.h.
#include "canvas_scene.h"

#include "json_writer.h"
#include "text_layer.h"

#include <algorithm>
#include <cmath>

namespace galley {

std::string canvasSceneJson(Viewer& v) {
    v.layoutViewport();
    const float originY = v.top - v.scrollY;
    const float visibleTop = v.sliceTop(), visibleBottom = v.sliceBottom();
    v.planDrawParts(originY);
    const float dpr = v.dpr;
    auto snap = [dpr](float css) { return std::round(css * dpr) / dpr; };
    std::string out;
    JsonWriter w(out);
    w.raw("{\"parts\":[");
    uint32_t ruleBegin = 0, linkBegin = 0;
    for (size_t k = 0; k < v.drawParts.size(); ++k) {
        const Viewer::DrawPart& p = v.drawParts[k];
        w.raw(k ? ",{" : "{");
        if (p.clipped) {
            w.key("clip"); w.raw("[");
            w.num(p.clipX0); w.raw(","); w.num(p.clipY0); w.raw(","); w.num(p.clipX1); w.raw(","); w.num(p.clipY1);
            w.raw("],");
        }
        const float x0 = v.columnX + p.dx;
        w.key("rules"); w.raw("[");
        bool first = true;
        for (uint32_t i = ruleBegin; i < p.ruleEnd; ++i) {
            const RuleBox& r = v.display.rules[i];
            if (r.y < visibleTop || r.y > visibleBottom) continue;
            const float h = std::max(r.height, 1.0f / dpr);
            const float left = snap(x0 + r.x), top = snap(originY + r.y);
            w.raw(first ? "[" : ",[");
            first = false;
            w.num(left); w.raw(","); w.num(top); w.raw(",");
            w.num(snap(x0 + r.x + r.width) - left); w.raw(","); w.num(snap(h)); w.raw(",");
            w.str(colorRoleName(r.color));
            w.raw("]");
        }
        w.raw("],"); w.key("links"); w.raw("[");
        first = true;
        for (uint32_t i = linkBegin; i < p.linkEnd; ++i) {
            const LinkBox& l = v.display.links[i];
            if (l.y < visibleTop || l.y > visibleBottom) continue;
            w.raw(first ? "[" : ",[");
            first = false;
            w.num(x0 + l.x); w.raw(","); w.num(snap(originY + l.y + l.height * 0.82f)); w.raw(",");
            w.num(l.width); w.raw(","); w.num(std::max(1.0f, std::round(dpr)) / dpr);
            w.raw("]");
        }
        w.raw("]}");
        ruleBegin = p.ruleEnd;
        linkBegin = p.linkEnd;
    }
    w.raw("],\"images\":[");
    bool first = true;
    for (const ImageBox& im : v.display.images) {
        if (im.y + im.height < visibleTop || im.y > visibleBottom) continue;
        const float left = snap(v.columnX + im.x), top = snap(originY + im.y);
        w.raw(first ? "{" : ",{");
        first = false;
        w.key("b"); w.integer(im.block);
        w.raw(","); w.key("x"); w.num(left);
        w.raw(","); w.key("y"); w.num(top);
        w.raw(","); w.key("w"); w.num(snap(v.columnX + im.x + im.width) - left);
        w.raw(","); w.key("h"); w.num(snap(originY + im.y + im.height) - top);
        w.raw("}");
    }
    w.raw("]}");
    return out;
}

}  // namespace galley
