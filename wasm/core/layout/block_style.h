// block_style.h — the style table: the size, leading and spacing of each kind of block, in ems of the body size.
// Kept together so the page's rhythm can be read (and tuned) in one place; plan.cpp gives them to the pieces.
#pragma once

namespace galley {

namespace style {
constexpr float TitleSize = 1.9f, TitleLineHeight = 1.2f;
constexpr float SubtitleSize = 1.2f, SubtitleLineHeight = 1.4f;
constexpr float BylineSize = 0.8f;
constexpr float HeadingSizes[6] = {1.6f, 1.35f, 1.2f, 1.05f, 1.0f, 1.0f};
constexpr float HeadingLineHeight = 1.25f, HeadingSpaceBefore = 1.4f, HeadingSpaceAfter = 0.4f;
constexpr float ParagraphSpacing = 0.8f;
constexpr float QuoteIndent = 1.5f, QuoteBarX = 0.35f, QuoteBarWidth = 0.15f;
constexpr float PullquoteSize = 1.35f, PullquoteLineHeight = 1.35f;
constexpr float ListIndent = 1.6f, ListItemSpacing = 0.3f, MarkerGap = 0.5f;
constexpr float CaptionSize = 0.85f, CreditSize = 0.75f;
// Code: Noto Sans Mono a little smaller than the serif (its x-height is larger), indented, tighter; notes smaller.
constexpr float CodeSize = 0.85f, CodeLineHeight = 1.45f, CodeIndent = 1.0f;
constexpr const char* ContinuationMark = "\u2192";  // before each wrapped line of code (TextLine::continues)
constexpr float NoteSize = 0.85f, NotesRuleFraction = 0.25f;
constexpr float EmbedTitleSize = 1.05f, EmbedPadding = 0.8f;
constexpr float HeaderRuleGap = 1.2f;
constexpr float ImageAspect = 9.0f / 16.0f;  // when the bundle gives no size
constexpr float DropCapGap = 0.3f;           // between the initial's ink and the text beside it
constexpr int DropCapMinLines = 2, DropCapMaxLines = 4;
// Tables (table.cpp): cells a little smaller and tighter than the body, padded apart (no vertical rules: the space
// between columns is the padding of the two cells beside it), a rule above and below the table and under its header
// rows, hairlines between its other rows; the room below a table that scrolls sideways is the page's scroll bar's.
constexpr float TableSize = 0.9f, TableLineHeight = 1.4f;
constexpr float TableCellPaddingX = 0.5f, TableCellPaddingY = 0.3f;
constexpr float TableFrameRulePx = 1.5f, TableHeaderRulePx = 1.0f, TableRowRulePx = 1.0f;
constexpr float TableScrollbarRoom = 0.9f;
constexpr float TableCaptionSpaceAfter = 0.4f;
}  // namespace style


}  // namespace galley
