// footnotes.h — a page's footnotes as the article's notes: a reference is a short in-page link ("1", "[2]", "*")
// in a <sup>, or marked as one (role=doc-noteref, a class word footnote, fnref or noteref), to an element with that
// id; the notes are those elements, and the list or section that holds them (class or id footnotes, endnotes,
// notes, role=doc-endnotes, else their list) is not repeated among the blocks. A note's back-links ("↩") are left out
// of its text.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "html_document.h"

namespace galley::importing::html {

struct Footnotes {
    std::map<std::string, std::string> noteByTarget;  // page id "fn1" -> the note's id in the article
    std::vector<std::pair<std::string, NodeId>> notes;  // note id, the element holding its text, in page order
    std::set<NodeId> containers;                        // where the notes are: not mapped as blocks
    std::set<std::string> backTargets;                  // ids of the references: a note's links back to them
};

Footnotes findFootnotes(const Document& doc, const std::vector<NodeId>& roots);

}  // namespace galley::importing::html
