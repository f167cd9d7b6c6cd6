// web/settings.js on its own, under Node (no browser): the alignment choices, automatic by default, the spellings
// people type in a URL, and what storage keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, SETTING_CHOICES, loadStoredSettings, normalizeSettings, settingsFromUrl, storeSettings }
  from '../../web/settings.js';

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
