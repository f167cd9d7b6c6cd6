// web/settings.js on its own, under Node (no browser): the alignment choices, automatic by default, the spellings
// people type in a URL, and what storage keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, SETTING_CHOICES, layoutArgs, loadStoredSettings, normalizeSettings, pageSettings,
         settingsFromUrl, storeSettings } from '../../web/settings.js';

test('alignment is automatic by default, and justified and ragged are still there', () => {
  assert.equal(DEFAULT_SETTINGS.align, 'auto');
  assert.deepEqual(SETTING_CHOICES.align, ['auto', 'justify', 'left']);
});

test('align= in the URL takes each value and its other spellings', () => {
  const cases = { auto: 'auto', automatic: 'auto', ' AUTO ': 'auto', justify: 'justify', justified: 'justify',
                  left: 'left', ragged: 'left', start: 'left' };
  for (const [typed, canonical] of Object.entries(cases)) {
    assert.equal(settingsFromUrl(`?align=${encodeURIComponent(typed)}`).align, canonical, typed);
  }
  assert.equal(settingsFromUrl('?align=centre').align, undefined, 'an unknown value is dropped');
  assert.deepEqual(normalizeSettings({ align: 'auto', theme: 'auto' }), { align: 'auto', theme: 'auto' });
});

test('a stored automatic alignment comes back as it was', () => {
  const entries = new Map();
  const storage = { getItem: (k) => entries.get(k) ?? null, setItem: (k, v) => entries.set(k, v) };
  storeSettings({ align: 'automatic', size: 20 }, storage);
  assert.deepEqual(loadStoredSettings(storage), { align: 'auto', size: 20 });
});

test('the hosted page\'s settings: defaults, then those stored, then the address\'s', () => {
  const entries = new Map();
  const storage = { getItem: (k) => entries.get(k) ?? null, setItem: (k, v) => entries.set(k, v) };
  assert.deepEqual(pageSettings('', storage), DEFAULT_SETTINGS);
  storeSettings({ size: 22, theme: 'dark' }, storage);
  assert.deepEqual(pageSettings('?theme=sepia&width=wide', storage),
                   { ...DEFAULT_SETTINGS, size: 22, theme: 'sepia', width: 'wide' });
});

test('settings as the core\'s layout arguments: size, line height, alignment, measure, sans, top margin', () => {
  assert.deepEqual(layoutArgs(DEFAULT_SETTINGS, 1280), [18, 1.5, 2, 33, 0, -1]);
  // On a phone the hosted page's toolbar gets room above the headline; a page's own margin is kept.
  assert.deepEqual(layoutArgs({ ...DEFAULT_SETTINGS, align: 'left', family: 'sans', spacing: 'loose' }, 390),
                   [18, 1.7, 0, 33, 1, 64]);
  assert.deepEqual(layoutArgs({ ...DEFAULT_SETTINGS, align: 'justify', width: 'narrow' }, 390, 12), [18, 1.5, 1, 28, 0, 12]);
});
