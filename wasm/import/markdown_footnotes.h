// markdown_footnotes.h — footnotes as GitHub and Pandoc write them, which md4c does not parse: definitions
// ("[^label]: text", at a line's start) are taken out of the text before md4c sees it, and references ("[^label]")
// are found in the text md4c gives back, each becoming the note's number under a Note mark.
//
// Numbers follow the order of first reference ("1", "2", ...; note ids "fn-1", "fn-2"), whatever the labels say. A
// reference with no definition stays as its literal text (the caller says so in --explain); a definition never
// referred to is still kept, numbered after the referenced ones, so that its text is not lost.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "markdown_inline_text.h"

namespace galley::importing::markdown {

struct FootnoteDefinition {
    std::string label;     // as written between "[^" and "]"
    std::string markdown;  // its text, continuation lines de-indented
    size_t firstLine = 0, lastLine = 0;  // inclusive, indices into the lines given
};

// Definitions at a line's start (up to three spaces in), outside fenced code, with their continuation lines: the
// lines that follow up to a blank one (a heading or a code fence ends it too), and after a blank line the lines
// indented by four spaces or a tab (a second paragraph). Their lines are emptied in `lines`, so that md4c never sees
// them and every other line keeps its number.
std::vector<FootnoteDefinition> takeFootnoteDefinitions(std::vector<std::string>& lines, size_t firstLine);

// The numbers of the notes, given out in order of first reference.
class FootnoteNumbers {
public:
    explicit FootnoteNumbers(const std::vector<FootnoteDefinition>& definitions);
    // The note's number for a reference to `label`, 0 when no definition has that label (the first definition of a
    // label is the one referred to).
    int numberFor(const std::string& label);
    // Gives the first definition (in the order written) without a number the next one; false when all have one.
    bool numberNextUnreferenced();
    // Definition indices by number: that of note 1, 2, ...
    const std::vector<size_t>& definitionsInOrder() const { return numbered_; }

private:
    std::map<std::string, size_t> firstDefinition_;  // label -> definition index
    std::vector<size_t> numbered_;                  // definition index of note 1, 2, ...
    std::vector<int> numberOf_;                     // per definition: its number, 0 while it has none
};

inline std::string footnoteId(size_t number) { return "fn-" + std::to_string(number); }

// Each "[^label]" outside code (its bracket not escaped) with a definition becomes that note's number under a Note
// mark; the labels of those without one are added to `missing`, with the code point they start at.
void resolveFootnoteReferences(InlineText& text, FootnoteNumbers& numbers,
                               std::vector<std::pair<uint32_t, std::string>>& missing);

}  // namespace galley::importing::markdown
