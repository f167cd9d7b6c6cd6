// html_document.h — an HTML page as a tree of elements and text, parsed by gumbo (an HTML5 parser: the tree a
// browser builds, entities decoded, unclosed tags closed as the standard says).
//
// Gumbo is used only in html_document.cpp: the rest of the HTML importer reads this tree, whose nodes live in one
// vector and refer to each other by index (no recursion to destroy it, no pointers to keep valid). Comments,
// scripts but JSON-LD, styles and templates are left out of it. Nesting deeper than MaxTreeDepth is flattened into
// the element at that depth (the text is kept); pages whose tags would nest deeper than MaxTagNesting before
// parsing are refused, since gumbo's time grows with the square of the depth (100,000 nested <div>s: minutes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace galley::importing::html {

using NodeId = int32_t;
constexpr NodeId NoNode = -1;

struct Node {
    bool isText = false;
    std::string tag;    // element: lower-case name ("p", "article"); text: empty
    std::string text;   // text: as in the page, entities decoded, white space not collapsed
    std::vector<std::pair<std::string, std::string>> attributes;  // names lower-case, in the page's order
    std::vector<NodeId> children;
    NodeId parent = NoNode;
    int line = 0;       // 1-based line of the element's start tag (or the text) in the page
    int depth = 0;

    // The attribute's value, or "" (`has` tells an empty value from none).
    const std::string& attribute(std::string_view name) const;
    bool has(std::string_view name) const;
};

struct Document {
    std::vector<Node> nodes;   // in document order: a node's descendants follow it
    NodeId html = NoNode;      // <html>
    NodeId head = NoNode;
    NodeId body = NoNode;
    std::vector<std::string> jsonLd;  // the text of each <script type="application/ld+json">, in order

    const Node& operator[](NodeId id) const { return nodes[static_cast<size_t>(id)]; }
    // The first element named `tag` at or under `from`, in document order.
    NodeId find(NodeId from, std::string_view tag) const;
    // Every element named `tag` (any of them when `tag` is empty) under `from`, in document order.
    std::vector<NodeId> all(NodeId from, std::string_view tag) const;
    // One past the last descendant of `id` in `nodes` (descendants are contiguous).
    NodeId end(NodeId id) const;
    bool contains(NodeId ancestor, NodeId id) const;
};

constexpr int MaxTreeDepth = 256;
constexpr int MaxTagNesting = 2000;

struct ParseOutcome {
    Document document;
    std::string refused;  // non-empty: why the page was not parsed ("tags nest deeper than 2000 levels (line 12)")
};

// `utf8` must be valid UTF-8 (html_charset.h makes it so).
ParseOutcome parseDocument(std::string_view utf8);

}  // namespace galley::importing::html
