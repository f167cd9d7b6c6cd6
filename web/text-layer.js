// text-layer.js — the transparent DOM copy of the drawn article, as PDF.js does it: every drawn line is transparent
// text placed exactly over it and spaced to its drawn width, inside elements with the article's real structure
// (header > h1, dek, byline; h2..h6 by heading level; p; blockquote; ul/ol > li; figure > img role + figcaption).
// That keeps selection, copy, find in page, links, anchors and screen readers native while the canvas draws.
//
// Why this shape (each measured in Chromium): absolutely placed line spans are blocks to find-in-page, so a phrase
// across a line break is not found, and absolutely placed paragraphs lose their breaks in a copy. So blocks stay in
// normal flow, each given its height and a top margin that puts it where layout put it; inside a block, lines are
// inline spans in a zero-width element, separated by a space (or <wbr> where a word breaks), so every separator
// wraps and each span gets a row of its own: one inline run per paragraph, as find and copy need. Relative offsets
// place each span on its drawn line; word spacing stretches it to the drawn width, as justification did.
//
// Bundle text only ever goes in with textContent; hrefs only as http:, https: or mailto: (checked again here, though
// the loader already refuses others). Ids that come from a bundle (heading anchors, or slugs of heading text) are
// the article's, not the page's: their elements carry them behind ARTICLE_ID_PREFIX, so no bundle can give an
// element an id the page uses (the page's own ids all start with galley-). Headings keep the bundle's id in the
// API (headings, scrollToHeading, #fragments), which the pages map to the element.

export const ARTICLE_ID_PREFIX = 'article-';

