// reader-controls.js — the hosted page's reader chrome: a toolbar with the reading time, a table of contents, the
// settings panel, the Articles panel (filled by article-contents.js) and the Offline panel (filled by
// offline-list.js), and a progress bar. Plain DOM (see the comment
// in index.html for why not ImGui).
//
// Panels are non-modal popovers: the toggle button carries aria-expanded, Escape closes and returns focus to it, a
// click elsewhere closes. While the reader scrolls down on a small screen the toolbar tucks itself away, and comes
// back on scrolling up, so it never sits over the text being read.

const $ = (id) => document.getElementById(id);

export function setupReaderControls({ onChange, onReset, onHeading }) {
  const toolbar = $('galley-toolbar');
  const form = $('galley-settings');
  const settingsButton = $('galley-settings-button');
  const tocButton = $('galley-toc-button');
  const toc = $('galley-toc');
  const tocList = $('galley-toc-list');
  const sizeInput = $('galley-size');
  const sizeValue = $('galley-size-value');
  const readingTime = $('galley-reading-time');
  const progressBar = $('galley-progress-bar');
  const panels = [[settingsButton, form], [tocButton, toc], [$('galley-articles-button'), $('galley-articles')],
                  [$('galley-offline-button'), $('galley-offline')]];
  let minutes = 0;

  function setOpen(button, panel, open) {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      for (const [b, p] of panels) if (p !== panel) setOpen(b, p, false);
      const first = panel.querySelector('[aria-current]') || panel.querySelector('input:checked, input, a, button');
      first?.focus({ preventScroll: true });
    }
  }
  for (const [button, panel] of panels) {
    button.addEventListener('click', () => setOpen(button, panel, panel.hidden));
    panel.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      setOpen(button, panel, false);
      button.focus();
    });
  }
  document.addEventListener('pointerdown', (e) => {
    for (const [button, panel] of panels) {
      if (!panel.hidden && !panel.contains(e.target) && !button.contains(e.target)) setOpen(button, panel, false);
    }
  });

  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', (e) => {
    const { name, value } = e.target;
    if (!name) return;
    if (name === 'size') sizeValue.textContent = `${value} px`;
    onChange({ [name]: name === 'size' ? Number(value) : value });
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();   // the form's own reset would restore the HTML's initial state, not Galley's defaults
    onReset();
  });

  function showSettings(settings) {
    sizeInput.value = String(settings.size);
    sizeValue.textContent = `${settings.size} px`;
    for (const name of ['family', 'width', 'spacing', 'align', 'theme']) {
      for (const input of form.elements.namedItem(name)) input.checked = input.value === settings[name];
    }
  }

  function showHeadings(headings) {
    tocList.replaceChildren();
    for (const h of headings) {
      const li = document.createElement('li');
      li.className = `toc-level-${Math.min(h.level, 3)}`;
      const a = document.createElement('a');
      a.href = `#${encodeURIComponent(h.id)}`;
      a.textContent = h.text;
      a.addEventListener('click', (e) => {
        setOpen(tocButton, toc, false);
        // A plain click glides there (the fragment still goes into the address and history); modified clicks
        // (new tab, copy link) stay native.
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !onHeading) return;
        e.preventDefault();
        history.pushState(null, '', a.hash);
        onHeading(h.id);
      });
      li.append(a);
      tocList.append(li);
    }
    tocButton.hidden = headings.length === 0;
  }

  function showStats(stats) {
    minutes = stats.minutes;
    updateProgress();
  }

  let lastY = window.scrollY;
  function updateProgress() {
    const max = document.documentElement.scrollHeight - window.innerHeight;
    const progress = max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 1;
    progressBar.style.transform = `scaleX(${progress})`;
    if (minutes) {
      const left = Math.ceil(minutes * (1 - progress));
      readingTime.textContent = progress < 0.02 ? `${minutes} min read` : left > 0 ? `${left} min left` : 'Finished';
    }
    const y = window.scrollY;
    const panelOpen = panels.some(([, p]) => !p.hidden);
    const narrow = window.innerWidth < 900;   // on wide screens the toolbar sits beside the column, not over it
    const tuck = narrow && y > lastY + 4 && y > 80 && !panelOpen && !toolbar.contains(document.activeElement);
    if (tuck) toolbar.classList.add('tucked');
    else if (y < lastY - 4 || y <= 80) toolbar.classList.remove('tucked');
    lastY = y;
  }
  let progressPending = false;
  window.addEventListener('scroll', () => {
    if (progressPending) return;
    progressPending = true;
    requestAnimationFrame(() => { progressPending = false; updateProgress(); });
  }, { passive: true });
  toolbar.addEventListener('focusin', () => toolbar.classList.remove('tucked'));

  toolbar.hidden = false;
  const closePanels = () => { for (const [b, p] of panels) setOpen(b, p, false); };
  return { showSettings, showHeadings, showStats, updateProgress, closePanels };
}
