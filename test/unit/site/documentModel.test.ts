import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../server/engine/languageService';
import { parseShortcodes } from '../../../server/engine/parser/parsedDocument';
import { MEM_ROOT, memorySite } from '../../support/fixtures';

const PAGE = `${MEM_ROOT}/content/en/blog/2025/new-post/index.md`;
const BANNER = { 'layouts/shortcodes/banner.html': '<div class="banner">{{ .Inner }}</div>' };

/** A service as the preview makes one: sites are never scanned. */
function unscanned(overrides: Record<string, string | null> = {}): LanguageService {
  return new LanguageService({ fs: memorySite(overrides), scanSites: false });
}

describe('the engine asked about a text without a TextDocument (the preview)', () => {
  it('never scans a site when told not to, and still answers from the file system', async () => {
    const svc = unscanned();
    const site = svc.siteOf(PAGE)!;
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(site.state, 'empty');
    assert.equal(site.exists(`${MEM_ROOT}/content/en/blog/2017/adapter-model/index.md`), true);
  });

  it('parses a text with its site\'s catalog: a site template that reads .Inner needs its closing tag', () => {
    const svc = unscanned(BANNER);
    const text = '---\ntitle: New\n---\n\n{{< banner >}}\nHello.\n';
    const inSite = svc.documentModel(text, svc.siteOf(PAGE));
    assert.equal(inSite.frontmatter?.closed, true);
    assert.deepEqual(inSite.tree.problems.map((p) => p.code), ['shortcode.unclosed']);
    // Outside any site the built-in catalog does not know `banner`: unpaired, as no closing tag follows.
    assert.deepEqual(svc.documentModel(text, undefined).tree.problems, []);
  });

  it('sees a template added without a file event (the preview\'s watcher may start after it), by its folder\'s time', () => {
    const fs = memorySite(BANNER);
    const svc = new LanguageService({ fs, scanSites: false });
    const text = '---\ntitle: New\n---\n\n{{< notice >}}\nHello.\n';
    assert.deepEqual(svc.documentModel(text, svc.siteOf(PAGE)).tree.problems, []);
    // No fileChanged(): only the templates folder's modification time tells.
    fs.write(`${MEM_ROOT}/layouts/shortcodes/notice.html`, '<div class="notice">{{ .Inner }}</div>');
    assert.deepEqual(svc.documentModel(text, svc.siteOf(PAGE)).tree.problems.map((p) => p.code), ['shortcode.unclosed']);
    fs.delete(`${MEM_ROOT}/layouts/shortcodes/notice.html`);
    assert.deepEqual(svc.documentModel(text, svc.siteOf(PAGE)).tree.problems, []);
  });

  it('pairs a fragment with the same rule as the document', () => {
    const svc = unscanned(BANNER);
    const catalog = svc.catalogFor(svc.siteOf(PAGE));
    const fragment = 'Run {{< banner >}} now.';
    assert.deepEqual(parseShortcodes(fragment, catalog).tree.problems.map((p) => [p.code, p.range.start]), [['shortcode.unclosed', 4]]);
    assert.deepEqual(svc.documentModel(fragment, svc.siteOf(PAGE)).tree.problems.map((p) => [p.code, p.range.start]), [['shortcode.unclosed', 4]]);
  });

  it('reads the site\'s values and whether it is a full checkout', () => {
    const svc = unscanned({ 'data/args.yml': 'source_branch_name: release-1.99\n' });
    const site = svc.siteOf(PAGE)!;
    assert.equal(svc.siteValues(site)['source_branch_name'], 'release-1.99');
    assert.equal(svc.siteValues(undefined)['source_branch_name'], 'master');
    assert.equal(svc.pageFacts(site).isFullCheckout(), false);
    const full = unscanned({ 'hugo.toml': '' });
    assert.equal(full.pageFacts(full.siteOf(PAGE)!).isFullCheckout(), true);
  });
});
