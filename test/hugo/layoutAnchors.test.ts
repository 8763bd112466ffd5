// The ids the site's FAQ and glossary layouts generate (urlize of a title or a file name), as Hugo prints them,
// compared with the anchors the engine offers for those pages (its completion after `#` lists every id it knows).
//
// The layouts here are STAND-INS, reduced to what makes ids: they follow istio.io's layouts/_default/faq-landing.html
// (a section id `urlize .LinkTitle`, and each question of each section, through partials/faq_block.html, an id
// `urlize .File.BaseFileName`), faq.html (`<h5 id="{{ $q.File.BaseFileName | urlize }}">`) and glossary.html (a letter
// `<div id="{{ $first }}">` and `<dt id="{{ .Title | urlize }}">` per term), not the real templates.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService, MemoryFileSystem } from '../../server/engine';
import { buildSite, htmlText, type HugoBuild } from './lib/hugo';

const LAYOUTS = {
  'layouts/_default/faq-landing.html': `{{ .Content }}
{{ range .Data.Pages.ByWeight }}<h2 id="{{ .LinkTitle | urlize }}">{{ .LinkTitle }}</h2>
{{ range $q := sort (.Resources.ByType "page") ".Params.weight" }}<div class="faq-block" id="{{ $q.File.BaseFileName | urlize }}">{{ $q.Content }}</div>
{{ end }}{{ end }}`,
  'layouts/_default/faq.html': `{{ .Content }}
{{ range $q := sort (.Resources.ByType "page") ".Params.weight" }}<h5 id="{{ $q.File.BaseFileName | urlize }}" class="question">{{ $q.Title }}</h5>
{{ end }}`,
  'layouts/_default/glossary.html': `{{ .Content }}
{{ $previous := "-" }}{{ range $w := .Resources.ByType "page" }}{{ $first := upper (slicestr $w.Title 0 1) }}{{ if ne $first $previous }}<div id="{{ $first }}" class="letter">{{ $previous = $first }}</div>{{ end }}
<dt id="{{ $w.Title | urlize }}">{{ $w.Title }}</dt>
{{ end }}`,
};

/** Real istio.io FAQ sections, questions and glossary terms (frontmatter only), en and uk. */
const CONTENT: Record<string, string> = {
  'content/en/about/faq/_index.md': '---\ntitle: FAQ\nlayout: faq-landing\n---\n\n## Intro text\n',
  'content/en/about/faq/setup/index.md': '---\ntitle: Setup FAQ\nlinktitle: Setup\nweight: 20\nlayout: faq\n---\n',
  'content/en/about/faq/setup/install-method-selection.md': '---\ntitle: Which Istio installation method should I use?\nweight: 10\n---\n\nText.\n',
  'content/en/about/faq/metrics-and-logs/index.md': '---\ntitle: Metrics and Logs FAQ\nlinktitle: Metrics and Logs\nweight: 40\nlayout: faq\n---\n',
  'content/en/about/faq/metrics-and-logs/telemetry-v1-vs-v2.md': '---\ntitle: What are the differences in telemetry?\nweight: 10\n---\n\nText.\n',
  'content/en/about/faq/security/index.md': '---\ntitle: Security FAQ\nlinktitle: Security\nweight: 30\nlayout: faq\n---\n',
  'content/en/about/faq/security/is-ztunnel-a-SPOF.md': '---\ntitle: Is ztunnel a single point of failure?\nweight: 10\n---\n\nText.\n',
  'content/en/docs/reference/glossary/index.md': '---\ntitle: Glossary\nlayout: glossary\n---\n',
  'content/en/docs/reference/glossary/mutual-tls.md': '---\ntitle: Mutual TLS Authentication\n---\n\nText.\n',
  'content/en/docs/reference/glossary/auto-mtls.md': '---\ntitle: Auto mTLS\n---\n\nText.\n',
  'content/en/docs/reference/glossary/crds.md': '---\ntitle: CRDs\n---\n\nText.\n',
  'content/uk/docs/reference/glossary/index.md': '---\ntitle: Глосарій\nlayout: glossary\n---\n',
  'content/uk/docs/reference/glossary/data-plane.md': '---\ntitle: Панель даних\n---\n\nText.\n',
  'content/uk/docs/reference/glossary/cluster.md': '---\ntitle: Кластер\n---\n\nText.\n',
};

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

/** Every `id="…"` of an HTML page, decoded. */
const idsIn = (html: string): string[] => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => htmlText(m[1]!));

/** The ids the engine offers after `#` in a link to `url`, as the HTML ids Hugo would print. */
async function engineIds(url: string): Promise<string[]> {
  const fs = new MemoryFileSystem();
  fs.write('/site/hugo.toml', '');
  for (const [rel, text] of Object.entries(CONTENT)) fs.write(`/site/${rel}`, text);
  const page = '/site/content/en/news/x.md';
  const text = `---\ntitle: x\n---\n\n[a](${url}#`;
  fs.write(page, text);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  try {
    await service.siteOf(page)!.summarized();
    const document = TextDocument.create(`file://${page}`, 'markdown', 1, text);
    const items = service.completions(page, document, document.positionAt(text.length));
    // The engine also offers the percent-decoded form of an encoded id (a browser matches either): keep the printed one.
    const labels = items.map((i) => i.label);
    return labels.filter((l) => !labels.some((o) => o !== l && o.includes('%') && safeDecode(o) === l)).sort();
  } finally {
    service.dispose();
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

test('layout anchors: the engine knows every id the FAQ and glossary layouts print, and no other', async () => {
  const build = buildSite({ ...LAYOUTS, ...CONTENT, 'hugo.toml': '[languages.uk]\ncontentDir = "content/uk"\n' });
  builds.push(build);
  assert.ok(build.ok, build.log);
  for (const [url, out] of [
    ['/about/faq/', 'about/faq/index.html'],
    ['/about/faq/security/', 'about/faq/security/index.html'],
    ['/docs/reference/glossary/', 'docs/reference/glossary/index.html'],
    ['/uk/docs/reference/glossary/', 'uk/docs/reference/glossary/index.html'],
  ] as const) {
    const html = build.output(out);
    assert.ok(html, `Hugo wrote ${out}`);
    assert.deepEqual(await engineIds(url), [...new Set(idsIn(html))].sort(), url);
  }
});
