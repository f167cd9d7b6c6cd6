// settings.js — the reader's settings: what they are, their defaults, and where they come from (localStorage, then
// URL parameters on top). Everything that reads settings from outside (storage, URL, a host page's API call) goes
// through normalizeSettings, so the viewer only ever sees known values.

export const SETTING_CHOICES = {
  family: ['serif', 'sans'],
  width: ['narrow', 'medium', 'wide'],
  spacing: ['tight', 'normal', 'loose'],
  // auto: justified unless that would stretch some line's word spaces too far, then ragged (the core decides:
  // Align::Auto in wasm/core/layout/layout.h).
  align: ['auto', 'justify', 'left'],
  theme: ['auto', 'light', 'sepia', 'dark'],
};

export const SIZE_RANGE = { min: 14, max: 28 };

export const DEFAULT_SETTINGS = Object.freeze({
  size: 18, family: 'serif', width: 'medium', spacing: 'normal', align: 'auto', theme: 'auto',
});

// The widest text column, in ems of the body size: Noto Serif averages about half an em a character, so these are
// about 55, 66 and 78 characters a line (the comfortable range is 60 to 75). Phones use their full width less margins.
export const MEASURE_EM = { narrow: 28, medium: 33, wide: 39 };
export const LINE_HEIGHT = { tight: 1.35, normal: 1.5, loose: 1.7 };
// The alignment setting as galley_set_layout takes it (0 ragged, 1 justified, 2 automatic: the core's Align::Auto).
export const ALIGN_CODES = { left: 0, justify: 1, auto: 2 };

// galley_set_layout's arguments for `settings` (complete: DEFAULT_SETTINGS under them) in a column `width` CSS px
// wide: size, line height, alignment, measure, sans, top margin. topMargin: the page's (px), or undefined: then on
// phones (under 600 px) the hosted page's toolbar, which floats over the top margin, gets room above the headline;
// -1 lets the core choose.
export function layoutArgs(settings, width, topMargin = undefined) {
  return [settings.size, LINE_HEIGHT[settings.spacing], ALIGN_CODES[settings.align], MEASURE_EM[settings.width],
          settings.family === 'sans' ? 1 : 0, topMargin ?? (width < 600 ? 64 : -1)];
}

// Accepted spellings besides the canonical ones (URL parameters are typed by people).
const ALIASES = {
  family: { 'sans-serif': 'sans' },
  align: { automatic: 'auto', justified: 'justify', ragged: 'left', start: 'left' },
  width: { small: 'narrow', normal: 'medium', large: 'wide' },
  spacing: { compact: 'tight', relaxed: 'loose' },
};

// Unknown keys and invalid values are dropped; the result holds only valid settings (a partial object).
export function normalizeSettings(input) {
  const out = {};
  if (!input || typeof input !== 'object') return out;
  const size = Number(input.size);
  if (input.size !== undefined && input.size !== '' && Number.isFinite(size)) {
    out.size = Math.round(Math.min(SIZE_RANGE.max, Math.max(SIZE_RANGE.min, size)));
  }
  for (const [key, choices] of Object.entries(SETTING_CHOICES)) {
    if (typeof input[key] !== 'string') continue;
    const value = input[key].trim().toLowerCase();
    const canonical = ALIASES[key]?.[value] ?? value;
    if (choices.includes(canonical)) out[key] = canonical;
  }
  return out;
}

// ?theme=dark&size=20&family=sans&width=wide&spacing=loose&align=left (or align=auto, justify; also font= for family).
export function settingsFromUrl(search) {
  const params = new URLSearchParams(search);
  const raw = {};
  for (const key of ['size', ...Object.keys(SETTING_CHOICES)]) {
    if (params.has(key)) raw[key] = params.get(key);
  }
  if (!params.has('family') && params.has('font')) raw.family = params.get('font');
  return normalizeSettings(raw);
}

const STORAGE_KEY = 'galley.settings.v1';

// The hosted page's settings: those stored, with the address's on top (what app.js gives its viewer, and what the
// early start lays the first frame out with), defaults under both.
export function pageSettings(search = location.search, storage = globalThis.localStorage) {
  return { ...DEFAULT_SETTINGS, ...loadStoredSettings(storage), ...settingsFromUrl(search) };
}

export function loadStoredSettings(storage = globalThis.localStorage) {
  try {
    return normalizeSettings(JSON.parse(storage?.getItem(STORAGE_KEY) || 'null'));
  } catch {
    return {};   // storage disabled (privacy mode, sandboxed iframe) or a damaged entry: defaults
  }
}

export function storeSettings(settings, storage = globalThis.localStorage) {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(normalizeSettings(settings)));
  } catch { /* storage unavailable: settings last for this visit only */ }
}

export function clearStoredSettings(storage = globalThis.localStorage) {
  try { storage?.removeItem(STORAGE_KEY); } catch { /* as above */ }
}
