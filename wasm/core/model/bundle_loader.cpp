// bundle_loader.cpp — see bundle_loader.h. Parsing goes through nlohmann-json's SAX interface so that a syntax error
// comes back as a message rather than an exception; validation walks the DOM with an explicit path.
#include "bundle_loader.h"

#include "utf8.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <set>

namespace galley {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------------------------------
// Small validators (also used by the importer and tests)

static bool isDigits(std::string_view s, size_t at, size_t n) {
    if (at + n > s.size()) return false;
    for (size_t i = at; i < at + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

static int number(std::string_view s, size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
}

bool isIso8601(std::string_view s) {
    // YYYY-MM-DD[Thh:mm[:ss[.f+]][Z|(+|-)hh:mm]]
    if (s.size() < 10 || !isDigits(s, 0, 4) || s[4] != '-' || !isDigits(s, 5, 2) || s[7] != '-' || !isDigits(s, 8, 2))
        return false;
    int year = number(s, 0, 4), month = number(s, 5, 2), day = number(s, 8, 2);
    static const int daysIn[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int maxDay = daysIn[month - 1] + (month == 2 && leap ? 1 : 0);
    if (day > maxDay) return false;
    if (s.size() == 10) return true;
    size_t i = 10;
    if (s[i] != 'T' || !isDigits(s, i + 1, 2) || i + 3 >= s.size() || s[i + 3] != ':' || !isDigits(s, i + 4, 2))
        return false;
    if (number(s, i + 1, 2) > 23 || number(s, i + 4, 2) > 59) return false;
    i += 6;
    if (i < s.size() && s[i] == ':') {
        if (!isDigits(s, i + 1, 2) || number(s, i + 1, 2) > 60) return false;
        i += 3;
        if (i < s.size() && s[i] == '.') {
            size_t j = i + 1;
            while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
            if (j == i + 1) return false;
            i = j;
        }
    }
    if (i == s.size()) return true;
    if (s[i] == 'Z') return i + 1 == s.size();
    if (s[i] != '+' && s[i] != '-') return false;
    return i + 6 == s.size() && isDigits(s, i + 1, 2) && s[i + 3] == ':' && isDigits(s, i + 4, 2) &&
           number(s, i + 1, 2) <= 23 && number(s, i + 4, 2) <= 59;
}

static bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool isAlnum(char c) { return isAlpha(c) || (c >= '0' && c <= '9'); }

bool isLanguageTag(std::string_view s) {
    // ^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$
    size_t i = 0;
    while (i < s.size() && isAlpha(s[i])) ++i;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i] != '-') return false;
        size_t j = ++i;
        while (j < s.size() && isAlnum(s[j])) ++j;
        if (j - i < 1 || j - i > 8) return false;
        i = j;
    }
    return true;
}

static std::string lowerScheme(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ':') return out;
        if (!(isAlnum(c) || c == '+' || c == '-' || c == '.')) return {};
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return {};
}

bool isAllowedLinkHref(std::string_view href) {
    std::string scheme = lowerScheme(href);
    return scheme == "http" || scheme == "https" || scheme == "mailto";
}

static bool isWebUrl(std::string_view url) {
    std::string scheme = lowerScheme(url);
    return (scheme == "http" || scheme == "https") && url.size() > scheme.size() + 3 &&
           url.substr(scheme.size(), 3) == "://";
}

bool isRelativeReference(std::string_view src) {
    if (src.empty() || src[0] == '/' || src.find('\\') != std::string_view::npos) return false;
    // A scheme is letters/digits/+-. before the first ':' that precedes any '/', '?' or '#'.
    size_t colon = src.find(':');
    size_t delim = src.find_first_of("/?#");
    if (colon != std::string_view::npos && (delim == std::string_view::npos || colon < delim)) return false;
    for (unsigned char c : src)
        if (c < 0x20 || c == 0x7F) return false;
    return true;
}

bool isImageSource(std::string_view src) {
    if (isRelativeReference(src)) return true;
    if (lowerScheme(src) != "https" || src.size() <= 8 || src.substr(5, 3) != "://" || src[8] == '/') return false;
    for (unsigned char c : src)
        if (c <= 0x20 || c == 0x7F || c == '\\') return false;
    return true;
}

