// tests/bench/plain-article.mjs's page on its own, under Node (no browser): the plain HTML page `galley bench
// browser` compares the viewer with holds the article's text, escaped, in the viewer's font files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { plainArticleHtml } from '../bench/plain-article.mjs';

test('every paragraph of the sample is on the plain page, in its language, with the viewer\'s font files', () => {
  const article = JSON.parse(readFileSync(new URL('../../assets/sample.json', import.meta.url), 'utf8')).articles[0];
  const html = plainArticleHtml(article);
  const paragraphs = [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]);
  assert.equal(paragraphs.length, article.blocks.filter((b) => b.type === 'paragraph').length);
  assert.match(html, /<html lang="en-US">/);
  for (const font of ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf', 'NotoSans-Regular.ttf'])
    assert.match(html, new RegExp(`rel="preload" href="fonts/${font}"`));
});

test('text is escaped, headings and quotes keep their kind', () => {
  const html = plainArticleHtml({ lang: 'en', title: 'A <b> & "c"', authors: [{ name: 'X' }], blocks: [
    { type: 'heading', level: 2, text: 'Part <one>' }, { type: 'quote', text: 'q & a' },
    { type: 'paragraph', text: '1 < 2' }] });
  assert.match(html, /<title>A &lt;b&gt; &amp; &quot;c&quot;<\/title>/);
  assert.match(html, /<h3>Part &lt;one&gt;<\/h3>/);
  assert.match(html, /<blockquote>q &amp; a<\/blockquote>/);
  assert.match(html, /<p>1 &lt; 2<\/p>/);
  assert.doesNotMatch(html, /<b>/);
});