import { COLOR_FAMILY, FACES } from './faces.js';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function safeHref(href) {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

// The face a line was drawn in (its "f", an index into FACES), for measuring its natural width (the span is then
// spaced to the drawn width).
function fontOf(faceIndex) {
  const face = FACES[faceIndex] || FACES[0];
  return { family: `"${face.family}", "${COLOR_FAMILY}", ${face.generic}`, weight: String(face.weight),
           style: face.italic ? 'italic' : 'normal' };
}

function slugify(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'section';
}

// A part's text as find and copy see it: lines joined by a space, except where a word breaks or a drop cap ends.
function textOf(lines) {
  return lines.map((l, i) => l.t + (i + 1 < lines.length && !l.iw && l.r !== 'dropcap' ? ' ' : '')).join('').trim();
}

// Groups lines into a tree: blocks (header, or one per article block) of parts (elements holding lines). `carry`:
// the block the last chunk ended in and its list item count, when this chunk's first lines continue it.
function groupLines(lines, blocks, carry) {
  const groups = [];
  const byKey = new Map();
  let listItem = 0;
  for (const line of lines) {
    if (line.r === 'marker') continue;   // list markers are drawn; ul/ol give screen readers the numbering
    const key = line.b < 0 ? 'header' : `b${line.b}`;
    let group = byKey.get(key);
    if (!group) {
      const continued = !groups.length && carry?.block === line.b;
      group = { block: line.b, type: line.b < 0 ? 'header' : blocks[line.b]?.type || 'paragraph', parts: [],
                continued, firstItem: continued ? carry.listItem : 0 };
      byKey.set(key, group);
      groups.push(group);
      listItem = group.firstItem;
    }
    // A new part when the role changes, and for each list item.
    const partKey = line.r === 'list' ? `list${listItem}` : line.r === 'dropcap' ? 'paragraph' : line.r;
    let part = group.parts[group.parts.length - 1];
    if (!part || part.key !== partKey) {
      part = { key: partKey, role: line.r === 'dropcap' ? 'paragraph' : line.r, lines: [] };
      group.parts.push(part);
    }
    part.lines.push(line);
    if (line.r === 'list' && line.last) listItem++;
    group.listItems = listItem;
  }
  return groups;
}

const CONTAINER_TAG = { header: 'header', quote: 'blockquote', pullquote: 'aside', image: 'figure' };
const PART_TAG = { title: 'h1', subtitle: 'p', byline: 'p', paragraph: 'p', quote: 'p', pullquote: 'p', list: 'li',
                   caption: 'figcaption', attribution: 'p' };

function boxOf(lines, extra = []) {
  let top = Infinity, bottom = -Infinity;
  for (const l of lines) { top = Math.min(top, l.y); bottom = Math.max(bottom, l.y + l.h); }
  for (const b of extra) { top = Math.min(top, b.y); bottom = Math.max(bottom, b.y + b.h); }
  return { top, height: Math.max(0, bottom - top) };
}

// In normal flow: the top margin takes the element from where the previous one ended to where layout put it.
function place(el, box, flow) {
  el.style.marginTop = `${box.top - flow.bottom}px`;
  el.style.height = `${box.height}px`;
  flow.bottom = box.top + box.height;
}

// Creates an empty layer in `container` and returns it; the layout's lines arrive in chunks of whole blocks
// (galley_text_layer_next) and append() adds each after the ones before, so a long article's layer is built in
// slices that never hold the page for long. A long paragraph or list comes in parts: each part is an element of its
// own (a second p, or ul/ol numbered on), in the next chunk's section. info: galley_article_info()'s JSON (blocks,
// lang). imageState(block): 'loaded', 'missing' or 'loading'. The layer: {append(chunk), headings: [{id, text,
// level, element}], blockBoxes: Map(block → {top, bottom}, where layout put it, from the container's top; a block in
// several parts spans them all), figures: Map(block → image
// element), words, lead (the text of the dek, or else of the first paragraph: what describes the article)}.
export function createTextLayer(container, info, { imageState = () => 'loading' } = {}) {
  container.replaceChildren();
  if (info.lang) container.lang = info.lang;
  if (info.dir) container.dir = info.dir;
  const measure = document.createElement('canvas').getContext('2d');
  const blocks = info.blocks || [];
  const usedIds = new Set(blocks.map((b) => b.anchor).filter(Boolean));
  const rootFlow = { bottom: 0 };
  const layer = { headings: [], blockBoxes: new Map(), figures: new Map(), words: 0, lead: '', append };
  let carry = null;   // the block the last chunk ended in, while it may go on in the next

  // One drawn line: its runs (links as <a>), spaced to the drawn width. flowX is where the inline flow puts the span
  // in its row (0, except after a drop cap), rowTop where its row starts.
  const makeLine = (line, hrefs, flowX, rowTop) => {
    const span = document.createElement('span');
    span.className = 'line';
    // A right-to-left line (its paragraph's direction, "d"): the browser orders its words as Galley drew them.
    if (line.d === 'rtl') span.dir = 'rtl';
    for (const [text, hrefIndex] of line.runs) {
      const href = hrefIndex >= 0 ? safeHref(hrefs[hrefIndex]) : null;
      if (!href) { span.append(text); continue; }
      const a = document.createElement('a');
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = text;
      span.append(a);
    }
    const font = fontOf(line.f);
    measure.font = `${font.style} ${font.weight} ${line.s}px ${font.family}`;
    const natural = measure.measureText(line.t).width;
    // The drawn width includes an inserted hyphen, which the text leaves out (copy and find see the source text).
    const target = line.w - (line.hy ? measure.measureText('-').width : 0);
    const spaces = (line.t.match(/ /g) || []).length;
    const spacing = spaces > 0 ? `word-spacing:${((target - natural) / spaces).toFixed(3)}px`
      : `letter-spacing:${((target - natural) / Math.max(1, [...line.t].length)).toFixed(3)}px`;
    span.style.cssText = `left:${(line.x - flowX).toFixed(2)}px;top:${(line.y - rowTop).toFixed(2)}px;` +
      `font-size:${line.s}px;font-family:${font.family};font-weight:${font.weight};font-style:${font.style};` +
      spacing;
    return { span, width: target };
  };

  // The lines of one part as rows of a zero-width element: a space after a line that ends between words, <wbr>
  // after one that ends inside a word ("accor-" / "dance": find and copy see "accordance").
  const fillPart = (partEl, part, hrefs, partTop) => {
    const rowHeight = part.lines.find((l) => l.r !== 'dropcap')?.h || part.lines[0].h;
    const body = part.lines.find((l) => l.r !== 'dropcap') || part.lines[0];
    const font = fontOf(body.f);
    partEl.style.fontSize = `${body.s}px`;
    partEl.style.lineHeight = `${rowHeight}px`;
    partEl.style.fontFamily = font.family;
    let row = 0, flowX = 0;
    part.lines.forEach((line, i) => {
      const { span, width } = makeLine(line, hrefs, flowX, partTop + row * rowHeight);
      partEl.append(span);
      if (line.r === 'dropcap') { flowX += width; return; }   // the rest of its word follows on the same row
      flowX = 0;
      row++;
      if (i + 1 < part.lines.length) {
        if (line.iw) partEl.append(document.createElement('wbr'));
        else partEl.append(' ');
      }
    });
  };

  // chunk: {lines, hrefs, images}: whole blocks, after those appended before.
  function append(chunk) {
    const hrefs = chunk.hrefs || [];
    const lines = chunk.lines.map((l) => ({ ...l, runs: l.k || [[l.t, -1]] }));
    const groups = groupLines(lines, blocks, carry);
    const lastGroup = groups[groups.length - 1];
    carry = lastGroup && lastGroup.block >= 0 ? { block: lastGroup.block, listItem: lastGroup.listItems || 0 } : null;
    const imagesByBlock = new Map(chunk.images.map((im) => [im.b, im]));
    // Figures without a caption have no lines: give them a group of their own, in order.
    for (const im of chunk.images) {
      if (!groups.some((g) => g.block === im.b)) groups.push({ block: im.b, type: 'image', parts: [] });
    }
    groups.sort((a, b) => a.block - b.block);
    if (!groups.length) return;
    // Each chunk sits in a section of its own that the browser may skip while it is off screen
    // (content-visibility: auto): a long article's layer then costs style, layout and paint only where the reader
    // is. Skipped text stays in the accessibility tree, find in page and selection (which make it relevant again).
    const chunkBox = boxOf(groups.flatMap((g) => g.parts.flatMap((p) => p.lines)),
                           chunk.images.map((im) => ({ y: im.y, h: im.h })));
    const section = document.createElement('div');
    section.className = 'chunk';
    place(section, chunkBox, rootFlow);
    const chunkFlow = { bottom: chunkBox.top };
    const frag = document.createDocumentFragment();

    for (const group of groups) {
      const blockInfo = group.block >= 0 ? blocks[group.block] : null;
      const image = imagesByBlock.get(group.block);
      const allLines = group.parts.flatMap((p) => p.lines);
      const groupBox = boxOf(allLines, image ? [image] : []);
      // Layout's own coordinates, not the elements': a section the browser skips (content-visibility) has only its
      // placeholder size, so the offsets of what follows it are not where layout put them until it is rendered.
      const known = layer.blockBoxes.get(group.block);
      const bottom = groupBox.top + groupBox.height;
      layer.blockBoxes.set(group.block, known ? { top: Math.min(known.top, groupBox.top), bottom: Math.max(known.bottom, bottom) }
        : { top: groupBox.top, bottom });
      if (group.type !== 'header') {
        for (const l of allLines) layer.words += l.t.split(/\s+/).filter(Boolean).length;
      }

      let containerEl = null;
      if (CONTAINER_TAG[group.type]) containerEl = document.createElement(CONTAINER_TAG[group.type]);
      else if (group.type === 'list') {
        containerEl = document.createElement(blockInfo?.ordered ? 'ol' : 'ul');
        if (group.continued && blockInfo?.ordered) containerEl.start = group.firstItem + 1;
      }
      // Parts inside a container flow from the container's top; the container itself from the previous block.
      const innerFlow = { bottom: groupBox.top };
      if (containerEl) {
        containerEl.className = `block ${group.type}`;
        place(containerEl, groupBox, chunkFlow);
        if (group.type === 'pullquote') containerEl.setAttribute('aria-label', 'Pull quote');
        frag.append(containerEl);
      }
      const parts = group.parts.map((part) => ({ part, box: boxOf(part.lines) }));
      if (image) parts.push({ image, box: { top: image.y, height: image.h } });
      parts.sort((a, b) => a.box.top - b.box.top);

      for (const { part, image: im, box } of parts) {
        if (im) {
          const imageEl = document.createElement('div');
          imageEl.className = 'part figure-image';
          place(imageEl, box, containerEl ? innerFlow : chunkFlow);
          imageEl.style.marginLeft = `${im.x}px`;
          imageEl.style.width = `${im.w}px`;
          if (im.alt) { imageEl.setAttribute('role', 'img'); imageEl.setAttribute('aria-label', im.alt); }
          else imageEl.setAttribute('role', 'presentation');
          const alt = document.createElement('span');
          alt.className = 'alt';
          alt.setAttribute('aria-hidden', 'true');   // the role=img label already says it
          alt.textContent = im.alt || 'Image not available';
          imageEl.append(alt);
          imageEl.dataset.state = imageState(group.block);
          (containerEl || frag).append(imageEl);
          layer.figures.set(group.block, imageEl);
          continue;
        }
        let tag = PART_TAG[part.role] || 'p';
        if (part.role === 'heading') tag = `h${Math.min(6, Math.max(2, (blockInfo?.level || 1) + 1))}`;
        const partEl = document.createElement(tag);
        partEl.className = `part text ${part.role}`;
        if (blockInfo?.dir) partEl.dir = blockInfo.dir;
        place(partEl, box, containerEl ? innerFlow : chunkFlow);
        fillPart(partEl, part, hrefs, box.top);
        if (!layer.lead && (part.role === 'subtitle' || part.role === 'paragraph')) {
          layer.lead = textOf(part.lines);
        }
        if (part.role === 'heading' && !group.continued) {
          let id = blockInfo?.anchor;
          if (!id) {
            const base = slugify(part.lines.map((l) => l.t).join(' '));
            id = base;
            for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
            usedIds.add(id);
          }
          partEl.id = ARTICLE_ID_PREFIX + id;
          layer.headings.push({ id, level: blockInfo?.level || 1, text: part.lines.map((l) => l.t).join(' ').trim(),
                                element: partEl });
        }
        (containerEl || frag).append(partEl);
      }
    }
    section.append(frag);
    container.append(section);
  }

  return layer;
}
