// footnotes.cpp — see footnotes.h.
#include "footnotes.h"

#include "bundle_loader.h"
#include "text_measure.h"
#include "utf8.h"

namespace galley::importing::html {
namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool namesNotes(const Node& n) {
    const std::string words = lower(n.attribute("class") + " " + n.attribute("id") + " " + n.attribute("role"));
    for (const char* w : {"footnote", "endnote", "doc-endnotes", "doc-footnote", "notes"})
        if (words.find(w) != std::string::npos) return true;
    return false;
}

bool marksAReference(const Document& doc, NodeId a) {
    const Node& n = doc[a];
    const std::string words = lower(n.attribute("class") + " " + n.attribute("role") + " " + n.attribute("id"));
    if (words.find("noteref") != std::string::npos || words.find("fnref") != std::string::npos ||
        words.find("footnote") != std::string::npos)
        return true;
    return n.parent != NoNode && doc[n.parent].tag == "sup";
}

}  // namespace

Footnotes findFootnotes(const Document& doc, const std::vector<NodeId>& roots) {
    Footnotes f;
    std::map<std::string, NodeId> byId;
    for (NodeId k = 0; k < static_cast<NodeId>(doc.nodes.size()); ++k)
        if (!doc[k].isText && doc[k].has("id")) byId.emplace(doc[k].attribute("id"), k);
    for (NodeId root : roots)
        for (NodeId k = root, stop = doc.end(root); k < stop; ++k) {
            const Node& n = doc[k];
            if (n.isText || n.tag != "a") continue;
            const std::string& href = n.attribute("href");
            if (href.size() < 2 || href[0] != '#' || !marksAReference(doc, k)) continue;
            const std::string target = href.substr(1);
            auto it = byId.find(target);
            if (it == byId.end() || doc.contains(it->second, k) || doc.contains(k, it->second)) continue;
            const std::string label = collapsedText(doc, k, {}, 40);
            if (label.empty() || utf8::countCodePoints(label) > 8) continue;
            const NodeId note = it->second;
            if (doc[note].tag != "li" && doc[note].tag != "p" && doc[note].tag != "div" && doc[note].tag != "aside" &&
                doc[note].tag != "dd" && doc[note].tag != "section")
                continue;
            if (!f.noteByTarget.count(target)) {
                std::string id = isAnchorId(target) ? target : "note-" + std::to_string(f.notes.size() + 1);
                f.noteByTarget[target] = id;
                f.notes.push_back({id, note});
                NodeId container = doc[note].parent;
                for (NodeId a = doc[note].parent; a != NoNode && a != doc.body; a = doc[a].parent)
                    if (namesNotes(doc[a])) {
                        container = a;
                        break;
                    }
                if (container != NoNode && (doc[container].tag == "ol" || doc[container].tag == "ul" ||
                                            namesNotes(doc[container])))
                    f.containers.insert(container);
                else
                    f.containers.insert(note);
            }
            if (n.has("id")) f.backTargets.insert(n.attribute("id"));
            if (doc[n.parent].has("id")) f.backTargets.insert(doc[n.parent].attribute("id"));
        }
    return f;
}

}  // namespace galley::importing::html
