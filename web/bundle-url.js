// bundle-url.js — which bundle a page shows: its ?bundle=URL (resolved against the page), else the sample article;
// and which of the bundle's articles: its ?article=ID, else the first. One definition for the page (app.js), its
// offline support (pwa.js) and the embed frame (embed-frame.js). Or a file the installed app was opened for
// (?open-file, the manifest's file_handlers' action: file-import.js takes it from window.launchQueue).
//
//   index.html?bundle=URL&article=ID#heading-id     (#heading-id alone: a heading of the first article)

export const DEFAULT_BUNDLE = 'bundles/sample.json';
export const OPEN_FILE_PARAMETER = 'open-file';

export function bundleUrlOfPage(loc = location) {
  return new URL(new URLSearchParams(loc.search).get('bundle') || DEFAULT_BUNDLE, loc.href).href;
}

// The ?article= id, or null for the bundle's first article.
export function articleIdOfPage(loc = location) {
  return new URLSearchParams(loc.search).get('article');
}

// This page's address for the article `id` of the same bundle (other parameters kept), at its heading `heading`
// or at its top; id null: the first article.
export function pageUrlOfArticle(id, heading = null, loc = location) {
  const url = new URL(loc.href);
  if (id === null) url.searchParams.delete('article');
  else url.searchParams.set('article', id);
  url.hash = heading ? encodeURIComponent(heading) : '';
  return url.href;
}

// The page was opened by the installed app to show a file (file_handlers), not a bundle.
export function opensLaunchedFile(loc = location) {
  return new URLSearchParams(loc.search).has(OPEN_FILE_PARAMETER);
}
