// line-boxes.mjs — a page's word boxes grouped into lines, in the terms of Galley's layout dump (`galley layout
// --json`), which wasm/core/layout/line_boxes.h reads back so that layout_quality.h judges Chromium's lines as it
// judges Galley's: the figures are defined there, not here. Pure (no DOM), so that a test can give it a fixed layout.
//
// paragraphs: [{block, pieces: [{text, left, right, top, bottom, continues}]}]: each paragraph's words in reading
// order, a word the browser broke across lines as one piece per line (`continues`: the word goes on at the next
// line's start); columnLeft: the text column's left edge, in the boxes' coordinates; width: the column's; space: the
// font's natural space, px.
// Returns {width, lines: [{block, role, last, hyphenated, space, words: [{text, x, width}]}]}, x from the column's
// left edge. A line ending inside a word counts as hyphenated, and its last word gets the hyphen the dump's words
// carry (keepsEveryWord takes it off again), unless the word breaks after a hyphen or dash of its own ("Sino-" /
// "Korean"): as in Galley's dump, that line ends in a word but not in an inserted hyphen.
const ENDS_IN_DASH = /[-\u2010\u2011\u2012\u2013\u2014\u2015]$/u;
export function linesFromWordBoxes({ paragraphs, columnLeft, width, space }) {
  const lines = [];
  for (const { block, pieces } of paragraphs) {
    let line = null, lineTop = 0, lineBottom = 0;
    for (const piece of pieces) {
      // A new line when this box starts below the middle of the current line's first box (left to right text:
      // boxes of one line share their top, give or take a face's ascent).
      if (!line || piece.top >= (lineTop + lineBottom) / 2) {
        line = { block, role: 'paragraph', last: false, hyphenated: false, space, words: [] };
        lines.push(line);
        lineTop = piece.top;
        lineBottom = piece.bottom;
      }
      const insertedHyphen = piece.continues && !ENDS_IN_DASH.test(piece.text);
      line.words.push({ text: piece.text + (insertedHyphen ? '-' : ''), x: piece.left - columnLeft,
                        width: piece.right - piece.left });
      if (insertedHyphen) line.hyphenated = true;
    }
    if (line) line.last = true;
  }
  return { width, lines };
}
