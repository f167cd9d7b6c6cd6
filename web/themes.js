// themes.js — colour themes, shared by the canvas (passed to C++ as 0xRRGGBB) and the DOM (CSS custom properties),
// so the page chrome, the text layer's selection and the drawn article always agree.
//
// Text colours keep a contrast of at least 7:1 (body) and 4.5:1 (muted) against their background (WCAG AAA / AA).
// Dark is a warm dark grey rather than black, with off-white text: pure white on black halates for many readers.

export const THEMES = {
  light: { background: '#fbfaf7', text: '#1c1b19', muted: '#5e5b55', link: '#1a4f8b', rule: '#d9d4ca',
           accent: '#8b2c1a', selection: 'rgba(26, 79, 139, 0.28)', chrome: '#ffffff', scheme: 'light' },
  sepia: { background: '#f4ecd8', text: '#3b2f22', muted: '#6b5a45', link: '#7a3e0a', rule: '#d6c7a6',
           accent: '#8b2c1a', selection: 'rgba(122, 62, 10, 0.25)', chrome: '#faf4e6', scheme: 'light' },
  dark: { background: '#18191b', text: '#dedbd4', muted: '#a19d95', link: '#8fb8ee', rule: '#3a3c40',
          accent: '#e39a82', selection: 'rgba(143, 184, 238, 0.35)', chrome: '#232427', scheme: 'dark' },
};

// 'auto' follows prefers-color-scheme (DARK_SCHEME: the page listens to it, the early start reads it once).
export const DARK_SCHEME = '(prefers-color-scheme: dark)';
export function resolveThemeName(name, prefersDark) {
  if (name === 'auto') return prefersDark ? 'dark' : 'light';
  return THEMES[name] ? name : 'light';
}

export function hexToInt(hex) { return parseInt(hex.slice(1), 16); }

// The colours the core draws with, as galley_set_theme takes them (0xRRGGBB).
export function coreColors(theme) {
  return [theme.background, theme.text, theme.muted, theme.link, theme.rule, theme.accent].map(hexToInt);
}

export function applyThemeToElement(element, theme) {
  for (const [key, value] of Object.entries(theme)) {
    if (key !== 'scheme') element.style.setProperty(`--galley-${key}`, value);
  }
  element.style.colorScheme = theme.scheme;
}
