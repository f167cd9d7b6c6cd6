// page_furniture.cpp — see page_furniture.h. The vocabulary is English.
#include "page_furniture.h"

#include <algorithm>
#include <string>
#include <vector>

#include "date_parse.h"
#include "folded_text.h"
#include "text_lines.h"
#include "text_util.h"

namespace galley::importing::scraped {

namespace {

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

}  // namespace

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
        if (ws.size() >= 2 && std::all_of(ws[0].begin(), ws[0].end(), [](char c) { return chars::isDigit(static_cast<unsigned char>(c)); })) {
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

}  // namespace galley::importing::scraped
