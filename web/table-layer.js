// table-layer.js — a table of the text layer: a real <table> (rows, th scope="col" in header rows, th scope="row" for
// row headers, td; rowspan and colspan) over the drawn one, so that screen readers read it as a table, a copy gives
// its rows as lines of tab-separated cells, and find and selection work on its text.
//
// The browser's own table layout does not place the text: each cell's lines are a part (as a paragraph's are,
// text-layer.js's fillPart) positioned absolutely from the table's top left corner, where Galley drew them. The table
// element itself is as wide as the drawn table (whole-pixel columns) and only gives the structure.
//
// A table wider than the column ("scroll") sits in an element that scrolls sideways (overflow-x: auto) in the
// column's box, with the room Galley left below it for the scroll bar: wheel with shift, touch, trackpad and the
// keyboard (it is focusable) scroll it natively, and its scrollLeft, sent to the canvas (onScroll), moves the drawn
// table with it. Right to left, it is dir="rtl": it starts at the right, and scrollLeft runs from 0 to negative, as
// the canvas takes it. The page itself never scrolls sideways.

// table: the chunk's table entry (text_layer.h); cellParts: Map(cell → part {lines}); caption: the caption's element
// or null; fillPart(el, part, hrefs, partTop) fills a part's lines with x from the element's left; hrefs: the chunk's.
export function createTableElement(table, cellParts, { caption, fillPart, hrefs, onScroll }) {
  const scroller = document.createElement('div');
  scroller.className = table.scroll ? 'table-scroll scrolls' : 'table-scroll';
  scroller.dir = table.d === 'rtl' ? 'rtl' : 'ltr';
  scroller.style.marginLeft = `${table.x}px`;
  scroller.style.width = `${table.w}px`;
  scroller.style.height = `${table.h}px`;
  if (table.scroll) {
    // A region the keyboard can reach and scroll, named by its caption.
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'region');
    if (caption) {
      if (!caption.id) caption.id = `galley-table-caption-${table.b}`;
      scroller.setAttribute('aria-labelledby', caption.id);
    } else scroller.setAttribute('aria-label', 'Table');
    scroller.addEventListener('scroll', () => onScroll(table.b, scroller.scrollLeft), { passive: true });
  }
  const tableEl = document.createElement('table');
  tableEl.style.width = `${table.cw}px`;
  if (caption?.id) tableEl.setAttribute('aria-labelledby', caption.id);
  const colgroup = document.createElement('colgroup');
  for (const w of table.cols) {
    const col = document.createElement('col');
    col.style.width = `${w}px`;
    colgroup.append(col);
  }
  tableEl.append(colgroup);
  const rowTops = [table.top];
  for (const h of table.rows) rowTops.push(rowTops[rowTops.length - 1] + h);
  tableEl.style.height = `${rowTops[rowTops.length - 1] - table.y}px`;
  const body = document.createElement('tbody');
  const rows = table.rows.map((h) => {
    const tr = document.createElement('tr');
    tr.style.height = `${h}px`;
    body.append(tr);
    return tr;
  });
  for (const [cell, row, , rowSpan, colSpan, kind] of table.cells) {
    const el = document.createElement(kind ? 'th' : 'td');
    if (kind) el.scope = kind === 1 ? 'col' : 'row';
    if (rowSpan > 1) el.rowSpan = rowSpan;
    if (colSpan > 1) el.colSpan = colSpan;
    const part = cellParts.get(cell);
    if (part) {
      const partEl = document.createElement('span');
      partEl.className = 'part text cell';
      const top = part.lines[0].y;
      partEl.style.top = `${top - table.y}px`;
      // x from the table's left edge (its content's, which scrolls with it).
      fillPart(partEl, { ...part, lines: part.lines.map((l) => ({ ...l, x: l.x - table.cx })) }, hrefs, top);
      el.append(partEl);
    }
    rows[row].append(el);
  }
  tableEl.append(body);
  scroller.append(tableEl);
  return scroller;
}
