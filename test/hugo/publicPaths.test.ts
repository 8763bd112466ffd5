// Which link targets the built site serves, as Hugo writes public/ with istio.io's path settings (staticDir, outputs
// and output formats, disableAliases), compared with the links the engine accepts.
//
// `layouts/index.redir` is a STAND-IN for istio.io's: only its loop that writes a redirect for every alias of
// `.Site.Pages` (the home page's language's pages), not the real template. The host (Netlify) reads the root
// `_redirects` only, so a target is served when public/ holds it or the root `_redirects` redirects it.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService, MemoryFileSystem } from '../../server/engine';
import { ISTIO_OUTPUT_TABLES, ISTIO_STATIC_DIR } from '../support/istioHugoToml';
import { buildSite, type HugoBuild } from './lib/hugo';

/**
 * The settings of istio.io's hugo.toml that decide its paths (verbatim), plus the zh language. The base site already
 * sets `disableAliases = true`, which TOML does not allow twice.
 */
const HUGO_TOML = `${ISTIO_STATIC_DIR}\n${ISTIO_OUTPUT_TABLES}\n[languages.zh]\ncontentDir = "content/zh"\n`;

/** Every link target checked, written as in content/en/blog/x/index.md. */
const TARGETS = [
  '/news/',
  '/news/feed.xml',
  '/feed.xml',
  '/docs/feed.xml',
  '/talks/a.pdf',
  '/gen/b.pdf',
  '/talks/missing.pdf',
  '/docs/new/',
  '/docs/old-url/',
  '/zh/docs/new/',
  '/zh/docs/old-url/',
  '/docs/reference/glossary/',
  '/docs/reference/glossary/envoy/',
  '/docs/new/index.md',
  './My%20Report.pdf',
  './missing.pdf',
];

const CONTENT: Record<string, string> = {
  'content/en/_index.md': '---\ntitle: Istio\n---\n',
  'content/zh/_index.md': '---\ntitle: Istio\n---\n',
  // content/en/news/_index.md
  'content/en/news/_index.md': '---\ntitle: Istio News\ndescription: Timely news about the Istio project.\nlinktitle: News\nsidebar_multicard: true\nicon: bullhorn\ndecoration: pill\noutputs:\n    - html\n    - rss\n---\n',
  'content/en/docs/_index.md': '---\ntitle: Documentation\n---\n',
  'content/en/docs/new/index.md': '---\ntitle: New\naliases:\n    - /docs/old-url/\n---\n',
  'content/zh/docs/new/index.md': '---\ntitle: 新\naliases:\n    - /zh/docs/old-url/\n---\n',
  'content/en/docs/reference/glossary/index.md': '---\ntitle: Glossary\n---\n',
  'content/en/docs/reference/glossary/envoy.md': '---\ntitle: Envoy\n---\nThe proxy.\n',
  'content/en/blog/x/My Report.pdf': 'pdf',
  'static/talks/a.pdf': 'pdf',
  'generated/gen/b.pdf': 'pdf',
};

const LINKS_PAGE = `---\ntitle: Links\n---\n\n${TARGETS.map((t, i) => `[link ${i}](${t})`).join('\n\n')}\n`;

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

test('public paths: the engine accepts exactly the links the built site serves', async () => {
  const build = buildSite({
    'hugo.toml': HUGO_TOML,
    'layouts/index.redir': '{{- range $p := .Site.Pages -}}{{- range .Aliases }}\n{{ . }} {{ $p.Permalink }}{{- end -}}{{- end }}\n',
    ...CONTENT,
    'content/en/blog/x/index.md': LINKS_PAGE,
  });
  builds.push(build);
  assert.ok(build.ok, build.log);
  const redirects = (build.output('_redirects') ?? '').split('\n').map((l) => l.trim().split(/\s+/)[0]);
  // With disableAliases Hugo writes no page for an alias; the root _redirects holds the English ones, and the zh
  // ones land under /zh/, which the host never reads.
  assert.equal(build.output('docs/old-url/index.html'), undefined);
  assert.match(build.output('_redirects') ?? '', /^\/docs\/old-url\/ /m);
  assert.match(build.output('zh/_redirects') ?? '', /^\/zh\/docs\/old-url\/ /m);
  const served = (target: string): boolean => {
    const url = decodeURIComponent(new URL(target, 'https://istio.io/blog/x/').pathname);
    const file = url.endsWith('/') ? `${url}index.html` : url;
    return build.output(file.slice(1)) !== undefined || redirects.includes(url);
  };

  const fs = new MemoryFileSystem();
  // The base site of the Hugo layer sets disableAliases as istio.io does; the engine reads the same settings.
  fs.write('/site/hugo.toml', `disableAliases = true\n${HUGO_TOML}`);
  for (const [rel, text] of Object.entries(CONTENT)) fs.write(`/site/${rel}`, text);
  const path = '/site/content/en/blog/x/index.md';
  fs.write(path, LINKS_PAGE);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  let reported: Set<number>;
  try {
    await service.siteOf(path)!.summarized();
    const ds = service.diagnostics(path, TextDocument.create(`file://${path}`, 'markdown', 1, LINKS_PAGE)).diagnostics;
    // Link i sits on line 5 + 2i (0-based 4 + 2i).
    reported = new Set(ds.filter((d) => /^link\./.test(String(d.code))).map((d) => (d.range.start.line - 4) / 2));
  } finally {
    service.dispose();
  }
  assert.deepEqual(
    TARGETS.map((t, i) => `${t} → ${reported.has(i) ? 'reported' : 'accepted'}`),
    TARGETS.map((t) => `${t} → ${served(t) ? 'accepted' : 'reported'}`),
  );
});
