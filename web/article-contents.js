// article-contents.js — the hosted page's way through a bundle of many articles (an edition, a series): the toolbar's
// Articles panel, a list of every article's title and byline, each a link to it (the one shown marked
// aria-current), and the toolbar's previous and next links. All hidden for a bundle of one article.
//
// The links are real addresses (index.html?bundle=URL&article=ID): a modified click opens one in a new tab, a copied
// one opens that article. A plain click shows the article in this page (onArticle), which keeps the bundle it has.

const $ = (id) => document.getElementById(id);

// onArticle(id): a plain click on a link to the article `id`; closePanels: the reader chrome's (reader-controls.js).
export function setupArticleContents({ onArticle, closePanels, pageUrlOf }) {
  const button = $('galley-articles-button');
  const list = $('galley-articles-list');
  const previous = $('galley-previous-article');
  const next = $('galley-next-article');

  // A link to the article `a` that shows it here on a plain click.
  function linkTo(a, element = document.createElement('a')) {
    element.href = pageUrlOf(a.id);
    element.onclick = (e) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      closePanels();
      onArticle(a.id);
    };
    return element;
  }

  // The article's own text in its own language and direction (a French title in an English page is read as French).
  function inLanguage(element, a) {
    element.lang = a.lang;
    element.dir = a.dir === 'rtl' ? 'rtl' : 'auto';
    return element;
  }

  // The list of `articles` (viewer.articles), `currentId` the one shown.
  function listItems(articles, currentId) {
    return articles.map((a) => {
      const li = document.createElement('li');
      const link = linkTo(a);
      const title = inLanguage(Object.assign(document.createElement('span'), { className: 'galley-article-title',
        textContent: a.title }), a);   // bundle text only ever goes in as text
      link.append(title);
      if (a.byline) {
        link.append(inLanguage(Object.assign(document.createElement('span'), { className: 'galley-article-byline',
          textContent: a.byline }), a));
      }
      if (a.id === currentId) link.setAttribute('aria-current', 'page');
      li.append(link);
      return li;
    });
  }

  function show(articles, currentId) {
    const many = articles.length > 1;
    button.hidden = !many;
    list.replaceChildren(...(many ? listItems(articles, currentId) : []));
    const at = articles.findIndex((a) => a.id === currentId);
    for (const [element, neighbour, word] of [[previous, articles[at - 1], 'Previous'], [next, articles[at + 1], 'Next']]) {
      element.hidden = !many || !neighbour;
      if (element.hidden) { element.removeAttribute('href'); continue; }
      linkTo(neighbour, element);
      element.setAttribute('aria-label', `${word} article: ${neighbour.title}`);
      element.title = neighbour.title;
    }
  }

  return { show, listItems };
}
