// layout.h — an article to a display list: block layout (header, paragraphs, headings, quotes, lists, images,
// dividers) over measured paragraphs and the line breaker.
//
// ArticleLayout keeps the measured paragraphs between calls, so a new width re-runs only line breaking and
// placement; a new font size, drop-cap setting or article re-measures. It owns no fonts: the FontSet is passed in
// and must outlive it.
//
// Incremental layout: begin() then advance() lays out whole blocks at a time, measuring each paragraph only when it
// is first placed, and stops between blocks when asked to. A viewer sets the first screen of a long article at
// once and the rest in slices that never hold its thread for long; layout() is begin() plus advance() to the end.
//
// Long paragraphs (more than two windows of text, see windowBytes) are measured and broken a window at a time, and
// advance() may stop between windows: a 1 MB paragraph then sets in slices too, in memory for one window. Each window
// is broken as if the paragraph ended with it and gives its last lines back to the next, so the lines differ from
// a whole-paragraph Knuth-Plass only where the windows meet, and rarely there.
//
// Micro-typography (on by default, optimal breaking only): hanging punctuation, font expansion and letter spacing
// (see paragraph_builder.h); glyphs of an expanded line carry PlacedGlyph::scaleX, and lines their hangs, scale and
// letter spacing.
#pragma once

#include "display_list.h"
#include "font.h"
#include "model.h"
#include "paragraph_builder.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace galley {

// How the body is set. Auto: justified, unless justifying would stretch the word spaces of some line past
// JustifyMaxSpaceRatio times their natural width (layout_quality.h; LinePlacer::stretchesSpacesPast says which lines
// count); then the whole column is set ragged, never some paragraphs of it. DisplayList::justified says which.
enum class Align : uint8_t { Justify, Left, Auto };
enum class Breaking : uint8_t { Optimal, FirstFit };

struct LayoutParams {
    float width = 560;          // text column, CSS px
    float fontSize = 18;        // body em size, CSS px
    float lineHeight = 1.5f;    // body line height, multiple of the em
    Align align = Align::Justify;
    Breaking breaking = Breaking::Optimal;
    bool hangingPunctuation = true;  // quotes, periods, commas, hyphens hang into the margins (optimal breaking)
    bool fontExpansion = true;      // justified lines may set glyphs up to ±2% wider (optimal breaking)
    bool letterSpacing = true;      // ...and space letters up to 5% of a space wider, 2% narrower (optimal breaking)
    bool dropCap = false;           // the first body paragraph opens with a big initial letter...
    int dropCapLines = 3;           // ...this many lines tall (2 to 4)
    bool recordRuns = false;        // fill DisplayList::runs (the layout dump's runs of glyphs per face)
};

// What a first screen can show of an article: the pieces whose tops can lie above `height` (CSS px from the
// article's top) in a column at most `params.width` wide. A piece's height is bounded below by its CJK text alone
// (half an em a code point: compressed punctuation, half-width kana; one line of its own size at least), so that a
// long CJK article's first frame waits for the slices of its first screen, not for its rare characters further on.
// Other text counts as no width: a Latin article's first screen is all of it (its faces are few and small).
struct FirstScreen {
    LayoutParams params;
    float height = 0;
};

// Code point offsets in `text` where a hyphen may go, and where one may go only as a last resort (capitalised words:
// findHyphenationPoints); the caller decides what may be hyphenated.
using HyphenateFn =
    std::function<void(const std::string& text, std::vector<uint32_t>& points, std::vector<uint32_t>& lastResort)>;

class LinePlacer;
struct ParagraphSetting;

class ArticleLayout {
public:
    ArticleLayout(const FontSet& fonts, const Article& article);
    ~ArticleLayout();
    void setHyphenation(HyphenateFn fn) { hyphenate_ = std::move(fn); measuredFor_ = -1; }
    // Thai words broken by this dictionary (line_breaks.h; kept by address, read only); null: Thai breaks only at
    // spaces and other opportunities UAX #14 gives.
    void setThaiDictionary(const ThaiDictionary* thai) { thai_ = thai; measuredFor_ = -1; }
    // Which slice of its face holds each CJK character (cjk_tiers.h; kept by address, read only); null: the last.
    void setCjkTiers(const CjkTiers* tiers) { cjkTiers_ = tiers; measuredFor_ = -1; }
    DisplayList layout(const LayoutParams& params);
    // The same into `out`, reusing its memory (lines, words, glyphs): what a viewer relaying out on resize wants.
    void layout(const LayoutParams& params, DisplayList& out);

    // Starts laying out into `out` (cleared, its memory kept); nothing is placed until advance(). `out` must stay
    // alive and untouched by others until done().
    void begin(const LayoutParams& params, DisplayList& out);
    // Places blocks until the article is done or `more()` (asked after each block) returns false. out.height is
    // always the height laid out so far. Returns done().
    bool advance(const std::function<bool()>& more);
    bool done() const;
    // Times the layout begun last started: 1, or 2 once Align::Auto found a line too loose and started over ragged
    // (the lines and glyphs laid out until then are gone: whoever copied them copies them again).
    uint32_t passes() const { return passes_; }
    uint32_t blocksDone() const;  // article blocks laid out so far (all of them once done)
    // Lines of `out` laid out so far; until done(), lines after them are left from an earlier layout (kept for
    // their memory) and are not this layout's.
    size_t linesDone() const;
    float progress() const;       // fraction of the article's text laid out, 0..1 (for estimating the height)
    // The text a line is set from (TextLine::source), until the next layout with other parameters; null for none.
    const RichText* sourceText(uint32_t source) const;

