// Istio Authoring: turns the preview's tabsets into tabs. Without this script every tab shows under its title.
// The preview updates its DOM in place on every edit, which resets classes, so tabs are set up again after each
// update; the chosen tab of each tabset is remembered by its position in the page.
(function () {
  'use strict';
  /** Tabset position in the page → selected tab index. */
  const selected = new Map();

  function setUp() {
    const tabsets = document.querySelectorAll('.istio-tabset');
    tabsets.forEach(function (tabset, n) {
      const panels = Array.prototype.filter.call(tabset.children, function (c) { return c.classList.contains('istio-tab'); });
      const buttons = tabset.querySelectorAll(':scope > .istio-tab-bar > .istio-tab-button');
      if (panels.length === 0) return;
      const chosen = Math.min(selected.get(n) || 0, panels.length - 1);
      tabset.classList.add('istio-tabs-enabled');
      panels.forEach(function (p, i) { p.classList.toggle('istio-tab-active', i === chosen); });
      buttons.forEach(function (b, i) { b.setAttribute('aria-selected', String(i === chosen)); });
    });
  }

  document.addEventListener('click', function (e) {
    const target = e.target;
    const button = target && target.closest ? target.closest('.istio-tab-button') : null;
    if (!button) return;
    const tabset = button.closest('.istio-tabset');
    if (!tabset) return;
    e.preventDefault();
    e.stopPropagation();
    const all = Array.prototype.slice.call(document.querySelectorAll('.istio-tabset'));
    selected.set(all.indexOf(tabset), Number(button.getAttribute('data-tab-index')) || 0);
    // As on istio.io: the same choice in every tabset of this category (Istio APIs / Gateway API on a whole page).
    const category = tabset.getAttribute('data-category-name');
    const value = button.getAttribute('data-category-value');
    if (category !== null && value !== null) {
      all.forEach(function (other, n) {
        if (other === tabset || other.getAttribute('data-category-name') !== category) return;
        const same = Array.prototype.find.call(other.querySelectorAll(':scope > .istio-tab-bar > .istio-tab-button'), function (b) {
          return b.getAttribute('data-category-value') === value;
        });
        if (same) selected.set(n, Number(same.getAttribute('data-tab-index')) || 0);
      });
    }
    setUp();
  }, true);

  // Double-clicking a tab title must not jump to the editor (the preview's double-click setting).
  document.addEventListener('dblclick', function (e) {
    const target = e.target;
    if (target && target.closest && target.closest('.istio-tab-bar')) e.stopPropagation();
  }, true);

  /** A tabset whose tabs are not set up: new, or its classes were reset by the preview's update. */
  function needsSetUp() {
    return Array.prototype.some.call(document.querySelectorAll('.istio-tabset'), function (tabset) {
      return !tabset.classList.contains('istio-tabs-enabled') && tabset.querySelector(':scope > .istio-tab') !== null;
    });
  }

  window.addEventListener('vscode.markdown.updateContent', setUp);
  // The preview fills and patches the page in several ways (first load, in-place updates that copy the new
  // attributes over ours): watch the page instead of relying on one event. Acts only when something is not set up,
  // so its own class changes settle at once.
  new MutationObserver(function () {
    if (needsSetUp()) setUp();
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();
