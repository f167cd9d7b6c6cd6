// The licences dist/ ships (scripts/make-notices.py): Galley's, the fonts' OFL with the name of every font shipped,
// and third-party notices naming every package the site holds something of, each as the server serves it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL } from './browser.mjs';
import { ROOT } from './local-server.mjs';

const DIST = process.env.GALLEY_DIST || join(ROOT, 'build/wasm/dist');

async function served(path) {
  const response = await fetch(new URL(path, BASE_URL));
  assert.equal(response.status, 200, path);
  assert.match(response.headers.get('content-type'), /^text\/plain/, path);
  return response.text();
}

test("dist ships Galley's licence, the fonts' licence and the third-party notices", async () => {
  assert.equal(await served('LICENSE.txt'), readFileSync(join(ROOT, 'LICENSE'), 'utf8'));

  const fonts = readdirSync(join(DIST, 'fonts')).filter((n) => n.endsWith('.ttf'));
  assert.ok(fonts.length >= 6, `fonts: ${fonts}`);
  const ofl = await served('fonts/LICENSE-OFL-1.1.txt');
  for (const font of fonts) assert.ok(ofl.includes(font), `the font licence names ${font}`);
  assert.match(ofl, /Copyright .*Google/);
  assert.match(ofl, /SIL Open Font License, Version 1\.1/);
  assert.match(ofl, /The goals of the Open Font License \(OFL\)/);
  assert.match(ofl, /PERMISSION & CONDITIONS/);

  const notices = await served('THIRD-PARTY-NOTICES.txt');
  for (const source of ['fonts-noto-core', 'hyphen-en-us', 'libstb-dev', 'nlohmann-json3-dev', 'emscripten',
                        'Dear ImGui']) {
    assert.match(notices, new RegExp(`^${source} .*\\n(Used: .*)`, 'm'), `notices name ${source}`);
  }
  assert.match(notices, /Copyright \(c\) 2014-\d+ Omar Cornut/);
  // The import module's parsers (md4c: MIT; gumbo: Apache-2.0).
  assert.match(notices, /^md4c \(Debian source package md4c .*\nUsed: compiled into import\.wasm/m);
  assert.match(notices, /^gumbo-parser \(Debian source package gumbo-parser .*\nUsed: compiled into import\.wasm/m);
  assert.match(notices, /Apache License\s+Version 2\.0/);
});
