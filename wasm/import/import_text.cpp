// import_text.cpp — see import_text.h for the stages. The rules lean on structure first (where a line sits
// relative to the headline and byline, its length, whether it ends like a sentence, whether it repeats, whether it
// belongs to a run of short lines) and use the furniture vocabulary only to name what structure already suggests or
// to catch notices that look like prose (cookie and newsletter banners).
#include "import_text.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "bundle_writer.h"
#include "date_parse.h"
#include "typography.h"

namespace galley {
namespace {

// ---------------------------------------------------------------------------------------------------------------
// Text utilities
// ---------------------------------------------------------------------------------------------------------------

bool isAsciiAlnum(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool isUpperLetter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
bool isLowerLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
bool isLetterLike(char32_t c) {
    return isAsciiAlnum(c) || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) && c != 0xFFFD);
}

std::string lowerAscii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Lower-case letters and digits with everything else turned into single spaces: "Don't Miss!" -> "don t miss".
// The form phrases and repeated lines are compared in.
std::string foldForMatching(std::string_view text) {
    std::u32string cps = decodeUtf8(text);
    std::u32string out;
    for (char32_t c : cps) {
        if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
        if (isLetterLike(c)) {
            out.push_back(c);
        } else if (!out.empty() && out.back() != ' ') {
            out.push_back(' ');
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return encodeUtf8(out);
}

std::vector<std::string> splitWords(std::string_view s) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        size_t b = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > b) words.emplace_back(s.substr(b, i - b));
    }
    return words;
}

// Whole-word containment in folded text.
bool containsPhrase(const std::string& folded, std::string_view phrase) {
    size_t pos = 0;
    while ((pos = folded.find(phrase, pos)) != std::string::npos) {
        bool startOk = pos == 0 || folded[pos - 1] == ' ';
        size_t end = pos + phrase.size();
        bool endOk = end == folded.size() || folded[end] == ' ';
        if (startOk && endOk) return true;
        ++pos;
    }
    return false;
}

bool startsWithPhrase(const std::string& folded, std::string_view phrase) {
    return startsWith(folded, phrase) && (folded.size() == phrase.size() || folded[phrase.size()] == ' ');
}

