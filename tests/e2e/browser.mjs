// browser.mjs — what the end-to-end tests share: launching Debian's Chromium headless with WebGL2 (SwiftShader),
// the URL of the site under test, and a small PNG decoder to inspect screenshots (node:zlib only).
import { chromium } from 'playwright-core';
import { inflateSync } from 'node:zlib';
import { existsSync } from 'node:fs';

export const BASE_URL = process.env.GALLEY_URL || 'http://127.0.0.1:8080/';

const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

// How the tests launch Debian's Chromium (for chromium.launch or launchPersistentContext). without3d: with no WebGL
// anywhere, as in Safari's Lockdown Mode or on a blocklisted GPU, for the viewer without WebGL2: --disable-3d-apis
// alone leaves WebGL2 to workers' OffscreenCanvas (Chromium 156), so the GPU and its software fallback are off too.
export function launchOptions({ without3d = false } = {}) {
  const executablePath = CHROMIUM_PATHS.find((p) => existsSync(p));
  if (!executablePath) throw new Error('Chromium is not installed (scripts/setup.sh installs Debian\'s chromium)');
  return {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', ...(without3d ? ['--disable-3d-apis', '--disable-gpu', '--disable-software-rasterizer']
             : ['--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'])],
  };
}

// extraArgs: more Chromium switches (the benchmark's Lighthouse run adds a debugging port); without3d: as
// launchOptions.
export async function launch({ extraArgs = [], without3d = false } = {}) {
  const options = launchOptions({ without3d });
  return chromium.launch({ ...options, args: [...options.args, ...extraArgs] });
}

// Decodes an 8-bit RGB/RGBA non-interlaced PNG (what Chromium's screenshots are) into {width, height, rgba}.
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('decodePng: only 8-bit non-interlaced PNGs');
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!channels) throw new Error(`decodePng: colour type ${colorType} not supported`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride), cur = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4] = cur[x * channels];
      out[(y * width + x) * 4 + 1] = cur[x * channels + 1];
      out[(y * width + x) * 4 + 2] = cur[x * channels + 2];
      out[(y * width + x) * 4 + 3] = channels === 4 ? cur[x * channels + 3] : 255;
    }
    [prev, cur] = [cur, prev];
  }
  return { width, height, rgba: out };
}

// Dark pixels (text ink) per row band: a page of set text has ink in many separate bands.
export function inkStats(img, x0 = 0, x1 = img.width) {
  let ink = 0;
  const rowsWithInk = new Set();
  for (let y = 0; y < img.height; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      const lum = 0.299 * img.rgba[i] + 0.587 * img.rgba[i + 1] + 0.114 * img.rgba[i + 2];
      if (lum < 110) { ink++; rowsWithInk.add(y); }
    }
  }
  return { ink, rows: rowsWithInk.size };
}

// The text layer's text as a reader's find and copy see it (innerText, white space folded). innerText leaves out
// content-visibility: auto sections the browser has not rendered yet, and right after 'ready' on a loaded machine
// that can be all of them: read it after two animation frames, once the page has rendered the new layer.
export async function documentText(page) {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return document.getElementById('galley-document').innerText.replace(/\s+/g, ' ');
  });
}

// The first of `blocks` whose text is not in `text` after the one before it (null when all are there, in order).
export function blockOutOfOrder(text, blocks) {
  let at = 0;
  for (const block of blocks) {
    const found = text.indexOf(block.text, at);
    if (found < 0) return block;
    at = found + block.text.length;
  }
  return null;
}

// Hides the offline notice (pwa.js), page chrome over the article, before a screenshot counts the canvas's ink. A
// constructed sheet: the page's CSP refuses inline <style> (which Playwright's addStyleTag would add).
export async function hideOfflineNotice(page) {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('#galley-pwa { display: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
}
