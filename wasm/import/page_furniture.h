// page_furniture.h — what a line of page furniture is (share prompts, menus, cookie and newsletter notices,
// comments, tags, footers, captions...) and how a line is recognised as one: by the phrases it opens with or
// holds, and by a few shapes (comment headers, counts, copyright lines, arrows).
#pragma once

namespace galley::importing::scraped {

enum class Furniture {
    None, Share, Navigation, Related, Advertisement, Newsletter, Cookie, Paywall, Comments, Tags, PrevNext,
    Footer, Caption, PageTool, AuthorBox, Social, Boilerplate
};

// What `galley import --explain` says of a line dropped as this kind.
const char* furnitureReason(Furniture f);
// Kinds that only ever come after the story: once the story has started, meeting one ends it.
bool endsArticle(Furniture f);

enum class FurnitureShape { None, Line, Prefix, Notice };

struct FurnitureMatch {
    Furniture kind = Furniture::None;
    FurnitureShape shape = FurnitureShape::None;  // Prefix: "Related: <a link title>", the content follows
};

struct Unit;  // text_lines.h
// Needs the unit's text, folded text, word count and sentence end.
FurnitureMatch matchFurniture(const Unit& u);

}  // namespace galley::importing::scraped
