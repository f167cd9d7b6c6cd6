// reading-position.js — where the reader was in each article of a bundle, kept in localStorage across visits (the
// hosted page, app.js). A position is viewer.js's {block, offset, atEnd}.
//
// Keys: `galley.position:BUNDLE_URL#article=ID`, one per article. Before bundles of many articles the page kept one
// position per bundle, `galley.position:BUNDLE_URL`, which was always its first article's: that key is still read for
// the first article, and removed once its position is saved under the new one.

const PREFIX = 'galley.position:';

export function positionKey(bundleUrl, articleId) {
  return `${PREFIX}${bundleUrl}#article=${encodeURIComponent(articleId)}`;
}

const legacyKey = (bundleUrl) => `${PREFIX}${bundleUrl}`;

function read(storage, key) {
  try {
    const value = JSON.parse(storage.getItem(key) || 'null');
    return value && typeof value === 'object' && Number.isFinite(value.block) ? value : null;
  } catch {
    return null;   // no storage, or not JSON
  }
}

// article: {id, index} (viewer.article). null when none is kept.
export function loadPosition(storage, bundleUrl, article) {
  return read(storage, positionKey(bundleUrl, article.id)) ??
    (article.index === 0 ? read(storage, legacyKey(bundleUrl)) : null);
}

export function savePosition(storage, bundleUrl, article, position) {
  try {
    storage.setItem(positionKey(bundleUrl, article.id), JSON.stringify(position));
    if (article.index === 0) storage.removeItem(legacyKey(bundleUrl));
  } catch { /* no storage, or full: the position is not kept */ }
}
