// body_picker.cpp — see body_picker.h. Two looks at the page after the header. The first reads the units in order
// and decides each one with the first step that claims it (furniture, then lines that carry no text of the story,
// then lists, then runs of link titles, then headings and paragraphs); it also finds where the story ends. The
// second looks back over what was kept, which only the whole story can show: pull quotes, a blurb stranded after
// the related links, a prompt after the last sentence.
#include "body_picker.h"

#include <algorithm>
#include <string>

#include "byline_reader.h"
#include "folded_text.h"
#include "text_util.h"

namespace galley::importing::scraped {
namespace {

// How many blocks either side of a pull quote its source may sit.
constexpr size_t PullQuoteReach = 12;

class BodyPicker {
public:
    BodyPicker(std::vector<Unit>& units, size_t from) : units_(units), from_(from), n_(units.size()) {
        body_.end = n_;
    }

    BodyLayout pick() {
        readStory();
        dropBlock_.assign(body_.blocks.size(), false);
        dropPullQuotes();
        dropStrandedText();
        dropUnfinishedEnd();
        rebuild();
        return std::move(body_);
    }

private:
    std::vector<Unit>& units_;
    const size_t from_, n_;
    BodyLayout body_;
    int paragraphs_ = 0;
    size_t storyChars_ = 0;
    bool started_ = false;
    bool inList_ = false;  // collecting items of an unmarked list after a line ending in ':'
    bool listItemsEndSentence_ = false;
    std::string endReason_;          // set once the story has ended
    std::vector<bool> dropBlock_;    // second look: blocks taken out again

    // Enough story that furniture which only follows a story may end it.
    bool storySoFar() const { return started_ && (paragraphs_ >= 2 || storyChars_ >= 400); }

    void endStory(size_t i, std::string reason) {
        endReason_ = std::move(reason);
        body_.end = i;
    }

    size_t nextUndecided(size_t i) const {
        for (size_t k = i + 1; k < n_; ++k)
            if (!units_[k].decided && units_[k].furniture.kind == Furniture::None) return k;
        return n_;
    }

    int addBlock(Block b) {
        body_.blocks.push_back(std::move(b));
        return static_cast<int>(body_.blocks.size() - 1);
    }

    int addListItem(const std::string& text, bool ordered) {
        if (body_.blocks.empty() || body_.blocks.back().type != BlockType::List ||
            body_.blocks.back().ordered != ordered) {
            Block list;
            list.type = BlockType::List;
            list.ordered = ordered;
            body_.blocks.push_back(list);
        }
        ListItem item;
        item.text.text = text;
        body_.blocks.back().items.push_back(item);
        return static_cast<int>(body_.blocks.size() - 1);
    }

    void takeColonListItem(Unit& u) {  // an unmarked item of the list a line ending in ':' introduced
        u.block = addListItem(u.text, false);
        decide(u, true, "list item (after a line ending in ':')");
        storyChars_ += u.chars;
    }

    // --- First look: each unit in order. The order of the steps matters: furniture and labels are claimed before
    // the shape tests, which would otherwise take a cookie notice for a paragraph.
    void readStory() {
        for (size_t i = from_; i < n_; ++i) {
            Unit& u = units_[i];
            if (u.decided) continue;
            if (!endReason_.empty()) {
                dropAfterEnd(u);
            } else if (u.furniture.kind != Furniture::None) {
                takeFurniture(i);
            } else if (!dropNonStory(i) && !takeListItem(u)) {
                if (size_t run = dropLinkRun(i))
                    i += run - 1;
                else
                    takeText(i);
            }
        }
    }

    // Everything after the story's end is page text, whatever it looks like: the verdict says what ended it.
    void dropAfterEnd(Unit& u) {
        std::string what = u.furniture.kind != Furniture::None ? furnitureReason(u.furniture.kind)
                           : u.dateOnly                         ? "date line"
                                                                : "page text";
        decide(u, false, what + " after the end of the story (" + endReason_ + ")");
    }

    // Furniture is dropped. Kinds that only follow a story end it once there is one, unless they are notices
    // (a cookie banner can float anywhere). A newsletter or "Related" heading takes the lines under it along.
    void takeFurniture(size_t i) {
        Unit& u = units_[i];
        std::string reason = furnitureReason(u.furniture.kind);
        if (endsArticle(u.furniture.kind) && storySoFar() && u.furniture.shape != FurnitureShape::Notice) {
            endStory(i, "it ends at line " + std::to_string(u.sources.front() + 1) + ": " + reason);
            decide(u, false, reason + ", end of the story");
            return;
        }
        if (endsArticle(u.furniture.kind) && storySoFar() && u.furniture.kind == Furniture::Footer) {
            endStory(i, reason);
            decide(u, false, reason + ", end of the story");
            return;
        }
        decide(u, false, reason);
        if (u.furniture.kind == Furniture::Newsletter && u.furniture.shape == FurnitureShape::Line && u.words <= 4)
            dropNewsletterBox(i);
        if (u.furniture.kind == Furniture::Related && u.furniture.shape == FurnitureShape::Line) dropRelatedLinks(i);
        inList_ = false;
    }

