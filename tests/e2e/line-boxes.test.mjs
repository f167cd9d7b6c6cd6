// tests/bench/line-boxes.mjs on its own, under Node (no browser): a fixed layout of word boxes, as the page's
// collector in chromium-typesetting.mjs gives them, grouped into the layout dump's lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linesFromWordBoxes } from '../bench/line-boxes.mjs';

// Two paragraphs in a 100 px column starting at x = 8, lines 27 px apart, boxes 24 px tall.
const box = (text, left, right, line, continues = false) =>
  ({ text, left: 8 + left, right: 8 + right, top: 10 + 27 * line, bottom: 34 + 27 * line, continues });

test('boxes are grouped into lines by their top, x from the column, the last line of each paragraph marked', () => {
  const { width, lines } = linesFromWordBoxes({
    columnLeft: 8, width: 100, space: 4,
    paragraphs: [
      { block: 0, pieces: [box('One', 0, 30, 0), box('two', 40, 70, 0), box('three', 78, 100, 0), box('four', 0, 35, 1)] },
      { block: 2, pieces: [box('Five', 0, 40, 2), box('six', 50, 100, 2), box('seven', 0, 50, 3)] },
    ],
  });
  assert.equal(width, 100);
  assert.deepEqual(lines.map((l) => [l.block, l.last, l.words.map((w) => w.text).join(' ')]),
                   [[0, false, 'One two three'], [0, true, 'four'], [2, false, 'Five six'], [2, true, 'seven']]);
  assert.deepEqual(lines[0].words, [{ text: 'One', x: 0, width: 30 }, { text: 'two', x: 40, width: 30 },
                                    { text: 'three', x: 78, width: 22 }]);
  assert.ok(lines.every((l) => l.role === 'paragraph' && l.space === 4 && !l.hyphenated));
});

test('a box a little lower (another face\'s ascent) stays on its line; one a line lower starts the next', () => {
  const raised = { ...box('Italic', 40, 80, 0), top: 11.5, bottom: 35.5 };
  const { lines } = linesFromWordBoxes({ columnLeft: 8, width: 100, space: 4,
                                         paragraphs: [{ block: 0, pieces: [box('A', 0, 30, 0), raised, box('b', 0, 9, 1)] }] });
  assert.deepEqual(lines.map((l) => l.words.length), [2, 1]);
});

test('a word broken across lines ends its line hyphenated, with the hyphen the dump\'s words carry', () => {
  const { lines } = linesFromWordBoxes({
    columnLeft: 8, width: 100, space: 4,
    paragraphs: [{ block: 1, pieces: [box('a', 0, 10, 0), box('hyphen', 20, 100, 0, true), box('ated', 0, 40, 1)] }],
  });
  assert.equal(lines.length, 2);
  assert.equal(lines[0].hyphenated, true);
  assert.equal(lines[0].words[1].text, 'hyphen-');
  assert.equal(lines[1].hyphenated, false);
  assert.equal(lines[1].last, true);
});

test('a word broken after a hyphen or dash of its own ends its line in a word, not in an inserted hyphen', () => {
  const { lines } = linesFromWordBoxes({
    columnLeft: 8, width: 100, space: 4,
    paragraphs: [{ block: 0, pieces: [box('Sino-', 0, 50, 0, true), box('Korean', 0, 60, 1), box('a', 70, 80, 1),
                                      box('then\u2014', 0, 50, 2, true), box('now', 0, 30, 3)] }],
  });
  assert.deepEqual(lines.map((l) => [l.hyphenated, l.words.map((w) => w.text).join(' ')]),
                   [[false, 'Sino-'], [false, 'Korean a'], [false, 'then\u2014'], [false, 'now']]);
});

test('an empty paragraph gives no line', () => {
  assert.deepEqual(linesFromWordBoxes({ columnLeft: 0, width: 50, space: 4, paragraphs: [{ block: 0, pieces: [] }] }).lines, []);
});
