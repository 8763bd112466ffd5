import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { builtInCatalog, readCatalogFile } from '../../../server/engine/catalog/shortcodeCatalog';
import { scanTemplate } from '../../../server/engine/catalog/templateScan';
import { doc, MEM_ROOT, SAMPLE_SITE } from '../../support/fixtures';
import { isShortcodeCode, service } from './harness';

const PAGE = 'content/en/blog/2025/new-post/index.md';
const FRONT = '---\ntitle: New\n---\n\n';

describe('shortcode catalog', () => {
  it('knows exactly the 56 templates of layouts/shortcodes/ as site shortcodes, each with a description', () => {
    const files = fs.readFileSync(path.join(SAMPLE_SITE, 'layouts-shortcodes.txt'), 'utf8').trim().split('\n');
    const catalog = builtInCatalog();
    const site = catalog.names().filter((n) => catalog.get(n)!.origin === 'site');
    assert.deepEqual(site.sort(), files.map((f) => f.replace(/\.html$/, '')).sort());
    for (const n of catalog.names()) assert.ok(catalog.get(n)!.description.length > 10, n);
  });

  it('records pairing, nesting rules and the unused and deprecated ones', () => {
    const c = builtInCatalog();
    assert.deepEqual(['text', 'tab', 'tabset', 'gloss', 'tip', 'image', 'boilerplate'].map((n) => c.get(n)!.inner), [true, true, true, true, true, false, false]);
    assert.deepEqual(c.get('tab')!.parents, ['tabset']);
    assert.deepEqual(c.get('tabset')!.notInside, ['tabset']);
    assert.equal(c.get('countdown_days')!.status, 'unused');
    assert.equal(c.get('tweet')!.status, 'deprecated');
    assert.equal(c.get('figure')!.origin, 'hugo');
  });

  it('reads what a template uses: named and positional parameters, .Inner, its own .Params', () => {
    const t = scanTemplate('{{/*\nPurpose:\nA banner.\n*/}}\n{{ .Get "color" }} {{ .Get 0 }} {{ .Inner }} {{ .Page.Params.x }}');
    assert.deepEqual(t, { named: ['color'], positions: [0], inner: true, anyParams: false, summary: 'A banner.' });
    assert.equal(scanTemplate('{{ range $k, $v := $.Params }}{{ end }}').anyParams, true);
    assert.equal(scanTemplate('{{ .Site.Params.x }}').anyParams, false);
  });

  it('merges a template the site adds over the built-in catalog, and notices when it appears on disk', () => {
    const { service: svc, fs: mem } = service();
    const file = `${MEM_ROOT}/${PAGE}`;
    const text = `${FRONT}{{< banner color="red" size="l" >}}\nHello.\n{{< /banner >}}\n`;
    const before = svc.diagnostics(file, doc(file, text, 1));
    assert.deepEqual(before.diagnostics.filter((d) => isShortcodeCode(d.code)).map((d) => d.code), ['shortcode.unknown']);
    assert.ok(before.dependencies.has(`${MEM_ROOT}/layouts/shortcodes/banner.html`));

    mem.write(`${MEM_ROOT}/layouts/shortcodes/banner.html`, '{{- /* A banner. */ -}}\n<div style="color: {{ .Get "color" }}">{{ .Inner }}</div>');
    svc.fileChanged(`${MEM_ROOT}/layouts/shortcodes/banner.html`, 'created');
    const after = svc.diagnostics(file, doc(file, text, 2)).diagnostics.filter((d) => isShortcodeCode(d.code));
    assert.deepEqual(after.map((d) => [d.code, d.message]), [['shortcode.unknown-parameter', '`banner` has no parameter `size`: it is ignored.']]);
    const merged = svc.catalogFor(svc.siteOf(file));
    assert.equal(merged.get('banner')!.description, 'A banner.');
    assert.equal(merged.get('banner')!.templatePath, `${MEM_ROOT}/layouts/shortcodes/banner.html`);
    assert.equal(merged.get('image')!.params!.length, 6, 'built-in docs are kept');
  });

  it('takes the pairing from the template: a closing tag becomes required when it reads .Inner', () => {
    const { service: svc } = service({ 'layouts/shortcodes/istioctl.html': '{{ .Inner }}istioctl' });
    const file = `${MEM_ROOT}/${PAGE}`;
    const ds = svc.diagnostics(file, doc(file, `${FRONT}Run {{< istioctl >}} now.\n`)).diagnostics.filter((d) => isShortcodeCode(d.code));
    assert.deepEqual(ds.map((d) => d.code), ['shortcode.unclosed']);
  });

  it('records how the preview draws each shortcode; a site template keeps it, a template-only one has none', () => {
    const c = builtInCatalog();
    const drawn = c.names().filter((n) => c.get(n)!.preview !== undefined);
    assert.deepEqual(
      Object.fromEntries(drawn.sort().map((n) => [n, c.get(n)!.preview])),
      {
        boilerplate: 'boilerplate',
        cancel_icon: 'icon',
        centered_block: 'centered',
        checkmark_icon: 'icon',
        gloss: 'gloss',
        idea: 'callout',
        idea_icon: 'icon',
        image: 'figure',
        mermaid: 'diagram',
        quote: 'callout',
        tab: 'tab',
        tabset: 'tabset',
        text: 'text',
        tip: 'callout',
        tip_icon: 'icon',
        warning: 'callout',
        warning_icon: 'icon',
      },
    );
    const { service: svc } = service({ 'layouts/shortcodes/tip.html': '<div>{{ .Inner }}</div>', 'layouts/shortcodes/banner.html': '{{ .Inner }}' });
    const merged = svc.catalogFor(svc.siteOf(`${MEM_ROOT}/${PAGE}`));
    assert.equal(merged.get('tip')!.preview, 'callout');
    assert.equal(merged.get('banner')!.preview, undefined);
  });

  it('uses the built-in catalog for a site without layouts/ (a translator who opened only content/)', () => {
    const { service: svc } = service();
    const file = `${MEM_ROOT}/${PAGE}`;
    assert.equal(svc.catalogFor(svc.siteOf(file)), builtInCatalog());
  });
});

describe('shortcode catalog data', () => {
  it('is checked when read: a word-valued field outside its list fails instead of being cast through', () => {
    const entry = { description: 'x', inner: false, params: [{ name: 'link', kind: 'pth', description: 'x' }] };
    assert.throws(() => readCatalogFile({ shortcodes: { demo: entry }, hugoBuiltIns: {}, textSyntaxes: { common: [], other: [] } }), /demo: parameter kind "pth"/);
    assert.throws(
      () => readCatalogFile({ shortcodes: { demo: { description: 'x', inner: true, preview: 'calout' } }, hugoBuiltIns: {}, textSyntaxes: { common: [], other: [] } }),
      /demo: preview "calout"/,
    );
    const ok = readCatalogFile({ shortcodes: { demo: { ...entry, params: [{ name: 'link', kind: 'path', description: 'x' }], status: 'unused' } }, hugoBuiltIns: {}, textSyntaxes: { common: [], other: [] } });
    assert.deepEqual(ok.shortcodes['demo'], { description: 'x', inner: false, params: [{ name: 'link', kind: 'path', description: 'x' }], status: 'unused' });
  });
});
