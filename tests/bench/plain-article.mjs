// plain-article.mjs — for scale in `galley bench browser`: the sample article as a plain HTML page, set by the
// browser with the same font files the viewer fetches for it (the first slices of Noto Serif Regular and Bold and
// Noto Sans Regular, as build/wasm/dist serves them), served brotli-compressed by scripts/serve.py on a port of its
// own (so that Lighthouse can load it too). What a reader's browser does with the article and no viewer.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const FONTS = { body: 'NotoSerif-Regular.ttf', title: 'NotoSerif-Bold.ttf', byline: 'NotoSans-Regular.ttf' };

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

// The page: title, byline, paragraphs (headings and quotes as such), justified and hyphenated like the viewer's
// default desktop column, the fonts preloaded as the viewer preloads them.
export function plainArticleHtml(article) {
  const blocks = article.blocks.map((b) => {
    if (b.type === 'heading') return `<h${b.level + 1}>${escape(b.text)}</h${b.level + 1}>`;
    if (b.type === 'quote' || b.type === 'pullquote') return `<blockquote>${escape(b.text)}</blockquote>`;
    return b.text ? `<p>${escape(b.text)}</p>` : '';
  }).join('\n');
  const authors = (article.authors || []).map((a) => a.name).join(', ');
  const description = article.subtitle || article.blocks.find((b) => b.type === 'paragraph')?.text || article.title;
  return `<!doctype html>
<html lang="${escape(article.lang || 'en')}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escape(article.title)}</title>
<meta name="description" content="${escape(description.slice(0, 160))}">
${Object.values(FONTS).map((f) => `<link rel="preload" href="fonts/${f}" as="font" type="font/ttf" crossorigin>`).join('\n')}
<style>
  @font-face { font-family: Body; src: url(fonts/${FONTS.body}); }
  @font-face { font-family: Body; font-weight: bold; src: url(fonts/${FONTS.title}); }
  @font-face { font-family: Byline; src: url(fonts/${FONTS.byline}); }
  body { margin: 0; background: #fff; color: #1a1a1a; }
  main { max-width: 594px; margin: 48px auto; padding: 0 16px; font: 18px/1.5 Body, serif; }
  h1 { font-size: 32px; line-height: 1.2; }
  .byline { font-family: Byline, sans-serif; font-size: 15px; color: #555; }
  p { margin: 0 0 0.8em; text-align: justify; hyphens: auto; }
</style></head>
<body><main><article><h1>${escape(article.title)}</h1>
<p class="byline">${escape(authors)}${article.published ? ` · ${escape(article.published.slice(0, 10))}` : ''}</p>
${blocks}
</article></main></body></html>`;
}

// Writes the page (index.html) and the viewer's font files (fetched once from `viewerBase`), each with a brotli copy
// as the viewer's dist/ has them, into a temporary directory, and serves it with scripts/serve.py on a free port: the
// same server as the viewer's, in a process of its own (a server in the bench's process would answer late while
// Lighthouse works there). Returns {url, close}.
export async function servePlainArticle({ article, viewerBase }) {
  const dir = mkdtempSync(join(tmpdir(), 'galley-plain-article-'));
  const write = (name, bytes) => {
    writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  };
  mkdirSync(join(dir, 'fonts'));
  write('index.html', Buffer.from(plainArticleHtml(article)));
  for (const font of Object.values(FONTS)) {
    const response = await fetch(new URL(`fonts/${font}`, viewerBase));
    if (!response.ok) throw new Error(`plain page: ${font}: HTTP ${response.status} from the viewer's server`);
    write(`fonts/${font}`, Buffer.from(await response.arrayBuffer()));
  }
  const port = await new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    }).on('error', reject);
  });
  const server = spawn('python3', [fileURLToPath(new URL('../../scripts/serve.py', import.meta.url)), dir,
                                   '--port', String(port), '--quiet'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch { /* not listening yet */ }
    if (i === 100) throw new Error('plain page: scripts/serve.py did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    close: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