    // A newsletter box: a heading, one line of pitch, the form's labels.
    void dropNewsletterBox(size_t heading) {
        for (size_t k = heading + 1; k < n_ && k <= heading + 3 && !units_[k].decided; ++k) {
            if (units_[k].words > 16 || units_[k].listItem || units_[k].furniture.kind != Furniture::None) break;
            decide(units_[k], false,
                   "newsletter box (under line " + std::to_string(units_[heading].sources.front() + 1) + ")");
        }
    }

    // A "Related" or "More from" heading owns the link titles under it.
    void dropRelatedLinks(size_t heading) {
        for (size_t k = heading + 1; k < n_ && !units_[k].decided; ++k) {
            if (units_[k].furniture.kind != Furniture::None) break;  // its own rule decides it
            if (!isShortFragment(units_[k]) && !(units_[k].words <= 16 && !isProse(units_[k]))) break;
            decide(units_[k], false,
                   "related link (listed under line " + std::to_string(units_[heading].sources.front() + 1) + ")");
        }
    }

    // Lines that carry none of the story's text though no furniture phrase names them: repeated labels, dates,
    // separators and end marks, labels, roles, menus on one line, further bylines.
    bool dropNonStory(size_t i) {
        Unit& u = units_[i];
        if (u.occurrences > 1 && u.words <= 10 && !u.endsSentence) {
            decide(u, false, "repeated on the page (menu, banner or label)");
            return true;
        }
        if (u.dateOnly) {
            decide(u, false, "date line inside the page");
            return true;
        }
        if (u.words == 0 || u.folded == "30") {
            // "###" and "-30-" close a press release or wire story.
            std::string mark;
            for (char ch : u.text)
                if (ch != ' ') mark.push_back(ch);
            if ((mark == "###" || mark == "-30-") && storySoFar()) {
                endStory(i, "end mark " + mark);
                decide(u, false, "end-of-story mark");
                return true;
            }
            decide(u, false, "no words (separator or count)");
            return true;
        }
        if (u.dateLabel) {
            decide(u, false, "date label");
            return true;
        }
        if (!u.publicationLabel.empty()) {
            decide(u, false, "publication label");
            return true;
        }
        if (!started_ && u.words <= 6 && !u.endsSentence) {
            std::vector<std::string> ws = splitWords(u.text);
            if (std::any_of(ws.begin(), ws.end(), isRoleWord)) {
                decide(u, false, "author's role or affiliation");
                return true;
            }
        }
        if (u.separated) {
            decide(u, false, "navigation (items separated by bars or arrows)");
            return true;
        }
        if (readByline(u, false) && !isProse(u)) {
            decide(u, false, "another byline");
            return true;
        }
        return false;
    }

    // Lists: marked items, or lines of the same shape after a line that ends with a colon.
    bool takeListItem(Unit& u) {
        if (u.listItem) {
            u.block = addListItem(u.itemText, u.orderedItem);
            decide(u, true, u.orderedItem ? "list item (numbered)" : "list item");
            inList_ = false;  // a marked list needs no unmarked continuation
            started_ = true;
            storyChars_ += u.chars;
            return true;
        }
        if (inList_) {
            bool sameShape = u.endsSentence == listItemsEndSentence_;
            if (u.words <= 20 && sameShape && !(isHeadingShape(u) && u.words > 8)) {
                takeColonListItem(u);
                return true;
            }
            inList_ = false;
        }
        return false;
    }

    // A run of three or more short fragments is a list of links, unless a colon introduced it. Returns the units
    // decided (0 when this is no such run).
    size_t dropLinkRun(size_t i) {
        Unit& u = units_[i];
        if (!isShortFragment(u)) return 0;
        size_t run = 0;
        for (size_t k = i; k < n_ && !units_[k].decided && isShortFragment(units_[k]) &&
                           units_[k].furniture.kind == Furniture::None;
             ++k)
            ++run;
        if (run < 3) return 0;
        if (started_ && !body_.blocks.empty() && body_.blocks.back().type == BlockType::Paragraph &&
            endsWith(body_.blocks.back().text.text, ":")) {
            // The colon's list starts here, with this line (taken now: sent round the loop again, a
            // heading-shaped fragment would be refused as an item and start the list again, for ever).
            inList_ = true;
            listItemsEndSentence_ = false;
            takeColonListItem(u);
            return 1;
        }
        for (size_t k = 0; k < run; ++k) decide(units_[i + k], false, "link list (run of short lines without sentences)");
        return run;
    }

