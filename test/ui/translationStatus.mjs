// UI steps of "Istio: Translation Status" (called from run-ui.mjs; kept in their own module so that the other UI
// sections can change without merge conflicts here).
//
// The site is a copy of the corpus excerpt (test/fixtures/istio-sample: en, zh, uk) made a full checkout with the
// newlang-site fixture's hugo.toml, i18n/ files and its unconfigured es folder, plus a page under test/ and a news
// page, so that every part of the report shows: the sections with their counts, the hidden test page, and the
// language readiness table (es: not configured, 0 of 131 interface strings).
//
// With ISTIO_UI_DOC_IMAGES=1 the report's top (which shows the groups and the readiness table) is also saved as
// docs/images/translation-status.png, the README's picture.
import fs from 'node:fs';
import path from 'node:path';
import * as wb from '../editors/lib/workbench.mjs';

const page = (title, extra = '') => `---\ntitle: ${title}\ndescription: A page of the UI test.\n${extra}---\n\nText.\n`;

/** Writes the report's site under `dir` from the fixtures of `root`; returns its folder. */
export function prepareStatusSite(root, dir) {
  const site = path.join(dir, 'status-site');
  const newlang = path.join(root, 'test/fixtures/newlang-site');
  fs.cpSync(path.join(root, 'test/fixtures/istio-sample'), site, { recursive: true });
  for (const rel of ['hugo.toml', 'i18n', 'content/es']) fs.cpSync(path.join(newlang, rel), path.join(site, rel), { recursive: true });
  const write = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true });
    fs.writeFileSync(path.join(site, rel), text);
  };
  write('content/en/test/shortcodes/index.md', page('Shortcode test page'));
  write('content/en/news/releases/1.24.x/announcing-1.24/index.md', page('Announcing Istio 1.24'));
  return site;
}

/**
 * The steps: on a zh page, Translation Status lists zh first, groups each language's missing pages by section with
 * counts, hides the test page until asked, filters by text, and shows the readiness table.
 */
export async function translationStatusSteps({ page: p, step, url, site, shots, root }) {
  const docImages = process.env.ISTIO_UI_DOC_IMAGES === '1' ? path.join(root, 'docs/images') : undefined;
  const shot = async (name, { readme = false } = {}) => {
    const file = await wb.screenshot(p, shots, name);
    if (docImages && readme) fs.copyFileSync(file, path.join(docImages, `${name}.png`));
    return path.relative(root, file);
  };
  if (!(await step('workbench opens the corpus made a full checkout with an es folder', () => wb.openWorkbench(p, url, site)))) return;
  if (!(await step('open content/zh/blog/2024/ambient-reaches-beta/index.md', () => wb.quickOpen(p, 'content/zh/blog/2024/ambient-reaches-beta/index.md', { timeoutMs: 60_000 })))) return;
  let frame;
  const opened = await step('"Istio: Translation Status" from a zh page: zh first, each language\'s missing pages grouped by section', async () => {
    await wb.runCommand(p, 'Istio: Translation Status', { timeoutMs: 20_000 });
    frame = await wb.webviewFrame(p, '#toolbar', { timeoutMs: 60_000 });
    const facts = await frame.evaluate(() => ({
      languages: [...document.querySelectorAll('#summary tbody th')].map((t) => t.textContent),
      sections: [...document.querySelectorAll('.section-toggle')].map((t) => `${t.value} ${t.parentElement.textContent.trim().replace(/^\w+ /, '')}`),
      groups: [...document.querySelectorAll('h2[id^="lang-"]')].map((h) => {
        const groups = [];
        for (let n = h.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling) {
          if (n.matches('details.section') && !n.hidden) groups.push(n.querySelector('summary').textContent.trim());
        }
        return `${h.textContent}: ${groups.join(', ')}`;
      }),
      visibleTestPages: [...document.querySelectorAll('li.item[data-hidden="test"]')].filter((e) => e.offsetParent !== null).length,
    }));
    if (facts.languages[0] !== 'zh') throw new Error(`languages ${JSON.stringify(facts.languages)}: the open page's zh is not first`);
    if (JSON.stringify(facts.sections.map((s) => s.split(' ')[0])) !== '["blog","docs","news","other"]') throw new Error(`sections ${JSON.stringify(facts.sections)}`);
    if (!facts.groups.some((g) => /^zh: .*blog \(\d+\).*news \(1\)/.test(g))) throw new Error(`zh groups ${JSON.stringify(facts.groups)}`);
    if (facts.visibleTestPages !== 0) throw new Error(`${facts.visibleTestPages} test pages shown by default`);
    return facts;
  });
  if (!opened) return;
  await step('"Show test pages and drafts" shows the test page; the filter box narrows every list to matching pages', async () => {
    const shownTest = async () => frame.evaluate(() => [...document.querySelectorAll('li.item[data-hidden="test"]')].filter((e) => e.offsetParent !== null).length);
    await frame.locator('#show-hidden').check();
    const withHidden = await shownTest();
    if (withHidden < 1) throw new Error('the test page stays hidden');
    await frame.locator('#show-hidden').uncheck();
    // A path: only the release note, in each of the three languages (a title would match more: "Announcing …").
    await frame.locator('#filter').fill('1.24.X');
    try {
      const rows = await frame.evaluate(() => [...document.querySelectorAll('li.item')].filter((e) => e.offsetParent !== null).map((e) => `${e.dataset.missing} ${e.querySelector('a').textContent}`));
      const want = ['zh', 'uk', 'es'].map((l) => `${l} news/releases/1.24.x/announcing-1.24/index.md`);
      if (JSON.stringify(rows) !== JSON.stringify(want)) throw new Error(`filtered rows ${JSON.stringify(rows)}`);
      const counts = await frame.evaluate(() => ['blog', 'news', 'zh', 'zh news'].map((k) => document.querySelector(`[data-count="${k}"]`).textContent));
      if (JSON.stringify(counts) !== '["0","3","1","1"]') throw new Error(`counts blog, news, zh, zh news: ${JSON.stringify(counts)}`);
      // Each language's "Missing (N)" heading counts what the filter leaves too.
      const headings = await frame.evaluate(() => [...document.querySelectorAll('h3')].map((h) => h.textContent).filter((t) => t.startsWith('Missing (')));
      if (JSON.stringify(headings) !== '["Missing (1)","Missing (1)","Missing (1)"]') throw new Error(`missing headings ${JSON.stringify(headings)}`);
      return { testPagesShown: withHidden, filtered: rows, counts, headings };
    } finally {
      await frame.locator('#filter').fill('');
    }
  });
  await step('the report\'s top: summary with missing pages per section, filter, section toggles and export buttons', async () => {
    await frame.evaluate(() => window.scrollTo(0, 0));
    return shot('translation-status', { readme: true });
  });
  await step('the language readiness section: es not configured, 0 of 131 interface strings', async () => {
    const es = await frame.evaluate(() => {
      const row = [...document.querySelectorAll('#readiness + p + table tbody tr')].find((r) => r.querySelector('th')?.textContent === 'es');
      document.getElementById('readiness').scrollIntoView({ block: 'start' });
      return row ? [...row.querySelectorAll('td')].map((c) => c.textContent) : null;
    });
    if (!es || es[0] !== 'no' || es[1] !== '0/131') throw new Error(`es readiness row ${JSON.stringify(es)}`);
    return { es, screenshot: await shot('language-readiness') };
  });
}