    // Text per window of a long paragraph, in bytes: about 100 lines at 560 px, measured, broken and placed in about
    // 2.5 ms natively even without a space. Paragraphs up to twice that (some 2,700 words) are set whole. Set before
    // the first layout; tests lower it.
    size_t windowBytes = 8192;

private:
    struct Piece;  // one paragraph (measured when first placed), rule or image, and where it goes (piece.h)
    struct TextInProgress;
    // What placing a piece came to: all of it, a stop between windows (more() said so), or a start over ragged.
    enum class Placed : uint8_t { Whole, Stopped, StartedOver };
    friend FaceSlots facesUsed(const Article&, const CjkTiers*, bool*, const FirstScreen*);
    static std::vector<Piece> planPieces(const Article& article, const LayoutParams& params);  // plan.cpp
    static FaceSlots facesUsed(const Article& article, const CjkTiers* cjkTiers, bool* needsCjkTiers,
                               const FirstScreen* screen);
    void plan(const LayoutParams& params);
    void measurePiece(Piece& piece, float fontSize);
    void splitDropCap(Piece& piece, const RichText& text, float fontSize);
    MeasuredParagraph measureText(const Piece& piece, size_t beginByte, size_t endByte, uint32_t beginCodePoint) const;
    // Places a piece, or goes on with the one begun; false when it stopped between windows because more() said so.
    Placed placePiece(Piece& piece, const std::function<bool()>& more);
    void startOver();  // clears the output and places from the first piece again
    // Align::Auto: whether the first `count` lines just broken for `s` stretch their spaces too far to justify; if
    // so, the layout starts over ragged.
    bool tooLooseToJustify(const ParagraphSetting& s, size_t count);
    float indentOf(const Piece& piece) const;  // where the piece's column starts, CSS px
    float indentPx(float ems) const;            // an indent in ems, in CSS px (at most 30% of the column)
    void placeFigure(const Piece& piece);  // a rule or an image
    void placeTable(size_t tablePiece);    // a table and its cells, the pieces after it (table.cpp)
    void openText(const Piece& piece);     // space before, marker, drop cap; the setting of its lines
    void placeDropCap(const Piece& piece, float x0, float y, float firstBaseline, float lineHeightPx);  // drop_cap.cpp
    Placed setWindows(const Piece& piece, const std::function<bool()>& more);  // windows.cpp
    void closeText(const Piece& piece);    // quote bar, rules, space after
    void finish();

    const FontSet& fonts_;
    const Article& article_;
    HyphenateFn hyphenate_;
    const ThaiDictionary* thai_ = nullptr;
    const CjkTiers* cjkTiers_ = nullptr;
    // Shaped runs of this article's text (its faces are fixed for the layout's life): measured once per word.
    mutable std::unique_ptr<ShapingCache> shapingCache_;
    std::vector<Piece> pieces_;
    float measuredFor_ = -1;  // font size the pieces were measured at
    int measuredDropCapLines_ = 0;  // and the drop cap they were measured for (0: none)
    MeasureOptions measureOptions_; // and what their boxes may stretch by
    BreakWorkspace breakWorkspace_;
    std::vector<LineBreak> breaks_;
    uint64_t totalBytes_ = 0;  // text of all pieces, for progress()
    size_t glyphEstimate_ = 0; // code points of all pieces but spaces, to reserve the display list's glyphs

    // The layout in progress (begin() to done()).
    LayoutParams params_;
    DisplayList* out_ = nullptr;
    std::unique_ptr<LinePlacer> placer_;
    size_t nextPiece_ = 0;
    uint64_t doneBytes_ = 0;
    float y_ = 0;
    std::unique_ptr<TextInProgress> text_;
    bool justifying_ = true;  // the body is set justified (Align::Justify, or Auto until a line is too loose)
    uint32_t passes_ = 0;
};

// The faces an article's text asks for, as face slots (font.h): header, block styles and inline marks
// (emphasis, strong and both), each in the slices its text's code points fall in. A viewer fetches these before the
// first layout, and the others when they are needed. CJK characters take the slices `cjkTiers` give them
// (cjk_tiers.h); *needsCjkTiers, when given, is set when CJK text needs tiers and none are given: then the slots are
// not yet the ones to fetch. Given a `screen`, only the pieces it can show count (the regular face always does).
FaceSlots facesUsed(const Article& article, const CjkTiers* cjkTiers = nullptr, bool* needsCjkTiers = nullptr,
                    const FirstScreen* screen = nullptr);

// A quote's attribution as layout sets it: after an em dash and a space for a block quote (its marks moved with
// it), as it is for a pull quote. The text layer matches the attribution's lines against this.
RichText attributionAsSet(const Block& block);

// A note as set at the article's end: its label (its first reference's text, `label`), a link back to that
// reference ("#" + noteReferenceAnchor(id)), then a no-break space and its text. A note nothing refers to is its
// text alone. The text layer matches the note's lines against this.
RichText noteAsSet(const Note& note, const std::string& label);
// The anchor of a note's first reference ("ref:" and its id: the colon keeps it apart from every heading's id).
std::string noteReferenceAnchor(const std::string& noteId);

}  // namespace galley