    // What is left is the story's text: a heading when text follows it, a paragraph when it reads as one, else a
    // fragment that is neither (a caption, a label).
    void takeText(size_t i) {
        Unit& u = units_[i];
        size_t next = nextUndecided(i);
        bool nextIsText = next < n_ && (isParagraphLike(units_[next]) || units_[next].listItem);
        if (isHeadingShape(u) && nextIsText && (started_ || u.words >= 2)) {
            Block h;
            h.type = BlockType::Heading;
            h.level = 2;
            h.text.text = u.text;
            u.block = addBlock(std::move(h));
            decide(u, true, "heading");
            return;
        }
        if (isParagraphLike(u) || (u.words >= 6 && u.lowerRatio >= 0.5)) {
            Block p;
            p.type = BlockType::Paragraph;
            p.text.text = u.text;
            u.block = addBlock(std::move(p));
            ++paragraphs_;
            started_ = true;
            storyChars_ += u.chars;
            decide(u, true, "paragraph " + std::to_string(paragraphs_));
            if (u.endsColon && next < n_ && (units_[next].words <= 20)) {
                inList_ = true;
                listItemsEndSentence_ = units_[next].endsSentence;
            }
            return;
        }
        decide(u, false, started_ ? "short fragment, not a sentence" : "before the story: short fragment");
    }

    // --- Second look: over what the first one kept.
    void dropUnit(Unit& u, const std::string& reason) {
        if (u.block >= 0) dropBlock_[static_cast<size_t>(u.block)] = true;
        decide(u, false, reason);
    }

    // Pull quotes: a short paragraph whose text also appears inside a longer paragraph nearby is a repeat, not
    // content. Pull quotes are short and sit within a few paragraphs of their source, which bounds the search.
    void dropPullQuotes() {
        std::vector<std::string> folded;
        for (const Block& b : body_.blocks)
            folded.push_back(b.type == BlockType::Paragraph ? foldForMatching(b.text.text) : "");
        for (size_t i = from_; i < n_; ++i) {
            Unit& u = units_[i];
            if (!u.kept || u.block < 0 || folded[u.block].empty() || u.words < 6 || u.words > 60) continue;
            const size_t self = static_cast<size_t>(u.block);
            for (size_t b = self > PullQuoteReach ? self - PullQuoteReach : 0;
                 b < folded.size() && b <= self + PullQuoteReach; ++b)
                if (b != self && folded[b].size() > folded[self].size() && containsPhrase(folded[b], folded[self])) {
                    dropUnit(u, "pull quote (repeats a sentence of the story)");
                    break;
                }
        }
    }

    // A little text stranded after a block of page furniture (a footer blurb after the related links) is not
    // the story's continuation: the story is the long run before it.
    void dropStrandedText() {
        size_t gapStart = n_, gapLength = 0, lastGapEnd = n_;
        for (size_t i = from_; i < n_; ++i) {
            if (!units_[i].kept) {
                if (gapLength++ == 0) gapStart = i;
            } else {
                if (gapLength >= 3 && gapStart > from_) lastGapEnd = i;
                gapLength = 0;
            }
        }
        if (lastGapEnd >= n_) return;
        size_t before = 0, after = 0;
        int afterParagraphs = 0;
        for (size_t i = from_; i < n_; ++i) {
            if (!units_[i].kept) continue;
            if (i < lastGapEnd) {
                before += units_[i].chars;
            } else {
                after += units_[i].chars;
                if (isParagraphLike(units_[i])) ++afterParagraphs;
            }
        }
        if (after * 4 < before && afterParagraphs <= 2)
            for (size_t i = lastGapEnd; i < n_; ++i)
                if (units_[i].kept) dropUnit(units_[i], "short text stranded after page furniture (footer blurb)");
    }

    // The story ends with a sentence: lines without one after the last sentence are prompts ("Get the biggest
    // stories by email") that happened to be long enough to pass for text.
    void dropUnfinishedEnd() {
        for (size_t i = n_; i-- > from_;) {
            Unit& u = units_[i];
            if (!u.kept) continue;
            if (u.endsSentence || u.role.rfind("paragraph ", 0) != 0 || u.endsColon) break;
            dropUnit(u, "unfinished line after the story's last sentence (a prompt)");
        }
    }

    // Without the dropped blocks, with the paragraphs numbered again; for the footer's sake the story ends at its
    // last kept line, terminator or not.
    void rebuild() {
        std::vector<Block> kept;
        for (size_t k = 0; k < body_.blocks.size(); ++k)
            if (!dropBlock_[k]) kept.push_back(std::move(body_.blocks[k]));
        body_.blocks = std::move(kept);
        int paragraphNumber = 0;
        for (size_t i = from_; i < n_; ++i)
            if (units_[i].kept && units_[i].role.rfind("paragraph ", 0) == 0)
                units_[i].role = "paragraph " + std::to_string(++paragraphNumber);
        size_t lastKept = from_;
        for (size_t i = from_; i < n_; ++i)
            if (units_[i].kept) lastKept = i + 1;
        body_.end = std::min(body_.end, lastKept);
    }
};

}  // namespace

BodyLayout pickBody(std::vector<Unit>& units, size_t from) { return BodyPicker(units, from).pick(); }

}  // namespace galley::importing::scraped