bool isAnchorId(std::string_view id) {
    bool ok = !id.empty() && isAlpha(id[0]);
    for (char c : id) ok = ok && (isAlnum(c) || c == '_' || c == '-');
    return ok;
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing

// "a.b", or a["odd key"] when the key is not an identifier.
static std::string joinPath(const std::string& path, const std::string& key) {
    bool plain = !key.empty() && (isAlpha(key[0]) || key[0] == '_');
    for (char c : key) plain = plain && (isAlnum(c) || c == '_' || c == '-');
    if (plain) return path.empty() ? key : path + "." + key;
    return (path.empty() ? std::string("$") : path) + "[" + nlohmann::json(key).dump() + "]";
}


namespace {

// Forwards nlohmann's SAX events to its own DOM builder, but keeps the syntax error's message instead of throwing,
// and reports keys repeated in one object (the DOM would silently keep the last).
class DomBuilder {
public:
    explicit DomBuilder(Json& root) : dom_(root, false) {}
    bool null() { value(); return dom_.null(); }
    bool boolean(bool v) { value(); return dom_.boolean(v); }
    bool number_integer(Json::number_integer_t v) { value(); return dom_.number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { value(); return dom_.number_unsigned(v); }
    bool number_float(Json::number_float_t v, const std::string& s) { value(); return dom_.number_float(v, s); }
    bool string(std::string& v) { value(); return dom_.string(v); }
    bool binary(Json::binary_t& v) { value(); return dom_.binary(v); }
    bool start_object(std::size_t n) { value(); frames_.push_back({true, -1, {}, {}}); return dom_.start_object(n); }
    bool key(std::string& k) {
        Frame& f = frames_.back();
        f.key = k;
        if (!f.keys.insert(k).second) duplicates.push_back(pathOf(frames_.size()));
        return dom_.key(k);
    }
    bool end_object() { frames_.pop_back(); return dom_.end_object(); }
    bool start_array(std::size_t n) { value(); frames_.push_back({false, -1, {}, {}}); return dom_.start_array(n); }
    bool end_array() { frames_.pop_back(); return dom_.end_array(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
        error = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." — keep what follows the tag.
        size_t close = error.find("] ");
        if (close != std::string::npos) error = error.substr(close + 2);
        return false;
    }
    std::string error;
    std::vector<std::string> duplicates;  // paths of repeated keys

private:
    struct Frame {
        bool object;
        long index;        // arrays: index of the current element
        std::string key;   // objects: the current key
        std::set<std::string> keys;
    };
    void value() {
        if (!frames_.empty() && !frames_.back().object) frames_.back().index++;
    }
    std::string pathOf(size_t depth) const {
        std::string path;
        for (size_t i = 0; i < depth; ++i) {
            const Frame& f = frames_[i];
            path = f.object ? joinPath(path, f.key) : (path.empty() ? "$" : path) + "[" + std::to_string(f.index) + "]";
        }
        return path;
    }
    std::vector<Frame> frames_;
    nlohmann::detail::json_sax_dom_parser<Json> dom_;
};

// Depth of [ and { outside strings; stops counting once past the limit.
int nestingDepth(std::string_view text, int limit) {
    int depth = 0, maxDepth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth && (maxDepth = depth) > limit) return maxDepth;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return maxDepth;
}

// Walks the DOM, collecting diagnostics; every check names its path.
class Validator {
public:
    Validator(LoadResult& result, const BundleLimits& limits) : r_(result), limits_(limits) {}

    void bundle(const Json& root) {
        if (!root.is_object()) return error("$", "must be an object");
        knownFields(root, "", {"galley", "articles", "$schema"});
        auto version = root.find("galley");
        if (version == root.end()) error("galley", "required");
        else if (!version->is_number_integer()) error("galley", "must be an integer");
        else if (version->get<long long>() != 1)
            error("galley", "unsupported version " + std::to_string(version->get<long long>()) +
                                " (this Galley reads version 1)");

        auto articles = root.find("articles");
        if (articles == root.end()) return error("articles", "required");
        if (!articles->is_array()) return error("articles", "must be an array");
        if (articles->empty()) return error("articles", "must not be empty");
        if (articles->size() > limits_.maxArticles)
            return error("articles", "too many articles (" + std::to_string(articles->size()) + " > " +
                                         std::to_string(limits_.maxArticles) + ")");
        std::map<std::string, size_t> ids;
        for (size_t i = 0; i < articles->size(); ++i) {
            std::string path = "articles[" + std::to_string(i) + "]";
            Article a;
            if (article((*articles)[i], path, a)) {
                auto [it, inserted] = ids.emplace(a.id, i);
                if (!inserted && !a.id.empty())
                    error(path + ".id", "duplicate id \"" + a.id + "\" (also articles[" + std::to_string(it->second) + "])");
            }
            r_.bundle.articles.push_back(std::move(a));
        }
    }

private:
    LoadResult& r_;
    const BundleLimits& limits_;
    struct NoteRef { std::string path, id; };
    std::vector<NoteRef> noteRefs_;  // the note marks of the article being read

    void error(const std::string& path, const std::string& msg) { r_.errors.push_back({path, msg}); }
    void warning(const std::string& path, const std::string& msg) { r_.warnings.push_back({path, msg}); }

    static std::string join(const std::string& path, const std::string& key) { return joinPath(path, key); }

    void knownFields(const Json& obj, const std::string& path, std::initializer_list<const char*> known) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            bool found = false;
            for (const char* k : known) found = found || it.key() == k;
            if (!found) warning(join(path, it.key()), "unknown field, ignored");
        }
    }

    // Type-checked field access. Missing required fields and wrong types are reported here.
    const Json* field(const Json& obj, const std::string& path, const char* key, bool required) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) error(join(path, key), "required");
            return nullptr;
        }
        return &*it;
    }

    bool string(const Json& obj, const std::string& path, const char* key, bool required, bool nonEmpty,
                std::string& out) {
        const Json* v = field(obj, path, key, required);
        if (!v) return !required;
        if (!v->is_string()) { error(join(path, key), "must be a string"); return false; }
        out = v->get<std::string>();
        if (nonEmpty && out.empty()) { error(join(path, key), "must not be empty"); return false; }
        return true;
    }

    void controlCharacters(const std::string& text, const std::string& path) {
        size_t i = 0, cp = 0;
        while (i < text.size()) {
            uint32_t c = utf8::next(text, i);
            if (isForbiddenControlCharacter(c)) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "U+%04X", c);
                return error(path, std::string("control character ") + buf + " at code point " + std::to_string(cp));
            }
            ++cp;
        }
    }

    void marks(const Json& arr, const std::string& path, const std::string& text, std::vector<Mark>& out) {
        if (!arr.is_array()) return error(path, "must be an array");
        size_t length = utf8::countCodePoints(text);
        for (size_t i = 0; i < arr.size(); ++i) {
            const Json& m = arr[i];
            std::string mp = path + "[" + std::to_string(i) + "]";
            if (!m.is_object()) { error(mp, "must be an object"); continue; }
            knownFields(m, mp, {"type", "start", "end", "href", "note"});
            Mark mark;
            std::string type;
            bool ok = string(m, mp, "type", true, false, type);
            if (ok) {
                static const MarkKind kinds[] = {MarkKind::Emphasis, MarkKind::Strong, MarkKind::Link, MarkKind::Code,
                                                 MarkKind::Superscript, MarkKind::Subscript, MarkKind::Strikethrough,
                                                 MarkKind::Note};
                bool known = false;
                for (MarkKind k : kinds)
                    if (type == markKindName(k)) mark.kind = k, known = true;
                if (!known) {
                    // Like unknown block types: a newer writer's mark, skipped with a warning.
                    warning(mp + ".type", "unknown mark type \"" + type + "\", ignored");
                    continue;
                }
            }
            long long bounds[2] = {0, 0};
            const char* names[2] = {"start", "end"};
            for (int k = 0; k < 2; ++k) {
                const Json* v = field(m, mp, names[k], true);
                if (!v) { ok = false; continue; }
                if (!v->is_number_integer()) { error(mp + "." + names[k], "must be an integer"); ok = false; continue; }
                bounds[k] = v->get<long long>();
                if (bounds[k] < 0) { error(mp + "." + names[k], "must be >= 0"); ok = false; }
                else if (bounds[k] > static_cast<long long>(length)) {
                    error(mp + "." + names[k], "must be <= " + std::to_string(length) + ", the text's length in code points");
                    ok = false;
                }
            }
            if (ok && bounds[0] >= bounds[1]) { error(mp, "start must be less than end"); ok = false; }
            auto href = m.find("href");
            if (ok && mark.kind == MarkKind::Link) {
                if (href == m.end()) { error(mp + ".href", "required"); ok = false; }
                else if (!href->is_string()) { error(mp + ".href", "must be a string"); ok = false; }
                else if (!isAllowedLinkHref(href->get<std::string>())) {
                    error(mp + ".href", "scheme must be http, https or mailto"); ok = false;
                } else mark.href = href->get<std::string>();
            } else if (ok && href != m.end()) {
                error(mp + ".href", "only allowed on link marks"); ok = false;
            }
            auto note = m.find("note");
            if (ok && mark.kind == MarkKind::Note) {
                if (note == m.end()) { error(mp + ".note", "required"); ok = false; }
                else if (!note->is_string()) { error(mp + ".note", "must be a string"); ok = false; }
                else {
                    mark.note = note->get<std::string>();
                    noteRefs_.push_back({mp + ".note", mark.note});  // checked once the article's notes are read
                }
            } else if (ok && note != m.end()) {
                error(mp + ".note", "only allowed on note marks"); ok = false;
            }
            if (!ok) continue;
            mark.start = static_cast<uint32_t>(bounds[0]);
            mark.end = static_cast<uint32_t>(bounds[1]);
            out.push_back(std::move(mark));
        }
    }

    // A block's own "text" + "marks".
    void blockText(const Json& obj, const std::string& path, RichText& out) {
        if (!string(obj, path, "text", true, false, out.text)) return;
        controlCharacters(out.text, path + ".text");
        if (const Json* m = field(obj, path, "marks", false)) marks(*m, path + ".marks", out.text, out.marks);
    }

    // A rich-text field: a plain string, or {"text", "marks"?}.
    void richText(const Json& v, const std::string& path, RichText& out) {
        if (v.is_string()) {
            out.text = v.get<std::string>();
            controlCharacters(out.text, path);
            return;
        }
        if (!v.is_object()) return error(path, "must be a string or an object");
        knownFields(v, path, {"text", "marks"});
        blockText(v, path, out);
    }

    void webUrl(const Json& obj, const std::string& path, std::string& out) {
        if (!string(obj, path, "url", false, false, out) || out.empty()) return;
        if (!isWebUrl(out)) { error(join(path, "url"), "must be an http or https URL"); out.clear(); }
    }

    bool article(const Json& a, const std::string& path, Article& out) {
        if (!a.is_object()) { error(path, "must be an object"); return false; }
        knownFields(a, path, {"id", "lang", "dir", "title", "subtitle", "authors", "published", "updated", "source",
                              "blocks", "notes"});
        noteRefs_.clear();
        direction(a, path, out.dir);
        bool idOk = string(a, path, "id", true, true, out.id);
        if (string(a, path, "lang", true, false, out.lang) && !isLanguageTag(out.lang))
            error(path + ".lang", "must be a BCP 47 language tag like \"en-US\"");
        if (string(a, path, "title", true, true, out.title)) controlCharacters(out.title, path + ".title");
        if (string(a, path, "subtitle", false, false, out.subtitle)) controlCharacters(out.subtitle, path + ".subtitle");
        if (string(a, path, "published", false, false, out.published) && !out.published.empty() &&
            !isIso8601(out.published))
            error(path + ".published", "must be an ISO 8601 date or date-time like 2017-11-15T03:11");
        if (string(a, path, "updated", false, false, out.updated) && !out.updated.empty() && !isIso8601(out.updated))
            error(path + ".updated", "must be an ISO 8601 date or date-time like 2017-11-15T03:11");

        if (const Json* authors = field(a, path, "authors", true)) {
            if (!authors->is_array()) error(path + ".authors", "must be an array");
            else for (size_t i = 0; i < authors->size(); ++i) {
                std::string ap = path + ".authors[" + std::to_string(i) + "]";
                const Json& au = (*authors)[i];
                if (!au.is_object()) { error(ap, "must be an object"); continue; }
                knownFields(au, ap, {"name", "url", "role"});
                Author author;
                if (string(au, ap, "name", true, true, author.name)) controlCharacters(author.name, ap + ".name");
                if (string(au, ap, "role", false, false, author.role)) controlCharacters(author.role, ap + ".role");
                webUrl(au, ap, author.url);
                out.authors.push_back(std::move(author));
            }
        }
        if (const Json* source = field(a, path, "source", false)) {
            std::string sp = path + ".source";
            if (!source->is_object()) error(sp, "must be an object");
            else {
                knownFields(*source, sp, {"name", "url"});
                string(*source, sp, "name", true, true, out.source.name);
                webUrl(*source, sp, out.source.url);
            }
        }
        std::map<std::string, std::string> anchors;  // heading and note ids, unique within the article
        if (const Json* blocks = field(a, path, "blocks", true)) {
            if (!blocks->is_array()) error(path + ".blocks", "must be an array");
            else blockList(*blocks, path + ".blocks", false, anchors, out.blocks);
        }
        if (const Json* notes = field(a, path, "notes", false)) {
            if (!notes->is_array()) error(path + ".notes", "must be an array");
            else for (size_t i = 0; i < notes->size(); ++i) {
                const std::string np = path + ".notes[" + std::to_string(i) + "]";
                const Json& n = (*notes)[i];
                if (!n.is_object()) { error(np, "must be an object"); continue; }
                knownFields(n, np, {"id", "text", "marks"});
                Note note;
                if (string(n, np, "id", true, true, note.id)) anchor(note.id, np + ".id", anchors);
                blockText(n, np, note.text);
                out.notes.push_back(std::move(note));
            }
        }
        for (const NoteRef& ref : noteRefs_) {
            bool found = false;
            for (const Note& n : out.notes) found = found || n.id == ref.id;
            if (!found) error(ref.path, "no note with id " + Json(ref.id).dump() + " in this article");
        }
        return idOk;
    }

    // An anchor for links into the article (a heading's or a note's id): its syntax, and unique in the article.
    void anchor(const std::string& id, const std::string& path, std::map<std::string, std::string>& anchors) {
        if (!isAnchorId(id)) return error(path, "must be a letter followed by letters, digits, \"_\" or \"-\"");
        auto [it, inserted] = anchors.emplace(id, path.substr(0, path.rfind('.')));
        if (!inserted) error(path, "duplicate anchor " + Json(id).dump() + " (also " + it->second + ")");
    }

    // The blocks of an article, or of a list item (`inItem`: no headings, pull quotes or dividers there).
    void blockList(const Json& blocks, const std::string& path, bool inItem, std::map<std::string, std::string>& anchors,
                   std::vector<Block>& out) {
        for (size_t i = 0; i < blocks.size(); ++i) {
            Block b;
            if (block(blocks[i], path + "[" + std::to_string(i) + "]", b, anchors, inItem)) out.push_back(std::move(b));
        }
    }

    bool integer(const Json& obj, const std::string& path, const char* key, long long lo, long long hi, long long& out) {
        const Json* v = field(obj, path, key, false);
        if (!v) return false;
        if (!v->is_number_integer()) { error(join(path, key), "must be an integer"); return false; }
        const long long n = v->is_number_unsigned() && v->get<unsigned long long>() > 9223372036854775807ULL
                                ? 9223372036854775807LL : v->get<long long>();
        if (n < lo || n > hi) {
            error(join(path, key), "must be " + std::to_string(lo) + ".." + std::to_string(hi));
            return false;
        }
        out = n;
        return true;
    }

    bool boolean(const Json& obj, const std::string& path, const char* key, bool& out) {
        const Json* v = field(obj, path, key, false);
        if (!v) return false;
        if (!v->is_boolean()) { error(join(path, key), "must be a boolean"); return false; }
        out = v->get<bool>();
        return true;
    }

    void cellAlign(const Json& v, const std::string& path, CellAlign& out) {
        if (!v.is_string()) return error(path, "must be a string");
        const std::string a = v.get<std::string>();
        if (a == "start") out = CellAlign::Start;
        else if (a == "center") out = CellAlign::Center;
        else if (a == "end") out = CellAlign::End;
        else error(path, "must be \"start\", \"center\" or \"end\"");
    }

    // An image's or a poster's source.
    void imageSource(const Json& b, const std::string& path, const char* key, bool required, std::string& out) {
        if (string(b, path, key, required, true, out) && !out.empty() && !isImageSource(out))
            error(join(path, key), "must be a relative URL (resolved against the bundle) or an https URL");
    }

    void imageSize(const Json& b, const std::string& path, Block& out) {
        long long n = 0;
        if (integer(b, path, "width", 1, 2147483647LL, n)) out.width = static_cast<int>(n);
        if (integer(b, path, "height", 1, 2147483647LL, n)) out.height = static_cast<int>(n);
    }

    // A list item: rich text, or {"text"?, "marks"?, "blocks"} with the blocks that follow its first paragraph.
    void listItem(const Json& v, const std::string& path, std::map<std::string, std::string>& anchors, ListItem& out) {
        if (!v.is_object() || v.find("blocks") == v.end()) return richText(v, path, out.text);
        knownFields(v, path, {"text", "marks", "blocks"});
        if (v.find("text") != v.end()) blockText(v, path, out.text);
        else if (v.find("marks") != v.end()) error(path + ".marks", "only allowed with text");
        const Json& blocks = v["blocks"];
        if (!blocks.is_array()) return error(path + ".blocks", "must be an array");
        blockList(blocks, path + ".blocks", true, anchors, out.blocks);
    }

    // A table cell: rich text, or {"text", "marks"?, "colspan"?, "rowspan"?, "align"?, "header"?}.
    void tableCell(const Json& v, const std::string& path, TableCell& out) {
        if (!v.is_object()) return richText(v, path, out.text);
        knownFields(v, path, {"text", "marks", "colspan", "rowspan", "align", "header"});
        blockText(v, path, out.text);
        long long n = 0;
        if (integer(v, path, "colspan", 1, MaxTableSpan, n)) out.colSpan = static_cast<uint32_t>(n);
        if (integer(v, path, "rowspan", 1, MaxTableSpan, n)) out.rowSpan = static_cast<uint32_t>(n);
        if (const Json* a = field(v, path, "align", false)) cellAlign(*a, path + ".align", out.align);
        boolean(v, path, "header", out.header);
    }

    void table(const Json& b, const std::string& path, Block& out) {
        const Json* rows = field(b, path, "rows", true);
        if (!rows) return;
        if (!rows->is_array()) return error(path + ".rows", "must be an array");
        if (rows->empty()) return error(path + ".rows", "must not be empty");
        size_t columns = 0;
        std::vector<uint32_t> spannedBelow;  // per grid column: rows still covered by a row span from above
        for (size_t r = 0; r < rows->size(); ++r) {
            const std::string rp = path + ".rows[" + std::to_string(r) + "]";
            const Json& row = (*rows)[r];
            std::vector<TableCell> cells;
            if (!row.is_array()) error(rp, "must be an array");
            else if (row.empty()) error(rp, "must not be empty");
            else for (size_t c = 0; c < row.size(); ++c) {
                TableCell cell;
                tableCell(row[c], rp + "[" + std::to_string(c) + "]", cell);
                cells.push_back(std::move(cell));
            }
            // The grid as a table sets it (cells in free columns, left of spans from rows above), to bound its width.
            size_t col = 0;
            for (const TableCell& cell : cells) {
                while (col < spannedBelow.size() && spannedBelow[col] > 0) ++col;
                if (col + cell.colSpan > spannedBelow.size()) spannedBelow.resize(col + cell.colSpan, 0);
                for (size_t k = col; k < col + cell.colSpan; ++k) spannedBelow[k] = cell.rowSpan;
                col += cell.colSpan;
            }
            columns = std::max(columns, spannedBelow.size());
            for (uint32_t& below : spannedBelow) below -= below > 0;
            out.rows.push_back(std::move(cells));
        }
        if (columns > MaxTableColumns)
            error(path + ".rows", "too many columns (" + std::to_string(columns) + " > " + std::to_string(MaxTableColumns) + ")");
        long long n = 0;
        if (integer(b, path, "headerRows", 0, MaxTableSpan, n)) {
            if (static_cast<size_t>(n) > rows->size())
                error(path + ".headerRows", "must be <= " + std::to_string(rows->size()) + ", the number of rows");
            else out.headerRows = static_cast<uint32_t>(n);
        }
        boolean(b, path, "headerColumn", out.headerColumn);
        if (const Json* align = field(b, path, "align", false)) {
            if (!align->is_array()) error(path + ".align", "must be an array");
            else for (size_t i = 0; i < align->size(); ++i) {
                CellAlign a = CellAlign::Inherit;
                cellAlign((*align)[i], path + ".align[" + std::to_string(i) + "]", a);
                out.columnAlign.push_back(a);
            }
        }
    }

    // Returns false when the block is not kept (error, or an unknown type skipped with a warning).
    void direction(const Json& obj, const std::string& path, WritingDirection& out) {
        std::string dir;
        if (!field(obj, path, "dir", false) || !string(obj, path, "dir", false, false, dir)) return;
        if (dir == "ltr") out = WritingDirection::LeftToRight;
        else if (dir == "rtl") out = WritingDirection::RightToLeft;
        else if (dir == "auto") out = WritingDirection::Auto;
        else error(path + ".dir", "must be \"ltr\", \"rtl\" or \"auto\"");
    }

    bool block(const Json& b, const std::string& path, Block& out, std::map<std::string, std::string>& anchors,
               bool inItem) {
        if (!b.is_object()) { error(path, "must be an object"); return false; }
        std::string type;
        if (!string(b, path, "type", true, false, type)) return false;
        if (inItem && (type == "heading" || type == "pullquote" || type == "divider")) {
            error(path + ".type", "a " + type + " cannot be in a list item");
            return false;
        }
        direction(b, path, out.dir);
        if (type == "paragraph") {
            out.type = BlockType::Paragraph;
            knownFields(b, path, {"type", "dir", "text", "marks"});
            blockText(b, path, out.text);
        } else if (type == "heading") {
            out.type = BlockType::Heading;
            knownFields(b, path, {"type", "dir", "level", "text", "marks", "id"});
            if (const Json* level = field(b, path, "level", true)) {
                if (!level->is_number_integer()) error(path + ".level", "must be an integer");
                else if (level->get<long long>() < 1 || level->get<long long>() > 6) error(path + ".level", "must be 1..6");
                else out.level = static_cast<int>(level->get<long long>());
            }
            blockText(b, path, out.text);
            if (string(b, path, "id", false, false, out.anchor) && !out.anchor.empty())
                anchor(out.anchor, path + ".id", anchors);
        } else if (type == "quote" || type == "pullquote") {
            out.type = type == "quote" ? BlockType::Quote : BlockType::Pullquote;
            knownFields(b, path, {"type", "dir", "text", "marks", "attribution"});
            blockText(b, path, out.text);
            if (const Json* at = field(b, path, "attribution", false)) richText(*at, path + ".attribution", out.attribution);
        } else if (type == "list") {
            out.type = BlockType::List;
            knownFields(b, path, {"type", "dir", "ordered", "start", "items"});
            boolean(b, path, "ordered", out.ordered);
            long long start = 1;
            if (integer(b, path, "start", 0, 999999999, start)) out.start = static_cast<int>(start);
            if (const Json* items = field(b, path, "items", true)) {
                if (!items->is_array()) error(path + ".items", "must be an array");
                else if (items->empty()) error(path + ".items", "must not be empty");
                else for (size_t i = 0; i < items->size(); ++i) {
                    ListItem item;
                    listItem((*items)[i], path + ".items[" + std::to_string(i) + "]", anchors, item);
                    out.items.push_back(std::move(item));
                }
            }
        } else if (type == "image") {
            out.type = BlockType::Image;
            knownFields(b, path, {"type", "dir", "src", "alt", "caption", "credit", "width", "height"});
            imageSource(b, path, "src", true, out.src);
            if (string(b, path, "alt", true, false, out.alt)) controlCharacters(out.alt, path + ".alt");
            if (const Json* caption = field(b, path, "caption", false)) richText(*caption, path + ".caption", out.caption);
            if (const Json* credit = field(b, path, "credit", false)) richText(*credit, path + ".credit", out.credit);
            imageSize(b, path, out);
        } else if (type == "divider") {
            out.type = BlockType::Divider;
            knownFields(b, path, {"type", "dir"});
        } else if (type == "code") {
            out.type = BlockType::Code;
            knownFields(b, path, {"type", "dir", "text", "language"});
            if (string(b, path, "text", true, false, out.text.text)) controlCharacters(out.text.text, path + ".text");
            if (string(b, path, "language", false, false, out.language)) controlCharacters(out.language, path + ".language");
        } else if (type == "table") {
            out.type = BlockType::Table;
            knownFields(b, path, {"type", "dir", "rows", "headerRows", "headerColumn", "align", "caption"});
            table(b, path, out);
            if (const Json* caption = field(b, path, "caption", false)) richText(*caption, path + ".caption", out.caption);
        } else if (type == "embed") {
            out.type = BlockType::Embed;
            knownFields(b, path, {"type", "dir", "kind", "url", "title", "provider", "poster", "width", "height", "caption"});
            std::string kind;
            if (string(b, path, "kind", false, false, kind) && !kind.empty()) {
                if (kind == "video") out.embedKind = EmbedKind::Video;
                else if (kind == "audio") out.embedKind = EmbedKind::Audio;
                else if (kind == "post") out.embedKind = EmbedKind::Post;
                else if (kind == "other") out.embedKind = EmbedKind::Other;
                else error(path + ".kind", "must be \"video\", \"audio\", \"post\" or \"other\"");
            }
            if (string(b, path, "url", true, true, out.url) && !isWebUrl(out.url))
                error(path + ".url", "must be an http or https URL");
            if (string(b, path, "title", true, true, out.title)) controlCharacters(out.title, path + ".title");
            if (string(b, path, "provider", false, false, out.provider)) controlCharacters(out.provider, path + ".provider");
            imageSource(b, path, "poster", false, out.src);
            imageSize(b, path, out);
            if (const Json* caption = field(b, path, "caption", false)) richText(*caption, path + ".caption", out.caption);
        } else {
            warning(path + ".type", "unknown block type \"" + type + "\", skipped");
            return false;
        }
        return true;
    }
};

}  // namespace

LoadResult loadBundle(std::string_view text, const BundleLimits& limits) {
    LoadResult result;
    auto fail = [&](std::string msg) { result.errors.push_back({"$", std::move(msg)}); return result; };
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
    if (text.size() > limits.maxBytes) return fail("bundle larger than " + std::to_string(limits.maxBytes >> 20) + " MiB");
    size_t bad = utf8::findInvalid(text);
    if (bad != std::string_view::npos) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "not valid UTF-8 (byte 0x%02X at offset %zu)", static_cast<unsigned char>(text[bad]), bad);
        return fail(buf);
    }
    if (nestingDepth(text, limits.maxDepth) > limits.maxDepth)
        return fail("nesting deeper than " + std::to_string(limits.maxDepth) + " levels");

    Json root;
    DomBuilder builder(root);
    if (!Json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, true, false) ||
        !builder.error.empty())
        return fail("not valid JSON: " + (builder.error.empty() ? std::string("unexpected end") : builder.error));

    for (const std::string& path : builder.duplicates) result.errors.push_back({path, "duplicate field"});
    Validator(result, limits).bundle(root);
    if (!result.ok()) result.bundle = Bundle{};
    return result;
}

}  // namespace galley
