// line_boxes.cpp — see line_boxes.h.
#include "line_boxes.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace galley {

namespace {

using Json = nlohmann::json;

bool fail(std::string* error, const std::string& why) {
    if (error) *error = why;
    return false;
}

// A finite number at `key` of `object` into `out`; absent keys keep `out` unless `required`.
bool readNumber(const Json& object, const char* key, float& out, bool required) {
    const auto it = object.find(key);
    if (it == object.end()) return !required;
    if (!it->is_number()) return false;
    const double v = it->get<double>();
    if (!std::isfinite(v)) return false;
    out = static_cast<float>(v);
    return true;
}

bool readBool(const Json& object, const char* key, bool& out) {
    const auto it = object.find(key);
    if (it == object.end()) return true;
    if (!it->is_boolean()) return false;
    out = it->get<bool>();
    return true;
}

bool roleNamed(const std::string& name, LineRole& out) {
    for (int r = 0; r <= static_cast<int>(LineRole::DropCap); ++r) {
        if (name == lineRoleName(static_cast<LineRole>(r))) {
            out = static_cast<LineRole>(r);
            return true;
        }
    }
    return false;
}

}  // namespace

bool readLineBoxes(const std::string& text, DisplayList& out, std::string* error) {
    out = DisplayList{};
    const Json json = Json::parse(text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return fail(error, "not a JSON object");
    if (!readNumber(json, "width", out.width, true) || !(out.width > 0)) return fail(error, "width: must be > 0");
    const auto lines = json.find("lines");
    if (lines == json.end() || !lines->is_array()) return fail(error, "lines: must be an array");
    out.lines.reserve(lines->size());
    for (size_t i = 0; i < lines->size(); ++i) {
        const Json& l = (*lines)[i];
        const std::string where = "lines[" + std::to_string(i) + "]";
        if (!l.is_object()) return fail(error, where + ": must be an object");
        TextLine line;
        if (const auto block = l.find("block"); block != l.end()) {
            // Header lines (title, byline) have no block: UINT32_MAX, as in TextLine.
            if (!block->is_number_unsigned() || block->get<uint64_t>() > std::numeric_limits<uint32_t>::max())
                return fail(error, where + ".block: must be a count");
            line.block = static_cast<uint32_t>(block->get<uint64_t>());
        }
        const auto role = l.find("role");
        if (role != l.end() && (!role->is_string() || !roleNamed(*role, line.role)))
            return fail(error, where + ".role: not a line role");
        if (!readBool(l, "last", line.last) || !readBool(l, "hyphenated", line.hyphenated))
            return fail(error, where + ": last and hyphenated must be true or false");
        if (!readNumber(l, "space", line.space, true) || line.space < 0) return fail(error, where + ".space: must be >= 0");
        if (!readNumber(l, "hangLeft", line.hangLeft, false) || !readNumber(l, "hangRight", line.hangRight, false))
            return fail(error, where + ": hangLeft and hangRight must be numbers");
        const auto words = l.find("words");
        if (words == l.end() || !words->is_array() || words->empty())
            return fail(error, where + ".words: must be a non-empty array");
        float inkLeft = INFINITY, inkRight = -INFINITY;
        for (size_t j = 0; j < words->size(); ++j) {
            const Json& w = (*words)[j];
            WordBox box;
            if (!w.is_object() || !readNumber(w, "x", box.x, true) || !readNumber(w, "width", box.width, true) ||
                box.width < 0)
                return fail(error, where + ".words[" + std::to_string(j) + "]: needs x and a width >= 0");
            if (const auto t = w.find("text"); t != w.end()) {
                if (!t->is_string())
                    return fail(error, where + ".words[" + std::to_string(j) + "].text: must be a string");
                box.text = t->get<std::string>();
            }
            inkLeft = std::min(inkLeft, box.x);
            inkRight = std::max(inkRight, box.x + box.width);
            line.words.push_back(std::move(box));
        }
        // As in TextLine: the line spans its ink, and its words' x are from the line's.
        line.x = inkLeft;
        line.width = inkRight - inkLeft;
        for (WordBox& w : line.words) w.x -= inkLeft;
        out.lines.push_back(std::move(line));
    }
    return true;
}

}  // namespace galley
