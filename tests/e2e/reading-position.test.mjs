// web/reading-position.js and bundle-url.js's article addresses on their own, under Node (no browser): positions
// are kept per article, the per-bundle key of earlier versions is read for the first article only and moved on the
// next save, and ?article= addresses keep the page's other parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPosition, positionKey, savePosition } from '../../web/reading-position.js';
import { articleIdOfPage, pageUrlOfArticle } from '../../web/bundle-url.js';

const BUNDLE = 'https://news.example/edition.json';

function memoryStorage(initial = {}) {
  const entries = new Map(Object.entries(initial));
  return { entries, getItem: (k) => entries.get(k) ?? null, setItem: (k, v) => entries.set(k, String(v)),
           removeItem: (k) => entries.delete(k) };
}

test('each article has its own position', () => {
  const storage = memoryStorage();
  savePosition(storage, BUNDLE, { id: 'a', index: 0 }, { block: 4, offset: 0.5, atEnd: false });
  savePosition(storage, BUNDLE, { id: 'b', index: 1 }, { block: 9, offset: 0, atEnd: false });
  assert.deepEqual(loadPosition(storage, BUNDLE, { id: 'a', index: 0 }), { block: 4, offset: 0.5, atEnd: false });
  assert.deepEqual(loadPosition(storage, BUNDLE, { id: 'b', index: 1 }), { block: 9, offset: 0, atEnd: false });
  assert.equal(loadPosition(storage, BUNDLE, { id: 'c', index: 2 }), null);
  assert.equal(loadPosition(storage, 'https://other.example/x.json', { id: 'a', index: 0 }), null);
  assert.equal(positionKey(BUNDLE, 'a b'), `galley.position:${BUNDLE}#article=a%20b`);
});

test('the per-bundle position of earlier versions is the first article\'s, and moves on the next save', () => {
  const old = { block: 7, offset: 0.25, atEnd: false };
  const storage = memoryStorage({ [`galley.position:${BUNDLE}`]: JSON.stringify(old) });
  assert.deepEqual(loadPosition(storage, BUNDLE, { id: 'a', index: 0 }), old);
  assert.equal(loadPosition(storage, BUNDLE, { id: 'b', index: 1 }), null, 'not another article\'s');
  savePosition(storage, BUNDLE, { id: 'b', index: 1 }, { block: 1, offset: 0, atEnd: false });
  assert.ok(storage.entries.has(`galley.position:${BUNDLE}`), 'kept while the first article has not saved');
  savePosition(storage, BUNDLE, { id: 'a', index: 0 }, { block: 8, offset: 0, atEnd: false });
  assert.ok(!storage.entries.has(`galley.position:${BUNDLE}`));
  assert.deepEqual(loadPosition(storage, BUNDLE, { id: 'a', index: 0 }), { block: 8, offset: 0, atEnd: false });
});

test('what is not a position reads as none, and a storage that throws keeps nothing', () => {
  const storage = memoryStorage({ [positionKey(BUNDLE, 'a')]: '{not json', [positionKey(BUNDLE, 'b')]: '"text"' });
  assert.equal(loadPosition(storage, BUNDLE, { id: 'a', index: 0 }), null);
  assert.equal(loadPosition(storage, BUNDLE, { id: 'b', index: 1 }), null);
  const refusing = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('full'); },
                     removeItem() { throw new Error('denied'); } };
  assert.equal(loadPosition(refusing, BUNDLE, { id: 'a', index: 0 }), null);
  assert.doesNotThrow(() => savePosition(refusing, BUNDLE, { id: 'a', index: 0 }, { block: 1 }));
});

test('?article= addresses: the id read, and set with the other parameters kept', () => {
  const page = new URL('https://galley.example/index.html?bundle=https%3A%2F%2Fnews.example%2Fe.json&theme=dark#top');
  assert.equal(articleIdOfPage(page), null);
  const second = new URL(pageUrlOfArticle('metro', null, page));
  assert.equal(second.searchParams.get('article'), 'metro');
  assert.equal(second.searchParams.get('bundle'), 'https://news.example/e.json');
  assert.equal(second.searchParams.get('theme'), 'dark');
  assert.equal(second.hash, '', 'another article starts at its top');
  assert.equal(articleIdOfPage(second), 'metro');
  assert.equal(new URL(pageUrlOfArticle('metro', 'ring', page)).hash, '#ring');
  assert.equal(articleIdOfPage(new URL(pageUrlOfArticle(null, null, second))), null, 'the first: no parameter');
});
