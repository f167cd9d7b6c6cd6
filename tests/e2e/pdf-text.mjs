// pdf-text.mjs — the text of a PDF page by page, by poppler's pdftotext (Debian's poppler-utils, which
// scripts/setup.sh installs), for tests that print: what a reader would find and copy in the PDF; and a page as
// an image (pdftoppm).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POINTS_PER_MM = 72 / 25.4;

// pdf: the file's bytes; area: {top, bottom} in mm from the page's top and bottom edges (the part of each page to
// read: the body between the margins, or one margin), pageHeightMm and pageWidthMm the paper's. Returns the pages'
// text as arrays of lines (white space folded, empty lines dropped), in the order pdftotext reads them (-raw: the
// order the page drew them in, which is the DOM's).
export function pdfPages(pdf, { pageWidthMm, pageHeightMm, top = 0, bottom = 0 }) {
  const dir = mkdtempSync(join(tmpdir(), 'galley-pdf-'));
  try {
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    // -r 72: the crop box is in points.
    const y = Math.floor(top * POINTS_PER_MM);
    const height = Math.ceil((pageHeightMm - bottom) * POINTS_PER_MM) - y;
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-r', '72', '-x', '0', '-y', String(y),
      '-W', String(Math.ceil(pageWidthMm * POINTS_PER_MM)), '-H', String(height), file, '-'],
      { encoding: 'utf8', maxBuffer: 1 << 28 });
    const pages = text.split('\f');
    if (pages[pages.length - 1].trim() === '') pages.pop();
    return pages.map((page) => page.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The pages the PDF's images are drawn on, one entry per image (pdfimages -list, the same package).
export function pdfImagePages(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'galley-pdf-'));
  try {
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2)
      .filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).map((l) => Number(l.trim().split(/\s+/)[0]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// One page rendered as a PNG (pdftoppm, the same package) at `dpi`: what the paper shows.
export function pdfPagePng(pdf, pageNumber, dpi = 50) {
  const dir = mkdtempSync(join(tmpdir(), 'galley-pdf-'));
  try {
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(pageNumber), '-l', String(pageNumber),
      '-singlefile', file], { maxBuffer: 1 << 28 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
