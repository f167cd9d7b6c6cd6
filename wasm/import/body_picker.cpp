// body_picker.cpp — see body_picker.h.
#include "body_picker.h"

#include <algorithm>
#include <string>

#include "byline.h"
#include "folded_text.h"
#include "text_util.h"

namespace galley::importing::scraped {

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

}  // namespace galley::importing::scraped
