// offline-list.js — the hosted page's Offline panel (index.html, opened from the toolbar like the other panels in
// reader-controls.js): the articles the service worker keeps for reading offline, least recently opened first,
// with their size, the bounds they are kept within, and a Remove button each. Shown only once a worker is active.
import { listKept, removeKept } from './offline-client.js';

const $ = (id) => document.getElementById(id);

export function formatBytes(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// current: the URL of the bundle this page shows (its entry says so, and removing it updates the page's state).
export function setupOfflineList({ current }) {
  const button = $('galley-offline-button');
  const list = $('galley-offline-list');
  const summary = $('galley-offline-summary');
  if (!button || !list || !summary) return { refresh() {} };

  function show({ articles, limits }) {
    list.replaceChildren();
    const total = articles.reduce((sum, a) => sum + a.bytes, 0);
    summary.textContent = articles.length
      ? `${articles.length} of at most ${limits.articles} articles, ${formatBytes(total)} of ` +
        `${formatBytes(limits.bytes)}. The least recently opened make room for new ones.`
      : 'No article is kept offline yet: the articles you open are kept here.';
    // Most recently opened first, as a reader looks for them.
    for (const article of [...articles].reverse()) {
      const li = document.createElement('li');
      // Text, never HTML. A bundle of many articles is named by its first (lists kept before counts had none).
      const more = (article.count || 1) - 1;
      const link = Object.assign(document.createElement('a'), { textContent: more > 0
        ? `${article.title} and ${more} more article${more > 1 ? 's' : ''}` : article.title });
      const page = new URL(location.href);
      page.search = '';
      page.hash = '';
      page.searchParams.set('bundle', article.url);
      link.href = page.href;
      if (article.url === current) link.setAttribute('aria-current', 'page');
      const size = Object.assign(document.createElement('span'), { className: 'galley-offline-size',
        textContent: formatBytes(article.bytes) });
      const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'galley-tool',
        textContent: 'Remove' });
      remove.setAttribute('aria-label', `Remove “${article.title}” from offline reading`);
      remove.addEventListener('click', async () => {
        remove.disabled = true;
        const next = await removeKept(article.url);
        if (article.url === current) document.documentElement.dataset.galleyOffline = 'removed';
        show(next);
        (list.querySelector('button') || button).focus();
      });
      li.append(link, size, remove);
      list.append(li);
    }
  }

  async function refresh() {
    try { show(await listKept()); } catch { /* the worker went away: the panel keeps what it showed */ }
  }
  button.addEventListener('click', refresh);
  button.hidden = false;
  refresh();
  return { refresh };
}
