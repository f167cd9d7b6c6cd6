// bundle-url.js — which bundle a page shows: its ?bundle=URL (resolved against the page), else the sample article.
// One definition for the page (app.js), its offline support (pwa.js) and the embed frame (embed-frame.js).

export const DEFAULT_BUNDLE = 'bundles/sample.json';

export function bundleUrlOfPage(loc = location) {
  return new URL(new URLSearchParams(loc.search).get('bundle') || DEFAULT_BUNDLE, loc.href).href;
}