size_t levenshtein(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 1: split lines
// ---------------------------------------------------------------------------------------------------------------

struct SourceLine {
    int number = 0;
    std::string raw;
    std::string text;  // normalised; empty for a blank line
};

// No-break and other wide spaces become plain spaces; zero-width characters, the BOM, soft hyphens and control
// characters go; runs of spaces collapse. None of this changes a visible word.
std::string normaliseLine(std::string_view raw) {
    std::u32string cps = decodeUtf8(raw);
    std::u32string out;
    for (char32_t c : cps) {
        bool space = c == ' ' || c == '\t' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
                     c == 0x202F || c == 0x205F || c == 0x3000;
        bool invisible = c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0xAD ||
                         c < 0x20 || c == 0x7F;
        if (space) {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else if (!invisible) {
            out.push_back(c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return encodeUtf8(out);
}

std::vector<SourceLine> splitSourceLines(std::string_view text) {
    std::vector<SourceLine> lines;
    size_t i = 0;
    int number = 1;
    while (i <= text.size()) {
        size_t nl = text.find_first_of("\r\n", i);
        size_t end = nl == std::string_view::npos ? text.size() : nl;
        SourceLine line;
        line.number = number++;
        line.raw = std::string(text.substr(i, end - i));
        line.text = normaliseLine(line.raw);
        lines.push_back(std::move(line));
        if (nl == std::string_view::npos) break;
        i = nl + 1;
        if (text[nl] == '\r' && i < text.size() && text[i] == '\n') ++i;
        if (i == text.size()) break;
    }
    return lines;
}

// Defined with the features in stage 2; line joining needs them too.
bool endsLikeSentence(std::string_view text);
bool hasListMarker(const std::string& text, bool* ordered, std::string* rest);

// Hard-wrapped text (every line cut near the same width) is joined back into paragraphs; so is a line that stops
// mid-sentence when the next one carries on in lower case. Both checks look at shape only.
std::vector<std::vector<size_t>> groupWrappedLines(const std::vector<SourceLine>& lines) {
    size_t widest = 0, longLines = 0;
    for (const SourceLine& l : lines) {
        size_t n = countCodePoints(l.text);
        widest = std::max(widest, n);
        if (n >= 30) ++longLines;
    }
    size_t nearWidest = 0;
    for (const SourceLine& l : lines) {
        size_t n = countCodePoints(l.text);
        if (n >= 30 && n * 4 >= widest * 3) ++nearWidest;
    }
    const bool hardWrapped = widest <= 100 && nearWidest >= 5 && nearWidest * 5 >= longLines * 2;

    std::vector<std::vector<size_t>> groups;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].text.empty()) continue;
        bool join = false;
        if (!groups.empty() && groups.back().back() + 1 == i) {
            const std::string& prev = lines[i - 1].text;
            const std::string& cur = lines[i].text;
            size_t prevLen = countCodePoints(prev);
            bool curIsItem = hasListMarker(cur, nullptr, nullptr);
            std::u32string curCps = decodeUtf8(cur);
            bool curStartsLower = !curCps.empty() && isLowerLetter(curCps[0]);
            char last = prev.back();
            if (!curIsItem && hardWrapped && prevLen * 10 >= widest * 6) join = true;
            // A lower-case start continues the sentence, unless the line is a byline or carries a date or a
            // separator ("by Jane Doe | March 3, 2021" under a headline).
            bool metadata = startsWith(cur, "by ") || cur.find(" | ") != std::string::npos ||
                            findDateTime(cur).has_value();
            if (!curIsItem && !metadata && prevLen >= 40 && !endsLikeSentence(prev) && last != ':' && curStartsLower)
                join = true;
        }
        if (join)
            groups.back().push_back(i);
        else
            groups.push_back({i});
    }
    return groups;
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 2: describe lines
// ---------------------------------------------------------------------------------------------------------------

enum class Furniture {
    None, Share, Navigation, Related, Advertisement, Newsletter, Cookie, Paywall, Comments, Tags, PrevNext,
    Footer, Caption, PageTool, AuthorBox, Social, Boilerplate
};

const char* furnitureReason(Furniture f) {
    switch (f) {
        case Furniture::None: return "";
        case Furniture::Share: return "share prompt";
        case Furniture::Navigation: return "navigation";
        case Furniture::Related: return "related / read-more links";
        case Furniture::Advertisement: return "advertisement";
        case Furniture::Newsletter: return "newsletter notice";
        case Furniture::Cookie: return "cookie notice";
        case Furniture::Paywall: return "subscription / account prompt";
        case Furniture::Comments: return "comments section";
        case Furniture::Tags: return "tags";
        case Furniture::PrevNext: return "previous / next links";
        case Furniture::Footer: return "copyright / footer";
        case Furniture::Caption: return "photo caption or credit";
        case Furniture::PageTool: return "page tool (reading time, print, video)";
        case Furniture::AuthorBox: return "author box";
        case Furniture::Social: return "social media prompt";
        case Furniture::Boilerplate: return "press-release boilerplate";
    }
    return "";
}

// Kinds that only ever come after the story: once the story has started, meeting one ends it.
bool endsArticle(Furniture f) {
    return f == Furniture::Share || f == Furniture::Comments || f == Furniture::Tags || f == Furniture::PrevNext ||
           f == Furniture::Footer || f == Furniture::AuthorBox || f == Furniture::Social ||
           f == Furniture::Boilerplate;
}

struct FurniturePhrase {
    const char* phrase;  // folded (see foldForMatching)
    Furniture kind;
};

// Phrases that open a short line of page furniture. One-word phrases must be the whole line (give or take a count
// or a colon) because a one-word start is too common in real subheads ("Next steps", "Home prices").
const FurniturePhrase kLinePhrases[] = {
    {"share", Furniture::Share}, {"share this", Furniture::Share}, {"share on", Furniture::Share},
    {"share article", Furniture::Share}, {"share the story", Furniture::Share}, {"sharing", Furniture::Share},
    {"tweet", Furniture::Share}, {"email this", Furniture::Share}, {"print this", Furniture::Share},
    {"copy link", Furniture::Share}, {"facebook", Furniture::Share}, {"twitter", Furniture::Share},
    {"linkedin", Furniture::Share}, {"whatsapp", Furniture::Share}, {"pinterest", Furniture::Share},
    {"reddit", Furniture::Share}, {"email", Furniture::Share}, {"gift this article", Furniture::Share},
    {"save article", Furniture::Share}, {"spread the word", Furniture::Share},
    {"home", Furniture::Navigation}, {"menu", Furniture::Navigation}, {"search", Furniture::Navigation},
    {"skip to", Furniture::Navigation}, {"sign in", Furniture::Navigation}, {"log in", Furniture::Navigation},
    {"login", Furniture::Navigation}, {"register", Furniture::Navigation}, {"sections", Furniture::Navigation},
    {"back to top", Furniture::Navigation}, {"main menu", Furniture::Navigation},
    {"toggle navigation", Furniture::Navigation}, {"you are here", Furniture::Navigation},
    {"go to", Furniture::Navigation}, {"jump to", Furniture::Navigation}, {"close", Furniture::Navigation},
    {"read more", Furniture::Related}, {"read also", Furniture::Related}, {"also read", Furniture::Related},
    {"more from", Furniture::Related}, {"more on", Furniture::Related}, {"more in", Furniture::Related},
    {"related", Furniture::Related}, {"related articles", Furniture::Related},
    {"related stories", Furniture::Related}, {"related posts", Furniture::Related},
    {"related content", Furniture::Related}, {"you may also like", Furniture::Related},
    {"you might also like", Furniture::Related}, {"you may like", Furniture::Related},
    {"recommended", Furniture::Related}, {"recommended for you", Furniture::Related},
    {"must read", Furniture::Related}, {"trending", Furniture::Related}, {"trending now", Furniture::Related},
    {"popular", Furniture::Related}, {"most popular", Furniture::Related}, {"most read", Furniture::Related},
    {"most viewed", Furniture::Related}, {"top stories", Furniture::Related}, {"top topics", Furniture::Related},
    {"see also", Furniture::Related}, {"further reading", Furniture::Related}, {"read next", Furniture::Related},
    {"up next", Furniture::Related}, {"more stories", Furniture::Related}, {"latest", Furniture::Related},
    {"latest news", Furniture::Related}, {"latest stories", Furniture::Related},
    {"editors picks", Furniture::Related}, {"editor s picks", Furniture::Related},
    {"don t miss", Furniture::Related}, {"in case you missed it", Furniture::Related},
    {"continue reading", Furniture::Related}, {"keep reading", Furniture::Related},
    {"read the full", Furniture::Related}, {"read full", Furniture::Related}, {"more like this", Furniture::Related},
    {"what to read next", Furniture::Related}, {"other stories", Furniture::Related},
    {"advertisement", Furniture::Advertisement}, {"advertisment", Furniture::Advertisement},
    {"ad", Furniture::Advertisement}, {"ads", Furniture::Advertisement}, {"sponsored", Furniture::Advertisement},
    {"sponsored content", Furniture::Advertisement}, {"promoted", Furniture::Advertisement},
    {"paid content", Furniture::Advertisement}, {"partner content", Furniture::Advertisement},
    {"story continues below", Furniture::Advertisement}, {"article continues below", Furniture::Advertisement},
    {"scroll to continue", Furniture::Advertisement}, {"continue reading below", Furniture::Advertisement},
    {"newsletter", Furniture::Newsletter}, {"sign up", Furniture::Newsletter}, {"signup", Furniture::Newsletter},
    {"subscribe", Furniture::Newsletter}, {"get our", Furniture::Newsletter}, {"join our", Furniture::Newsletter},
    {"enter your email", Furniture::Newsletter}, {"email address", Furniture::Newsletter},
    {"we use cookies", Furniture::Cookie}, {"cookie", Furniture::Cookie}, {"cookies", Furniture::Cookie},
    {"cookie settings", Furniture::Cookie}, {"cookie policy", Furniture::Cookie},
    {"accept", Furniture::Cookie}, {"accept all", Furniture::Cookie}, {"reject all", Furniture::Cookie},
    {"accept cookies", Furniture::Cookie}, {"manage preferences", Furniture::Cookie},
    {"got it", Furniture::Cookie}, {"i agree", Furniture::Cookie},
    {"comments", Furniture::Comments}, {"comment", Furniture::Comments}, {"leave a reply", Furniture::Comments},
    {"leave a comment", Furniture::Comments}, {"post a comment", Furniture::Comments},
    {"add a comment", Furniture::Comments}, {"join the discussion", Furniture::Comments},
    {"join the conversation", Furniture::Comments}, {"show comments", Furniture::Comments},
    {"view comments", Furniture::Comments}, {"load comments", Furniture::Comments},
    {"reply", Furniture::Comments}, {"replies", Furniture::Comments}, {"responses", Furniture::Comments},
    {"log in to comment", Furniture::Comments}, {"what do you think", Furniture::Comments},
    {"tags", Furniture::Tags}, {"tagged", Furniture::Tags}, {"tagged with", Furniture::Tags},
    {"topics", Furniture::Tags}, {"filed under", Furniture::Tags}, {"categories", Furniture::Tags},
    {"category", Furniture::Tags}, {"posted in", Furniture::Tags}, {"keywords", Furniture::Tags},
    {"related topics", Furniture::Tags},
    {"previous", Furniture::PrevNext}, {"next", Furniture::PrevNext}, {"prev", Furniture::PrevNext},
    {"previous post", Furniture::PrevNext}, {"next post", Furniture::PrevNext},
    {"previous article", Furniture::PrevNext}, {"next article", Furniture::PrevNext},
    {"previous story", Furniture::PrevNext}, {"next story", Furniture::PrevNext},
    {"older post", Furniture::PrevNext}, {"newer post", Furniture::PrevNext},
    {"older posts", Furniture::PrevNext}, {"newer posts", Furniture::PrevNext},
    {"copyright", Furniture::Footer}, {"all rights reserved", Furniture::Footer},
    {"terms of use", Furniture::Footer}, {"terms of service", Furniture::Footer},
    {"terms and conditions", Furniture::Footer}, {"privacy policy", Furniture::Footer},
    {"privacy", Furniture::Footer}, {"contact us", Furniture::Footer}, {"contact", Furniture::Footer},
    {"about us", Furniture::Footer}, {"about", Furniture::Footer}, {"careers", Furniture::Footer},
    {"advertise", Furniture::Footer}, {"advertise with us", Furniture::Footer}, {"sitemap", Furniture::Footer},
    {"site map", Furniture::Footer}, {"accessibility", Furniture::Footer}, {"powered by", Furniture::Footer},
    {"rss", Furniture::Footer},
    {"photo", Furniture::Caption}, {"photo by", Furniture::Caption}, {"photos", Furniture::Caption},
    {"photograph", Furniture::Caption}, {"image", Furniture::Caption}, {"image credit", Furniture::Caption},
    {"image source", Furniture::Caption}, {"picture", Furniture::Caption}, {"credit", Furniture::Caption},
    {"file photo", Furniture::Caption}, {"caption", Furniture::Caption}, {"image caption", Furniture::Caption},
    {"media caption", Furniture::Caption}, {"photo caption", Furniture::Caption},
    {"min read", Furniture::PageTool}, {"minute read", Furniture::PageTool}, {"listen", Furniture::PageTool},
    {"listen to this article", Furniture::PageTool}, {"listen to this story", Furniture::PageTool},
    {"font size", Furniture::PageTool}, {"text size", Furniture::PageTool}, {"print", Furniture::PageTool},
    {"reading time", Furniture::PageTool}, {"loading", Furniture::PageTool}, {"please wait", Furniture::PageTool},
    {"click here", Furniture::PageTool}, {"tap here", Furniture::PageTool}, {"click to", Furniture::PageTool},
    {"watch", Furniture::PageTool}, {"video", Furniture::PageTool}, {"play video", Furniture::PageTool},
    {"view gallery", Furniture::PageTool}, {"gallery", Furniture::PageTool}, {"expand", Furniture::PageTool},
    {"about the author", Furniture::AuthorBox}, {"about the authors", Furniture::AuthorBox},
    {"author bio", Furniture::AuthorBox}, {"more by", Furniture::AuthorBox},
    {"more articles by", Furniture::AuthorBox}, {"view all posts by", Furniture::AuthorBox},
    {"all posts by", Furniture::AuthorBox}, {"contact the author", Furniture::AuthorBox},
    {"email the author", Furniture::AuthorBox},
    {"follow us", Furniture::Social}, {"follow", Furniture::Social}, {"like us on", Furniture::Social},
    {"join us on", Furniture::Social}, {"find us on", Furniture::Social}, {"connect with us", Furniture::Social},
    {"instagram", Furniture::Social}, {"youtube", Furniture::Social}, {"telegram", Furniture::Social},
    {"for immediate release", Furniture::Boilerplate}, {"press release", Furniture::Boilerplate},
    {"news release", Furniture::Boilerplate}, {"media contact", Furniture::Boilerplate},
    {"media contacts", Furniture::Boilerplate}, {"press contact", Furniture::Boilerplate},
    {"for more information contact", Furniture::Boilerplate},
};

// Phrases that mark furniture wherever they appear in a line of any length: they do not occur in stories.
const FurniturePhrase kNoticePhrases[] = {
    {"we use cookies", Furniture::Cookie}, {"uses cookies", Furniture::Cookie},
    {"use of cookies", Furniture::Cookie}, {"accept cookies", Furniture::Cookie},
    {"accept all cookies", Furniture::Cookie}, {"cookie policy", Furniture::Cookie},
    {"cookie settings", Furniture::Cookie}, {"cookie preferences", Furniture::Cookie},
    {"sign up for our", Furniture::Newsletter}, {"subscribe to our", Furniture::Newsletter},
    {"our newsletter", Furniture::Newsletter}, {"straight to your inbox", Furniture::Newsletter},
    {"delivered to your inbox", Furniture::Newsletter}, {"in your inbox", Furniture::Newsletter},
    {"enter your email", Furniture::Newsletter}, {"unsubscribe at any time", Furniture::Newsletter},
    {"ad blocker", Furniture::Paywall}, {"adblock", Furniture::Paywall}, {"already a subscriber", Furniture::Paywall},
    {"subscribers only", Furniture::Paywall}, {"subscribe to continue", Furniture::Paywall},
    {"create a free account", Furniture::Paywall}, {"free articles remaining", Furniture::Paywall},
    {"enable javascript", Furniture::Paywall}, {"javascript is disabled", Furniture::Paywall},
    {"tag us", Furniture::Social}, {"follow us on", Furniture::Social}, {"like us on", Furniture::Social},
    {"all rights reserved", Furniture::Footer}, {"comments powered by", Furniture::Comments},
    {"disqus", Furniture::Comments}, {"getty images", Furniture::Caption}, {"ap photo", Furniture::Caption},
    {"photo credit", Furniture::Caption}, {"click here to", Furniture::PageTool},
    {"story continues below", Furniture::Advertisement}, {"article continues below", Furniture::Advertisement},
};

enum class FurnitureShape { None, Line, Prefix, Notice };

struct FurnitureMatch {
    Furniture kind = Furniture::None;
    FurnitureShape shape = FurnitureShape::None;  // Prefix: "Related: <a link title>", the content follows
};

// A unit is one logical line: a source line, or several when the page text was hard-wrapped.
struct Unit {
    std::string text;
    std::vector<size_t> sources;
    // Features.
    std::string folded;
    size_t chars = 0;
    int words = 0;
    double lowerRatio = 0;       // share of words starting with a lower-case letter
    bool endsSentence = false;   // . ! ? … (before closing quotes or brackets)
    bool endsColon = false;
    bool startsUpper = false;    // first letter upper case, or a digit or quote first
    int occurrences = 1;         // same folded text elsewhere on the page
    bool listItem = false;
    bool orderedItem = false;
    std::string itemText;
    std::optional<DateMatch> date;
    bool dateOnly = false;       // nothing but a date and labels ("Published:", "Updated")
    bool updatedDate = false;    // "Updated ..." rather than "Published ..."
    FurnitureMatch furniture;
    bool separated = false;      // "Home | News | World", "Home » World": a breadcrumb or menu on one line
    bool dateLabel = false;      // "Published", "Last updated": a label whose date is on the next line
    std::string publicationLabel;  // "Published in Better Work Journal" -> "Better Work Journal"
    int menuRun = 1;             // length of the run of very short lines (menu items) this line is in
    // Decision.
    int block = -1;              // index of the body block this unit became part of
    bool decided = false;
    bool kept = false;
    std::string role;
};

bool endsLikeSentence(std::string_view text) {
    std::u32string cps = decodeUtf8(text);
    while (!cps.empty()) {
        char32_t c = cps.back();
        bool closer = c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB ||
                      c == ' ' || c == '*' || c == '_';
        if (!closer) break;
        cps.pop_back();
    }
    if (cps.empty()) return false;
    char32_t c = cps.back();
    return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

// "• item", "- item", "* item", "1. item", "2) item", "(3) item".
bool hasListMarker(const std::string& text, bool* ordered, std::string* rest) {
    static const char* const bullets[] = {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x97\xA6", "\xE2\x96\xAA",
                                          "\xE2\x80\xA3", "\xE2\x96\xA0", "-",            "*",
                                          "\xE2\x80\x93", "+"};
    for (const char* b : bullets) {
        std::string_view bv(b);
        if (startsWith(text, bv) && text.size() > bv.size() + 1 && text[bv.size()] == ' ') {
            if (ordered) *ordered = false;
            if (rest) *rest = trim(std::string_view(text).substr(bv.size() + 1));
            return true;
        }
    }
    size_t i = text[0] == '(' ? 1 : 0;
    size_t digits = 0;
    while (i + digits < text.size() && text[i + digits] >= '0' && text[i + digits] <= '9') ++digits;
    if (digits == 0 || digits > 2) return false;
    size_t j = i + digits;
    bool closed = j < text.size() && (text[j] == '.' || text[j] == ')');
    if (!closed || (text[0] == '(' && text[j] != ')')) return false;
    if (j + 1 >= text.size() || text[j + 1] != ' ') return false;
    if (ordered) *ordered = true;
    if (rest) *rest = trim(std::string_view(text).substr(j + 2));
    return true;
}

// The leading count of "12 Comments" or the trailing one of "Comments (12)" does not change what a line is.
std::string withoutCounts(const std::string& folded) {
    std::vector<std::string> words = splitWords(folded);
    auto isNumber = [](const std::string& w) {
        return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    while (!words.empty() && isNumber(words.front())) words.erase(words.begin());
    while (!words.empty() && isNumber(words.back())) words.pop_back();
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

FurnitureMatch matchFurniture(const Unit& u) {
    FurnitureMatch best;
    for (const FurniturePhrase& p : kNoticePhrases)
        if (containsPhrase(u.folded, p.phrase)) return {p.kind, FurnitureShape::Notice};
    // Copyright lines: "©", or "copyright" with a year.
    if (u.text.find("\xC2\xA9") != std::string::npos && u.words <= 30) return {Furniture::Footer, FurnitureShape::Notice};
    if (startsWithPhrase(u.folded, "copyright") && findDateTime(u.text) == std::nullopt) {
        bool year = false;
        for (const std::string& w : splitWords(u.folded)) year = year || (w.size() == 4 && w[0] >= '1' && w[0] <= '2');
        if (year || u.words <= 6) return {Furniture::Footer, FurnitureShape::Notice};
    }
    // Caption credit at the start, whatever follows: "Photo: Reuters", "Image credit: ...".
    static const char* const captionStarts[] = {"photo:", "photo by", "photograph:", "image:", "image credit",
                                                "picture:", "credit:", "caption:", "file photo", "(photo"};
    std::string lower = lowerAscii(u.text);
    for (const char* c : captionStarts)
        if (startsWith(lower, c)) return {Furniture::Caption, FurnitureShape::Notice};
    // ... or at the end of a caption: "A cabin in East Montpelier. Photo: Emma Clarke", "(Getty Images)".
    static const char* const creditMarks[] = {". photo: ", ". photo by ", ". photograph: ", ". image: ",
                                              ". credit: ", ". picture: ", " (photo: ", " (photo by ",
                                              "/getty images", "/ap photo", "/reuters)", "/afp)"};
    if (u.words <= 45)
        for (const char* c : creditMarks)
            if (lower.find(c) != std::string::npos) return {Furniture::Caption, FurnitureShape::Notice};
    // Comment headers: "Jane says:", "John Smith wrote:".
    if (u.words <= 6 && (endsWith(lower, " says:") || endsWith(lower, " wrote:") || endsWith(lower, " commented:")))
        return {Furniture::Comments, FurnitureShape::Line};
    // Comment counts: "15 Responses to ...", "3 thoughts on ...".
    {
        std::vector<std::string> ws = splitWords(u.folded);
        if (ws.size() >= 2 && std::all_of(ws[0].begin(), ws[0].end(), [](char c) { return c >= '0' && c <= '9'; })) {
            static const char* const heads[] = {"responses", "response", "thoughts", "comments", "comment", "replies"};
            for (const char* h : heads)
                if (ws[1] == h && (ws.size() == 2 || ws[2] == "to" || ws[2] == "on"))
                    return {Furniture::Comments, FurnitureShape::Line};
        }
    }
    // Teasers that end in "Read more" / "Continue reading".
    if (u.words <= 40 && (endsWith(u.folded, " read more") || endsWith(u.folded, " continue reading")))
        return {Furniture::Related, FurnitureShape::Line};

    const std::string core = withoutCounts(u.folded);
    const bool shortLine = u.words <= 8;
    size_t bestLen = 0;
    for (const FurniturePhrase& p : kLinePhrases) {
        std::string_view phrase(p.phrase);
        bool oneWord = phrase.find(' ') == std::string_view::npos;
        if (core == phrase) {
            if (phrase.size() > bestLen) best = {p.kind, FurnitureShape::Line}, bestLen = phrase.size();
            continue;
        }
        if (!startsWithPhrase(u.folded, phrase) && !startsWithPhrase(core, phrase)) continue;
        // What follows the phrase in the written text: a colon or arrow introduces content ("Related: ...").
        size_t afterWords = std::count(phrase.begin(), phrase.end(), ' ') + 1;
        std::vector<std::string> words = splitWords(u.text);
        std::string rest;
        for (size_t k = 0; k < words.size(); ++k) {
            if (k + 1 == afterWords) {
                std::string w = words[k];
                size_t colon = w.find_first_of(":|\xC2\xBB");
                rest = colon != std::string::npos ? w.substr(colon) : "";
            }
        }
        bool introducesContent = !rest.empty() || (words.size() > afterWords && (words[afterWords] == "|" ||
                                                                                  words[afterWords] == "\xC2\xBB" ||
                                                                                  words[afterWords] == "\xE2\x80\xBA" ||
                                                                                  words[afterWords] == "\xE2\x86\x92"));
        if (introducesContent) {
            if (phrase.size() > bestLen) best = {p.kind, FurnitureShape::Prefix}, bestLen = phrase.size();
        } else if (!oneWord && shortLine) {
            if (phrase.size() > bestLen) best = {p.kind, FurnitureShape::Line}, bestLen = phrase.size();
        }
    }
    if (best.kind != Furniture::None) return best;
    // Previous/next arrows: "« Older post", "Next story →".
    static const char* const arrows[] = {"\xC2\xAB", "\xC2\xBB", "\xE2\x86\x90", "\xE2\x86\x92", "<<", ">>",
                                         "\xE2\x80\xB9", "\xE2\x80\xBA"};
    for (const char* a : arrows)
        if ((startsWith(u.text, a) || endsWith(u.text, a)) && u.words <= 14 && !u.endsSentence)
            return {Furniture::PrevNext, FurnitureShape::Line};
    return best;
}

// Labels that may surround a date on a date line: "Published: ...", "Last updated on ...".
bool isDateLabelWord(const std::string& w) {
    static const char* const labels[] = {"published", "posted", "updated", "last", "modified", "on", "at", "date",
                                         "first", "dated", "originally", "edited", "am", "pm", "a", "m", "p", "et",
                                         "pt", "ct", "mt", "utc", "gmt", "local", "time", "created"};
    for (const char* l : labels)
        if (w == l) return true;
    return false;
}

std::vector<Unit> describeUnits(const std::vector<SourceLine>& lines) {
    std::vector<Unit> units;
    for (const std::vector<size_t>& group : groupWrappedLines(lines)) {
        Unit u;
        u.sources = group;
        for (size_t idx : group) u.text += (u.text.empty() ? "" : " ") + lines[idx].text;
        units.push_back(std::move(u));
    }
    std::map<std::string, int> counts;
    for (Unit& u : units) {
        u.folded = foldForMatching(u.text);
        u.chars = countCodePoints(u.text);
        std::vector<std::string> words = splitWords(u.text);
        int lower = 0, lettered = 0;
        for (const std::string& w : words) {
            std::u32string cps = decodeUtf8(w);
            bool any = std::any_of(cps.begin(), cps.end(), isLetterLike);
            if (!any) continue;
            ++u.words;
            for (char32_t c : cps) {
                if (isLowerLetter(c)) {
                    ++lower, ++lettered;
                    break;
                }
                if (isUpperLetter(c) || (c >= '0' && c <= '9')) {
                    ++lettered;
                    break;
                }
            }
        }
        u.lowerRatio = lettered ? double(lower) / lettered : 0;
        u.endsSentence = endsLikeSentence(u.text);
        u.endsColon = !u.text.empty() && u.text.back() == ':';
        std::u32string cps = decodeUtf8(u.text);
        for (char32_t c : cps) {
            if (isUpperLetter(c) || (c >= '0' && c <= '9')) {
                u.startsUpper = true;
                break;
            }
            if (isLowerLetter(c)) break;
        }
        u.listItem = hasListMarker(u.text, &u.orderedItem, &u.itemText);
        u.date = findDateTime(u.text);
        if (u.date) {
            // A date line may carry two dates ("20:45, 14 Feb 2024 | Updated 21:10, 14 Feb 2024"): take them
            // all out before asking whether anything but labels is left. The first date is the line's date.
            std::string outside = u.text;
            for (int k = 0; k < 3; ++k) {
                std::optional<DateMatch> m = findDateTime(outside);
                if (!m) break;
                outside = outside.substr(0, m->begin) + " " + outside.substr(m->end);
            }
            std::vector<std::string> rest = splitWords(foldForMatching(outside));
            u.dateOnly = std::all_of(rest.begin(), rest.end(), isDateLabelWord);
            std::string before = foldForMatching(u.text.substr(0, u.date->begin));
            u.updatedDate = containsPhrase(before, "updated") || containsPhrase(before, "modified");
        }
        int separators = 0;
        for (const char* sep : {" | ", " \xC2\xBB ", " \xE2\x80\xBA ", " > ", " / ", " \xE2\x80\xA2 ", " \xC2\xB7 "}) {
            size_t pos = 0;
            while ((pos = u.text.find(sep, pos)) != std::string::npos) ++separators, pos += 1;
        }
        u.separated = separators >= 2 && !u.endsSentence && u.words <= 3 * (separators + 1);
        u.furniture = matchFurniture(u);
        if (!u.date && u.words > 0 && u.words <= 3) {
            std::vector<std::string> ws = splitWords(u.folded);
            u.dateLabel = std::all_of(ws.begin(), ws.end(), isDateLabelWord);
        }
        for (const char* label : {"published in ", "appeared in ", "originally published in ", "first published in ",
                                  "originally appeared in "}) {
            if (u.words <= 9 && !u.endsSentence && startsWith(lowerAscii(u.text), label)) {
                u.publicationLabel = trim(u.text.substr(std::string(label).size()));
                break;
            }
        }
        ++counts[u.folded];
    }
    // "image caption," / "Caption:" labels say the next line is a caption.
    for (size_t i = 0; i + 1 < units.size(); ++i) {
        const std::string& f = units[i].folded;
        if (f == "image caption" || f == "media caption" || f == "photo caption" || f == "caption")
            units[i + 1].furniture = {Furniture::Caption, FurnitureShape::Notice};
    }
    // Runs of very short lines (three words or fewer, no sentence): menus.
    for (size_t i = 0; i < units.size();) {
        size_t j = i;
        auto menuItem = [](const Unit& u) { return u.words <= 3 && !u.endsSentence; };
        while (j < units.size() && menuItem(units[j])) ++j;
        for (size_t k = i; k < j; ++k) units[k].menuRun = static_cast<int>(j - i);
        i = j > i ? j : i + 1;
    }
    for (Unit& u : units) u.occurrences = u.folded.empty() ? 1 : counts[u.folded];
    return units;
}

// A line that reads as running text: ends like a sentence with enough words, or is long with ordinary
// lower-case words.
bool isProse(const Unit& u) {
    if (u.furniture.kind != Furniture::None) return false;
    if (u.endsSentence && u.words >= 8 && u.lowerRatio >= 0.3) return true;
    return u.words >= 20 && u.lowerRatio >= 0.4;
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 3: pick the header
// ---------------------------------------------------------------------------------------------------------------

bool isNameParticle(const std::string& w) {
    static const char* const particles[] = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin",
                                            "al", "el", "y", "del", "ter", "ten", "dos", "das", "af"};
    std::string l = lowerAscii(w);
    for (const char* p : particles)
        if (l == p) return true;
    return false;
}

bool isRoleWord(const std::string& w) {
    static const char* const roles[] = {"staff", "writer", "reporter", "correspondent", "editor", "contributor",
                                        "columnist", "senior", "associate", "producer", "photographer", "bureau",
                                        "chief", "special", "contributing", "freelance", "intern", "analyst",
                                        "critic", "host", "anchor", "reporters", "writers", "editors", "team",
                                        "desk", "newsroom", "department"};
    std::string l = lowerAscii(foldForMatching(w));
    for (const char* r : roles)
        if (l == r) return true;
    return false;
}

bool isCalendarWord(const std::string& w) {
    static const char* const words[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december", "monday", "tuesday",
                                        "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                                        "yesterday"};
    std::string l = lowerAscii(w);
    for (const char* c : words)
        if (l == c) return true;
    return false;
}

// One person's name as bylines print it: one to five words, each capitalised (or a particle like "van", or an
// initial), with letters, hyphens, apostrophes and periods only.
bool looksLikeName(const std::string& part) {
    std::vector<std::string> words = splitWords(part);
    if (words.empty() || words.size() > 5) return false;
    int real = 0;
    for (const std::string& w : words) {
        if (isNameParticle(w)) continue;
        std::u32string cps = decodeUtf8(w);
        if (cps.empty() || !(isUpperLetter(cps[0]) || (cps[0] >= 0x100 && isLetterLike(cps[0])))) return false;
        for (char32_t c : cps)
            if (!(isLetterLike(c) || c == '.' || c == '-' || c == '\'' || c == 0x2019) || (c >= '0' && c <= '9'))
                return false;
        if (isCalendarWord(w)) return false;
        ++real;
    }
    return real > 0;
}

struct Byline {
    std::vector<std::string> authors;
    std::optional<DateMatch> date;
};

// "Jane Doe, John Roe and Ann Lee" -> three names. Roles ("Staff Writer") are dropped; anything else that is not
// a name means this was a sentence, not a byline.
std::optional<std::vector<std::string>> parseAuthorList(std::string text) {
    // Cut at what follows the names: a separator, a bracket, " for The Paper", " at The Paper".
    static const char* const cuts[] = {" | ", " \xE2\x80\xA2 ", " \xC2\xB7 ", " \xE2\x80\x94 ", " \xE2\x80\x93 ",
                                       " - ", " / ", "(", " for ", " at ", " on ", " in ", "|"};
    for (const char* c : cuts) {
        size_t pos = text.find(c);
        if (pos != std::string::npos) text = text.substr(0, pos);
    }
    for (const char* joiner : {" and ", " & ", ";", " AND "}) {
        size_t pos;
        while ((pos = text.find(joiner)) != std::string::npos) text.replace(pos, std::string(joiner).size(), ",");
    }
    std::vector<std::string> names, singles;
    size_t start = 0;
    while (start <= text.size()) {
        size_t comma = text.find(',', start);
        std::string part = trim(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        while (!part.empty() && (part.back() == '.' || part.back() == ':')) {
            // A trailing period after a surname ends the byline; keep initials ("Jr.") whole.
            if (part.size() >= 3 && part[part.size() - 3] == ' ') break;
            part.pop_back();
        }
        if (!part.empty()) {
            std::vector<std::string> words = splitWords(part);
            bool role = std::any_of(words.begin(), words.end(), isRoleWord);
            if (!role) {
                if (!looksLikeName(part)) return std::nullopt;
                (words.size() == 1 ? singles : names).push_back(part);
            }
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    // One-word parts next to full names are agencies ("Jane Doe, Reuters"); alone they may be the author.
    if (names.empty()) names = singles;
    if (names.empty()) return std::nullopt;
    return names;
}

std::optional<Byline> readByline(const Unit& u, bool nextToHeadline) {
    if (u.words == 0 || u.words > 18 || u.chars > 160) return std::nullopt;
    if (u.endsSentence && u.words > 12) return std::nullopt;
    const std::string lower = lowerAscii(u.text);
    static const char* const labels[] = {"by ", "written by ", "words by ", "story by ", "text by ",
                                         "reporting by ", "posted by ", "published by ", "author: ", "authors: ",
                                         "by: ", "written by: ", "words: ", "author ", "byline: ", "interview by ",
                                         "interviewed by ", "reported by ", "as told to "};
    Byline b;
    b.date = u.date;
    std::string rest;
    bool labelled = false;
    for (const char* l : labels)
        if (startsWith(lower, l)) {
            rest = u.text.substr(std::string(l).size());
            labelled = true;
            break;
        }
    // "Posted on June 2, 2024 by Jane Doe": the names come after the date.
    if (!labelled && u.date) {
        std::string after = u.text.substr(u.date->end);
        std::string afterLower = lowerAscii(after);
        size_t by = afterLower.find(" by ");
        std::string before = lowerAscii(u.text.substr(0, u.date->begin));
        std::vector<std::string> beforeWords = splitWords(foldForMatching(before));
        bool labelsOnly = std::all_of(beforeWords.begin(), beforeWords.end(), isDateLabelWord);
        if (by != std::string::npos && labelsOnly) {
            rest = after.substr(by + 4);
            labelled = true;
        }
    }
    if (labelled) {
        if (u.date && u.date->begin >= u.text.size() - rest.size()) {
            size_t restStart = u.text.size() - rest.size();
            rest = rest.substr(0, u.date->begin - restStart);
        }
        auto names = parseAuthorList(rest);
        if (!names) {
            // Blogs print the account name: "Posted by admin on ...", "by jdoe". One lower-case token is still a
            // byline; a generic account name is no author.
            std::vector<std::string> restWords = splitWords(rest);
            static const char* const follow[] = {"on", "in", "at", "|", "-"};
            bool alone = restWords.size() == 1 ||
                         (restWords.size() > 1 && std::any_of(std::begin(follow), std::end(follow),
                                                              [&](const char* f) { return restWords[1] == f; }));
            std::string handle = alone ? restWords[0] : std::string();
            while (!handle.empty() && handle.back() == ',') handle.pop_back();
            bool token = !handle.empty() && handle.size() <= 30 &&
                         std::all_of(handle.begin(), handle.end(), [](char c) {
                             return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
                         });
            if (!token) return std::nullopt;
            static const char* const generic[] = {"admin", "administrator", "editor", "staff", "webmaster", "root"};
            bool isGeneric = std::any_of(std::begin(generic), std::end(generic), [&](const char* g) { return handle == g; });
            if (!isGeneric) b.authors.push_back(handle);
            return b;
        }
        b.authors = *names;
        return b;
    }
    // Unlabelled: "Jane Doe | June 2, 2024" right under the headline.
    if (nextToHeadline && u.date) {
        std::string before = trim(u.text.substr(0, u.date->begin));
        while (!before.empty() && std::string("|-,\xE2\x80\x94\xE2\x80\x93\xC2\xB7\xE2\x80\xA2 ").find(before.back()) !=
                                      std::string::npos)
            before.pop_back();
        if (before.empty()) return std::nullopt;
        auto names = parseAuthorList(before);
        if (!names) return std::nullopt;
        for (const std::string& n : *names)
            if (splitWords(n).size() < 2) return std::nullopt;
        b.authors = *names;
        return b;
    }
    return std::nullopt;
}

// Section labels printed above headlines ("World", "Opinion"): never a publication's name.
bool isSectionWord(const std::string& folded) {
    static const char* const sections[] = {
        "news", "opinion", "world", "politics", "business", "sport", "sports", "culture", "technology", "tech",
        "science", "health", "lifestyle", "entertainment", "travel", "food", "arts", "books", "local", "national",
        "international", "economy", "markets", "analysis", "features", "feature", "environment", "climate",
        "education", "religion", "style", "video", "podcasts", "home", "blog", "life", "magazine", "money",
        "exclusive", "breaking", "breaking news", "live", "review", "reviews", "interview", "essay", "column",
        "church", "ministry", "society", "asia", "europe", "africa", "americas", "us", "uk"};
    for (const char* s : sections)
        if (folded == s) return true;
    return false;
}

// A dek (standfirst) reads as a sentence: it ends with a period, or it is long and mostly lower case.
bool looksLikeDek(const Unit& u) {
    return (!u.text.empty() && u.text.back() == '.') || u.words >= 14 || (u.words >= 10 && u.lowerRatio >= 0.6);
}

// Headline shape: several words, no sentence period, starts with a capital. Coarse steps on purpose: equal
// scores fall back to the earlier line, which is what separates a headline from the dek under it.
int headlineScore(const Unit& u) {
    if (u.furniture.kind != Furniture::None || u.dateOnly || u.listItem || u.separated) return -10;
    int s = 0;
    if (u.words >= 3) s += 2;
    if (u.words >= 4 && u.words <= 22) s += 1;
    if (u.chars >= 15 && u.chars <= 180) s += 1;
    if (!u.text.empty() && u.text.back() != '.') s += 1;
    if (u.startsUpper) s += 1;
    if (u.words > 30) s -= 3;
    if (u.words <= 2) s -= 2;
    if (u.date && u.words <= 12) s -= 4;  // a byline or dateline, not a headline
    return s;
}

struct Header {
    std::optional<size_t> headline, dek, byline, dateUnit;
    std::vector<std::string> authors;
    std::string published;
    size_t end = 0;  // first unit after the header
};

// A line that can carry header information: it has words and is neither furniture nor a bare label.
bool isSubstantive(const Unit& u) {
    return u.words > 0 && u.furniture.kind == Furniture::None && !u.dateLabel && u.publicationLabel.empty();
}

// "Daniel Ferreira" alone on a line: an unlabelled byline when it sits under the headline.
bool isBareName(const Unit& u) {
    if (u.words < 2 || u.words > 4 || u.chars > 40 || u.endsSentence || u.date) return false;
    auto names = parseAuthorList(u.text);
    return names && names->size() == 1 && splitWords((*names)[0]).size() >= 2;
}

Header pickHeader(std::vector<Unit>& units) {
    Header h;
    const size_t n = units.size();
    size_t firstProse = n;
    for (size_t i = 0; i < n; ++i)
        if (isProse(units[i])) {
            firstProse = i;
            break;
        }

    // The byline: the first labelled one before (or just inside) the first run of prose.
    for (size_t i = 0; i < n && i < firstProse + 4; ++i) {
        if (auto b = readByline(units[i], false)) {
            h.byline = i;
            h.authors = b->authors;
            break;
        }
    }

    // What the header hangs from: the byline, else a date line just above the story, else the story itself.
    // "Just above" counts substantive lines only: share bars and reading times do not push it away.
    size_t anchor = firstProse;
    if (h.byline) {
        anchor = *h.byline;
    } else {
        int seen = 0;
        for (size_t i = firstProse; i-- > 0 && seen < 4;) {
            if (units[i].dateOnly) {
                anchor = i;
                break;
            }
            if (isSubstantive(units[i])) ++seen;
        }
    }

    // The headline: the best-shaped of the six substantive lines above the anchor.
    std::vector<size_t> window;
    for (size_t i = std::min(anchor, n); i-- > 0 && window.size() < 6;)
        if (isSubstantive(units[i]) && !units[i].dateOnly) window.insert(window.begin(), i);
    std::optional<size_t> best;
    int bestScore = 3;
    for (size_t i : window) {
        int s = headlineScore(units[i]);
        // Headlines sit right above the byline or story, at most a dek away; a tagline or menu further up is
        // shaped the same but has other lines of text in between. Short labels, names and dates do not count.
        int between = 0;
        for (size_t k = i + 1; k < anchor; ++k) {
            const Unit& b = units[k];
            if (isSubstantive(b) && !b.dateOnly && b.words >= 4 && !isBareName(b)) ++between;
        }
        if (between <= 2) s += 1;
        if (i == 0 && units[i].words <= 4) s -= 2;                  // masthead position
        if (units[i].occurrences > 1 && units[i].words <= 4) s -= 2;  // repeated brand or menu
        if (isSectionWord(units[i].folded)) s -= 5;
        // On a tie the earlier line wins only when the later one reads like a dek (a sentence, or long); otherwise
        // the later line is the headline and the earlier one a masthead, menu or tagline.
        if (s > bestScore || (s == bestScore && best && !looksLikeDek(units[i]))) bestScore = s, best = i;
    }
    h.headline = best;

    // Unlabelled bylines under the headline: "Jane Doe | June 2, 2024", or a bare name before the story.
    if (!h.byline && best) {
        int seen = 0;
        for (size_t i = *best + 1; i < n && i < firstProse && seen < 4; ++i) {
            if (!isSubstantive(units[i])) continue;
            ++seen;
            std::optional<Byline> b = readByline(units[i], true);
            if (!b && isBareName(units[i])) b = Byline{*parseAuthorList(units[i].text), std::nullopt};
            if (b) {
                h.byline = i;
                h.authors = b->authors;
                break;
            }
        }
    }

    // The dek: the first line of text between headline and byline (or the date line under the headline).
    size_t headerLimit = h.byline ? *h.byline : anchor;
    if (h.headline) {
        for (size_t i = *h.headline + 1; i < headerLimit && i < n; ++i) {
            const Unit& u = units[i];
            if (!isSubstantive(u) || u.dateOnly || u.words < 4) continue;
            if (!h.byline && !(anchor < n && units[anchor].dateOnly)) break;
            h.dek = i;
            break;
        }
    }

    // The publication date: score every date in the header area; the byline's own beats a date line next to it,
    // which beats one further away; the page's own date above the headline comes last.
    size_t scanFrom = h.headline ? (*h.headline >= 4 ? *h.headline - 4 : 0) : 0;
    size_t scanTo = std::min(n, std::max({firstProse, headerLimit + 3, h.byline ? *h.byline + 4 : 0}));
    int bestDate = -100;
    for (size_t i = scanFrom; i < scanTo; ++i) {
        const Unit& u = units[i];
        if (!u.date) continue;
        bool onByline = h.byline && i == *h.byline;
        if (!onByline && !u.dateOnly) continue;
        int s = 0;
        if (onByline) s += 6;
        if (h.byline && !onByline) s += 4 - int(std::min<size_t>(3, i > *h.byline ? i - *h.byline : *h.byline - i));
        if (h.headline && i > *h.headline) s += 3;
        if (u.date->hasTime) s += 1;
        if (u.updatedDate) s -= 3;
        if (s > bestDate) bestDate = s, h.dateUnit = i, h.published = u.date->iso;
    }

    size_t end = 0;
    for (std::optional<size_t> part : {h.headline, h.dek, h.byline, h.dateUnit})
        if (part) end = std::max(end, *part + 1);
    // Date lines directly under the header belong to it too.
    while (end < n && end > 0 && units[end].dateOnly) ++end;
    h.end = end;
    return h;
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 4: pick the body
// ---------------------------------------------------------------------------------------------------------------

// A short line without sentence punctuation: menu items, link titles, subheads.
bool isShortFragment(const Unit& u) {
    return !u.endsSentence && u.words <= 14 && u.chars <= 110 && !u.listItem && !u.endsColon;
}

bool isParagraphLike(const Unit& u) {
    if (u.endsSentence && u.words >= 2) return true;
    if (u.words >= 12 && u.lowerRatio >= 0.4) return true;
    return u.endsColon && u.words >= 2;
}

bool isHeadingShape(const Unit& u) {
    // "Q: Do you write every day?" is a line of dialogue, not a subhead.
    size_t colon = u.text.find(':');
    if (colon != std::string::npos && colon > 0 && splitWords(u.text.substr(0, colon)).size() <= 2) return false;
    // Two sentences are not a subhead ("A cabin in winter. Photo: ...").
    if (u.text.find(". ") != std::string::npos) {
        size_t dot = u.text.find(". ");
        bool initial = dot >= 2 && u.text[dot - 2] == ' ';  // "J. Smith"
        if (!initial) return false;
    }
    bool question = !u.text.empty() && u.text.back() == '?';
    return (!u.endsSentence || (question && u.words <= 12)) && !u.endsColon && u.words >= 1 && u.words <= 12 &&
           u.chars <= 90 && u.startsUpper && !u.listItem;
}

void decide(Unit& u, bool kept, std::string role) {
    u.decided = true;
    u.kept = kept;
    u.role = std::move(role);
}

struct BodyLayout {
    std::vector<Block> blocks;
    size_t end = 0;  // first unit after the story
};

BodyLayout pickBody(std::vector<Unit>& units, size_t from) {
    BodyLayout body;
    const size_t n = units.size();
    body.end = n;
    int paragraphs = 0;
    size_t storyChars = 0;
    bool started = false;
    bool inList = false;            // collecting items of an unmarked list after a line ending in ':'
    bool listItemsEndSentence = false;
    std::string endReason;

    auto nextUndecided = [&](size_t i) {
        for (size_t k = i + 1; k < n; ++k)
            if (!units[k].decided && units[k].furniture.kind == Furniture::None) return k;
        return n;
    };
    auto addListItem = [&](const std::string& text, bool ordered) {
        if (body.blocks.empty() || body.blocks.back().type != BlockType::List ||
            body.blocks.back().ordered != ordered) {
            Block list;
            list.type = BlockType::List;
            list.ordered = ordered;
            body.blocks.push_back(list);
        }
        RichText item;
        item.text = text;
        body.blocks.back().items.push_back(item);
        return static_cast<int>(body.blocks.size() - 1);
    };
    auto takeColonListItem = [&](Unit& u) {  // an unmarked item of the list a line ending in ':' introduced
        u.block = addListItem(u.text, false);
        decide(u, true, "list item (after a line ending in ':')");
        storyChars += u.chars;
    };

    for (size_t i = from; i < n; ++i) {
        Unit& u = units[i];
        if (u.decided) continue;
        if (!endReason.empty()) {
            std::string what = u.furniture.kind != Furniture::None ? furnitureReason(u.furniture.kind)
                               : u.dateOnly                         ? "date line"
                                                                    : "page text";
            decide(u, false, what + " after the end of the story (" + endReason + ")");
            continue;
        }
        const bool storySoFar = started && (paragraphs >= 2 || storyChars >= 400);
        if (u.furniture.kind != Furniture::None) {
            std::string reason = furnitureReason(u.furniture.kind);
            if (endsArticle(u.furniture.kind) && storySoFar && u.furniture.shape != FurnitureShape::Notice) {
                endReason = "it ends at line " + std::to_string(u.sources.front() + 1) + ": " + reason;
                body.end = i;
                decide(u, false, reason + ", end of the story");
                continue;
            }
            if (endsArticle(u.furniture.kind) && storySoFar && u.furniture.kind == Furniture::Footer) {
                endReason = reason;
                body.end = i;
                decide(u, false, reason + ", end of the story");
                continue;
            }
            decide(u, false, reason);
            // A newsletter box: a heading, one line of pitch, the form's labels.
            if (u.furniture.kind == Furniture::Newsletter && u.furniture.shape == FurnitureShape::Line && u.words <= 4) {
                for (size_t k = i + 1; k < n && k <= i + 3 && !units[k].decided; ++k) {
                    if (units[k].words > 16 || units[k].listItem || units[k].furniture.kind != Furniture::None) break;
                    decide(units[k], false, "newsletter box (under line " + std::to_string(u.sources.front() + 1) + ")");
                }
            }
            // A "Related" or "More from" heading owns the link titles under it.
            if (u.furniture.kind == Furniture::Related && u.furniture.shape == FurnitureShape::Line) {
                for (size_t k = i + 1; k < n && !units[k].decided; ++k) {
                    if (units[k].furniture.kind != Furniture::None) break;  // its own rule decides it
                    if (!isShortFragment(units[k]) && !(units[k].words <= 16 && !isProse(units[k]))) break;
                    decide(units[k], false, "related link (listed under line " + std::to_string(u.sources.front() + 1) + ")");
                }
            }
            inList = false;
            continue;
        }
        if (u.occurrences > 1 && u.words <= 10 && !u.endsSentence) {
            decide(u, false, "repeated on the page (menu, banner or label)");
            continue;
        }
        if (u.dateOnly) {
            decide(u, false, "date line inside the page");
            continue;
        }
        if (u.words == 0 || u.folded == "30") {
            // "###" and "-30-" close a press release or wire story.
            std::string mark;
            for (char ch : u.text)
                if (ch != ' ') mark.push_back(ch);
            if ((mark == "###" || mark == "-30-") && storySoFar) {
                endReason = "end mark " + mark;
                body.end = i;
                decide(u, false, "end-of-story mark");
                continue;
            }
            decide(u, false, "no words (separator or count)");
            continue;
        }
        if (u.dateLabel) {
            decide(u, false, "date label");
            continue;
        }
        if (!u.publicationLabel.empty()) {
            decide(u, false, "publication label");
            continue;
        }
        if (!started && u.words <= 6 && !u.endsSentence) {
            std::vector<std::string> ws = splitWords(u.text);
            if (std::any_of(ws.begin(), ws.end(), isRoleWord)) {
                decide(u, false, "author's role or affiliation");
                continue;
            }
        }
        if (u.separated) {
            decide(u, false, "navigation (items separated by bars or arrows)");
            continue;
        }
        if (readByline(u, false) && !isProse(u)) {
            decide(u, false, "another byline");
            continue;
        }
        // Lists: marked items, or short lines after a line that ends with a colon.
        if (u.listItem) {
            u.block = addListItem(u.itemText, u.orderedItem);
            decide(u, true, u.orderedItem ? "list item (numbered)" : "list item");
            inList = false;  // a marked list needs no unmarked continuation
            started = true;
            storyChars += u.chars;
            continue;
        }
        if (inList) {
            bool sameShape = u.endsSentence == listItemsEndSentence;
            if (u.words <= 20 && sameShape && !(isHeadingShape(u) && u.words > 8)) {
                takeColonListItem(u);
                continue;
            }
            inList = false;
        }
        // A run of three or more short fragments is a list of links, unless a colon introduced it.
        if (isShortFragment(u)) {
            size_t run = 0;
            for (size_t k = i; k < n && !units[k].decided && isShortFragment(units[k]) &&
                               units[k].furniture.kind == Furniture::None;
                 ++k)
                ++run;
            if (run >= 3) {
                if (started && !body.blocks.empty() && body.blocks.back().type == BlockType::Paragraph &&
                    endsWith(body.blocks.back().text.text, ":")) {
                    // The colon's list starts here, with this line (taken now: sent round the loop again, a
                    // heading-shaped fragment would be refused as an item and start the list again, for ever).
                    inList = true;
                    listItemsEndSentence = false;
                    takeColonListItem(u);
                    continue;
                }
                for (size_t k = 0; k < run; ++k)
                    decide(units[i + k], false, "link list (run of short lines without sentences)");
                i += run - 1;
                continue;
            }
        }
        size_t next = nextUndecided(i);
        bool nextIsText = next < n && (isParagraphLike(units[next]) || units[next].listItem);
        if (isHeadingShape(u) && nextIsText && (started || u.words >= 2)) {
            Block h;
            h.type = BlockType::Heading;
            h.level = 2;
            h.text.text = u.text;
            body.blocks.push_back(h);
            u.block = static_cast<int>(body.blocks.size() - 1);
            decide(u, true, "heading");
            continue;
        }
        if (isParagraphLike(u) || (u.words >= 6 && u.lowerRatio >= 0.5)) {
            Block p;
            p.type = BlockType::Paragraph;
            p.text.text = u.text;
            body.blocks.push_back(p);
            u.block = static_cast<int>(body.blocks.size() - 1);
            ++paragraphs;
            started = true;
            storyChars += u.chars;
            decide(u, true, "paragraph " + std::to_string(paragraphs));
            if (u.endsColon && next < n && (units[next].words <= 20)) {
                inList = true;
                listItemsEndSentence = units[next].endsSentence;
            }
            continue;
        }
        decide(u, false, started ? "short fragment, not a sentence" : "before the story: short fragment");
    }

    std::vector<bool> dropBlock(body.blocks.size(), false);
    auto dropUnit = [&](Unit& u, const std::string& reason) {
        if (u.block >= 0) dropBlock[static_cast<size_t>(u.block)] = true;
        decide(u, false, reason);
    };

    // Pull quotes: a short paragraph whose text also appears inside a longer paragraph nearby is a repeat, not
    // content. Pull quotes are short and sit within a few paragraphs of their source, which bounds the search.
    std::vector<std::string> folded;
    for (const Block& b : body.blocks) folded.push_back(b.type == BlockType::Paragraph ? foldForMatching(b.text.text) : "");
    const size_t reach = 12;
    for (size_t i = from; i < n; ++i) {
        Unit& u = units[i];
        if (!u.kept || u.block < 0 || folded[u.block].empty() || u.words < 6 || u.words > 60) continue;
        const size_t self = static_cast<size_t>(u.block);
        for (size_t b = self > reach ? self - reach : 0; b < folded.size() && b <= self + reach; ++b)
            if (b != self && folded[b].size() > folded[self].size() && containsPhrase(folded[b], folded[self])) {
                dropUnit(u, "pull quote (repeats a sentence of the story)");
                break;
            }
    }

    // A little text stranded after a block of page furniture (a footer blurb after the related links) is not
    // the story's continuation: the story is the long run before it.
    size_t gapStart = n, gapLength = 0, lastGapEnd = n;
    for (size_t i = from; i < n; ++i) {
        if (!units[i].kept) {
            if (gapLength++ == 0) gapStart = i;
        } else {
            if (gapLength >= 3 && gapStart > from) lastGapEnd = i;
            gapLength = 0;
        }
    }
    if (lastGapEnd < n) {
        size_t before = 0, after = 0;
        int afterParagraphs = 0;
        for (size_t i = from; i < n; ++i) {
            if (!units[i].kept) continue;
            if (i < lastGapEnd) {
                before += units[i].chars;
            } else {
                after += units[i].chars;
                if (isParagraphLike(units[i])) ++afterParagraphs;
            }
        }
        if (after * 4 < before && afterParagraphs <= 2)
            for (size_t i = lastGapEnd; i < n; ++i)
                if (units[i].kept) dropUnit(units[i], "short text stranded after page furniture (footer blurb)");
    }

    // The story ends with a sentence: lines without one after the last sentence are prompts ("Get the biggest
    // stories by email") that happened to be long enough to pass for text.
    for (size_t i = n; i-- > from;) {
        Unit& u = units[i];
        if (!u.kept) continue;
        if (u.endsSentence || u.role.rfind("paragraph ", 0) != 0 || u.endsColon) break;
        dropUnit(u, "unfinished line after the story's last sentence (a prompt)");
    }

    // Rebuild without the dropped blocks and number the paragraphs again.
    std::vector<Block> kept;
    for (size_t k = 0; k < body.blocks.size(); ++k)
        if (!dropBlock[k]) kept.push_back(std::move(body.blocks[k]));
    body.blocks = std::move(kept);
    int paragraphNumber = 0;
    for (size_t i = from; i < n; ++i)
        if (units[i].kept && units[i].role.rfind("paragraph ", 0) == 0)
            units[i].role = "paragraph " + std::to_string(++paragraphNumber);
    // For the footer's sake the story ends at its last kept line, terminator or not.
    size_t lastKept = from;
    for (size_t i = from; i < n; ++i)
        if (units[i].kept) lastKept = i + 1;
    body.end = std::min(body.end, lastKept);
    return body;
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 3b: the publication's name (needs the body's end to know where the footer is)
// ---------------------------------------------------------------------------------------------------------------

struct NameCandidate {
    std::string display;
    std::string key;    // folded, without a leading "the"
    int origin = 0;     // 0 standalone line, 1 masthead, 2 page-title suffix or label, 3 copyright line
    bool needsSupport = false;  // a footer line, or a masthead inside a menu: only counts if something agrees
};

std::string nameKey(const std::string& name) {
    std::string f = foldForMatching(name);
    if (startsWith(f, "the ")) f = f.substr(4);
    return f;
}

// "Copyright © 2018 The China Christian Daily , INC. All Rights Reserved." -> "The China Christian Daily".
std::string nameFromCopyright(const std::string& line) {
    std::string lower = lowerAscii(line);
    size_t cut = lower.find("all rights reserved");
    std::string s = cut == std::string::npos ? line : line.substr(0, cut);
    std::vector<std::string> words = splitWords(s);
    std::vector<std::string> kept;
    for (const std::string& w : words) {
        std::string f = foldForMatching(w);
        bool year = f.size() >= 4 && std::all_of(f.begin(), f.end(), [](char c) {
                        return (c >= '0' && c <= '9') || c == ' ';
                    });
        if (f == "copyright" || f == "c" || f.empty() || year || w == "\xC2\xA9") continue;
        kept.push_back(w);
    }
    std::string name;
    for (const std::string& w : kept) name += (name.empty() ? "" : " ") + w;
    // Legal suffixes name the company, not the publication.
    static const char* const suffixes[] = {"inc", "llc", "ltd", "limited", "plc", "corp", "corporation", "co",
                                           "gmbh", "pty"};
    for (bool again = true; again;) {
        again = false;
        while (!name.empty() && (name.back() == '.' || name.back() == ',' || name.back() == ' ')) name.pop_back();
        std::vector<std::string> ws = splitWords(name);
        if (ws.size() > 1)
            for (const char* suffix : suffixes)
                if (foldForMatching(ws.back()) == suffix) {
                    name = name.substr(0, name.size() - ws.back().size());
                    again = true;
                    break;
                }
    }
    if (splitWords(name).size() > 8) return {};
    return name;
}

bool looksLikeBrand(const Unit& u) {
    return u.words >= 1 && u.words <= 6 && u.chars <= 60 && !u.endsSentence && u.startsUpper && !u.dateOnly &&
           u.furniture.kind == Furniture::None && !u.listItem && !isSectionWord(u.folded) && !u.separated;
}

std::string pickSourceName(std::vector<Unit>& units, const Header& h, size_t bodyEnd, std::string headlineText,
                           std::vector<size_t>& mastheads) {
    std::vector<NameCandidate> candidates;
    const size_t n = units.size();
    size_t headline = h.headline ? *h.headline : 0;
    // Masthead: the first line of the page shaped like a name, past any cookie banner or "skip" link, cut
    // at a separator ("The Plain Dispatch -- Weekly Edition").
    int looked = 0;
    for (size_t i = 0; i < headline && looked < 3; ++i) {
        if (units[i].furniture.kind != Furniture::None || units[i].dateOnly || units[i].words == 0) continue;
        ++looked;
        std::string name = units[i].text;
        for (const char* sep : {" -- ", " | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", ": "}) {
            size_t pos = name.find(sep);
            if (pos != std::string::npos && pos > 0) name = name.substr(0, pos);
        }
        Unit shape = units[i];
        shape.words = static_cast<int>(splitWords(name).size());
        shape.chars = countCodePoints(name);
        if (looksLikeBrand(shape)) {
            candidates.push_back({name, nameKey(name), 1, units[i].menuRun >= 4});
            mastheads.push_back(i);
            break;
        }
    }
    std::string headlineFolded = foldForMatching(headlineText);
    int footerCandidates = 0;
    for (size_t i = 0; i < n; ++i) {
        const Unit& u = units[i];
        // Page title: "<headline> | Publication".
        if (h.headline && i != *h.headline && !headlineFolded.empty() && startsWith(u.folded, headlineFolded) &&
            u.folded.size() > headlineFolded.size()) {
            std::string tail = u.text;
            for (const char* sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
                size_t pos = tail.rfind(sep);
                if (pos != std::string::npos) {
                    std::string name = trim(tail.substr(pos + std::string(sep).size()));
                    if (!name.empty()) candidates.push_back({name, nameKey(name), 2, false});
                    break;
                }
            }
        }
        if (u.furniture.kind == Furniture::Footer && (u.text.find("\xC2\xA9") != std::string::npos ||
                                                      startsWithPhrase(u.folded, "copyright"))) {
            std::string name = nameFromCopyright(u.text);
            if (!name.empty()) candidates.push_back({name, nameKey(name), 3, false});
        }
        if (!u.publicationLabel.empty()) {
            candidates.push_back({u.publicationLabel, nameKey(u.publicationLabel), 2, false});
        }
        // Standalone brand lines in the footer (a bounded number: a page can end in thousands of link lines).
        if (i >= bodyEnd && looksLikeBrand(u) && footerCandidates++ < 40)
            candidates.push_back({u.text, nameKey(u.text), 0, true});
    }
    if (candidates.empty()) return {};

    // Group spellings that nearly agree ("Chiristian" / "Christian"); the group with most support wins, and
    // within it the spelling seen most often. Footer fragments (and mastheads that sit in a menu) alone never make a
    // name: they need another line to agree with.
    std::vector<int> group(candidates.size(), -1);
    int groups = 0;
    for (size_t a = 0; a < candidates.size(); ++a) {
        if (group[a] >= 0) continue;
        group[a] = groups;
        for (size_t b = a + 1; b < candidates.size(); ++b) {
            if (group[b] >= 0) continue;
            const std::string &ka = candidates[a].key, &kb = candidates[b].key;
            size_t tolerance = std::max<size_t>(1, std::min(ka.size(), kb.size()) / 8);
            if (ka == kb || levenshtein(ka, kb) <= tolerance) group[b] = groups;
        }
        ++groups;
    }
    int bestGroup = -1, bestVotes = 0;
    for (int g = 0; g < groups; ++g) {
        int votes = 0;
        bool anchored = false;
        std::set<int> origins;
        for (size_t c = 0; c < candidates.size(); ++c)
            if (group[c] == g) {
                ++votes;
                anchored = anchored || !candidates[c].needsSupport;
                origins.insert(candidates[c].origin);
            }
        // Weak candidates count only when two different places on the page agree (a masthead in the menu and a
        // footer line), never footer lines among themselves.
        if (!anchored && origins.size() < 2) continue;
        // Ties go to the masthead's group, then the page title, then the copyright line.
        int origin = 9;
        for (size_t c = 0; c < candidates.size(); ++c)
            if (group[c] == g) origin = std::min(origin, candidates[c].origin == 0 ? 9 : candidates[c].origin);
        int score = votes * 10 - origin;
        if (score > bestVotes) bestVotes = score, bestGroup = g;
    }
    if (bestGroup < 0) return {};
    std::map<std::string, int> keyVotes;
    for (size_t c = 0; c < candidates.size(); ++c)
        if (group[c] == bestGroup) ++keyVotes[candidates[c].key];
    std::string bestKey;
    int most = 0;
    for (size_t c = 0; c < candidates.size(); ++c)
        if (group[c] == bestGroup && keyVotes[candidates[c].key] > most)
            most = keyVotes[candidates[c].key], bestKey = candidates[c].key;
    // Spelling: a standalone line or masthead prints the name itself, a copyright line prints the company; a
    // spelling in capitals only is styling, so any other spelling of the same name is preferred to it.
    auto rank = [](const NameCandidate& c) {
        bool shouting = std::none_of(c.display.begin(), c.display.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
        return (shouting ? 10 : 0) + (c.origin == 0 ? -1 : c.origin);
    };
    const NameCandidate* chosen = nullptr;
    for (const NameCandidate& c : candidates)
        if (c.key == bestKey && (!chosen || rank(c) < rank(*chosen))) chosen = &c;
    return chosen ? chosen->display : std::string();
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 5: clean up and report
// ---------------------------------------------------------------------------------------------------------------

// Stage 3, applied: the header's lines become the article's fields, and every other line above the header's end
// is page chrome with a reason.
void applyHeader(std::vector<Unit>& units, const Header& header, Article& article) {
    if (header.headline) {
        article.title = units[*header.headline].text;
        decide(units[*header.headline], true, "title");
    }
    if (header.dek) {
        article.subtitle = units[*header.dek].text;
        decide(units[*header.dek], true, "subtitle");
    }
    for (const std::string& name : header.authors) article.authors.push_back({smartenPunctuation(name), ""});
    article.published = header.published;
    if (header.byline) {
        std::string names;
        for (const std::string& a : header.authors) names += (names.empty() ? "" : "; ") + a;
        bool withDate = header.dateUnit && *header.dateUnit == *header.byline;
        decide(units[*header.byline], true,
               (names.empty() ? std::string("byline (no named author)") : "byline: " + names) +
                   (withDate ? ", published " + header.published : std::string()));
    }
    if (header.dateUnit && !units[*header.dateUnit].decided)
        decide(units[*header.dateUnit], true, "published " + header.published);
    // Lines that repeat the headline (the page's <title>, a breadcrumb) are not content anywhere.
    if (header.headline) {
        const std::string& hf = units[*header.headline].folded;
        for (Unit& u : units)
            if (!u.decided && !hf.empty() && startsWith(u.folded, hf) && u.words <= units[*header.headline].words + 8)
                decide(u, false, "repeats the headline (page title)");
    }
    for (size_t i = 0; i < header.end && i < units.size(); ++i) {
        Unit& u = units[i];
        if (u.decided) continue;
        std::string reason;
        if (u.dateOnly)
            reason = header.headline && i < *header.headline ? "page date, not the article's" : "another date line";
        else if (u.words == 0)
            reason = "no words (separator or count)";
        else if (u.dateLabel)
            reason = "date label";
        else if (!u.publicationLabel.empty())
            reason = "publication label";
        else if (u.furniture.kind != Furniture::None)
            reason = furnitureReason(u.furniture.kind);
        else if (header.headline && i > *header.headline)
            reason = "between headline and byline";
        else if (u.separated || (isShortFragment(u) && u.words <= 3))
            reason = "before the headline: navigation or section label";
        else
            reason = "before the headline";
        decide(u, false, reason);
    }
}

// Wire and press-release datelines give the date when the header did not: "NORTHFIELD, Minn. — April 12,
// 2022 — The library ...". Only a date near the start of the first paragraph, between dashes, counts.
std::string datelineDate(const std::vector<Block>& blocks) {
    auto dash = [](const std::string& x, bool atEnd) {
        for (const char* d : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-"}) {
            std::string_view dv(d);
            if (atEnd ? endsWith(x, dv) : startsWith(x, dv)) return true;
        }
        return false;
    };
    for (const Block& b : blocks) {
        if (b.type != BlockType::Paragraph) continue;
        const std::string& t = b.text.text;
        std::optional<DateMatch> m = findDateTime(t);
        if (!m || m->begin > 60) return {};
        std::string before = trim(t.substr(0, m->begin));
        std::string after = trim(t.substr(m->end));
        bool opened = before.empty() || dash(before, true) || endsWith(before, ",");
        if (opened && dash(after, false) && splitWords(before).size() <= 6) return m->iso;
        return {};
    }
    return {};
}

bool sameName(const std::string& a, const std::string& b) {
    const std::string ka = nameKey(a), kb = nameKey(b);
    return levenshtein(ka, kb) <= std::max<size_t>(1, std::min(ka.size(), kb.size()) / 8);
}

// Once the publication's name is known: "By A, B and C, The Daily Star" does not make the paper an author, and
// the masthead's verdict can say whose name it is.
void applySourceName(std::vector<Unit>& units, const std::vector<size_t>& mastheads, Article& article) {
    if (article.source.name.empty()) return;
    auto isSource = [&](const Author& a) { return sameName(a.name, article.source.name); };
    article.authors.erase(std::remove_if(article.authors.begin(), article.authors.end(), isSource),
                          article.authors.end());
    for (size_t m : mastheads)
        if (!units[m].kept && sameName(units[m].text.substr(0, std::min(units[m].text.size(), article.source.name.size() + 4)),
                                       article.source.name))
            units[m].role = "masthead (publication name: " + article.source.name + ")";
}

void smartenBlocks(std::vector<Block>& blocks) {
    for (Block& b : blocks) {
        smartenPunctuation(b.text);
        for (RichText& item : b.items) smartenPunctuation(item);
        smartenPunctuation(b.caption);
        smartenPunctuation(b.attribution);
    }
}

// Stage 5: typography on every text the article carries, a title whatever happens, the id.
void cleanUp(Article& article, const ImportOptions& options) {
    if (article.title.empty()) article.title = options.fallbackTitle.empty() ? "Untitled" : options.fallbackTitle;
    article.title = smartenPunctuation(article.title);
    article.subtitle = smartenPunctuation(article.subtitle);
    article.source.name = smartenPunctuation(article.source.name);
    smartenBlocks(article.blocks);
    replaceControlCharacters(article);  // the loader refuses them: what we write must load
    article.id = slugFromTitle(article.title);
}

// One verdict per input line: its unit's, marked "(continued)" on the later lines of a joined unit.
std::vector<LineVerdict> verdictsFor(const std::vector<SourceLine>& lines, const std::vector<Unit>& units) {
    std::vector<const Unit*> owner(lines.size(), nullptr);
    std::vector<bool> continued(lines.size(), false);
    for (const Unit& u : units)
        for (size_t k = 0; k < u.sources.size(); ++k) {
            owner[u.sources[k]] = &u;
            continued[u.sources[k]] = k > 0;
        }
    std::vector<LineVerdict> verdicts;
    for (size_t i = 0; i < lines.size(); ++i) {
        LineVerdict v;
        v.lineNumber = lines[i].number;
        v.text = lines[i].raw;
        if (!owner[i]) {
            v.role = "blank";
        } else {
            v.kept = owner[i]->kept;
            v.role = owner[i]->role.empty() ? "unclassified" : owner[i]->role;
            if (continued[i]) v.role += " (continued)";
        }
        verdicts.push_back(std::move(v));
    }
    return verdicts;
}

}  // namespace

std::optional<std::vector<std::string>> readBylineLine(std::string_view line, std::string* published) {
    std::vector<SourceLine> lines = splitSourceLines(line);
    std::vector<Unit> units = describeUnits(lines);
    if (units.size() != 1) return std::nullopt;
    std::optional<Byline> b = readByline(units[0], false);
    if (!b) return std::nullopt;
    if (published && b->date) *published = b->date->iso;
    for (std::string& a : b->authors) a = smartenPunctuation(a);
    return b->authors;
}

ImportResult importScrapedText(std::string_view text, const ImportOptions& options) {
    ImportResult result;
    Article& article = result.article;
    article.lang = options.lang.empty() ? "en-US" : options.lang;

    std::vector<SourceLine> lines = splitSourceLines(text);   // 1. split lines
    std::vector<Unit> units = describeUnits(lines);            // 2. describe them
    Header header = pickHeader(units);                         // 3. header
    applyHeader(units, header, article);
    BodyLayout body = pickBody(units, header.end);             // 4. body
    article.blocks = std::move(body.blocks);
    if (article.published.empty()) article.published = datelineDate(article.blocks);
    std::vector<size_t> mastheads;                             // 3b. the publication, once the footer is known
    article.source.name = pickSourceName(units, header, body.end, article.title, mastheads);
    applySourceName(units, mastheads, article);
    cleanUp(article, options);                                 // 5. clean up
    result.lines = verdictsFor(lines, units);
    return result;
}

}  // namespace galley
