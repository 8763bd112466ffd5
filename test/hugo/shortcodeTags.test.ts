// Shortcode tags Hugo reads differently from how they look, compared with the engine:
// - a shortcode inside a quoted parameter is plain text (Hugo's lexer reads a quoted value to its closing quote), so
//   revision-tags-prologue.md's caption prints `{{< istio_full_version_revision >}}` as written;
// - a tag that starts with one brace, its parameters on the next lines, is printed as text;
// - closing tags in swapped order build: Hugo closes the innermost open shortcode at each closing tag.
// The templates are STAND-INS that print their parameters and .Inner with markers; they are not the site's.
import * as assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CATALOG, LanguageService, MemoryFileSystem } from '../../server/engine';
import { buildSite, htmlText, type HugoBuild } from './lib/hugo';
import { REVISION_TAGS_PROLOGUE_BODY } from '../support/realPages';

const TEMPLATES: Record<string, string> = {
  'layouts/shortcodes/image.html': '<figure data-link="{{ .Get "link" }}" data-caption="{{ .Get "caption" }}"></figure>',
  'layouts/shortcodes/istio_full_version_revision.html': '1-23-0',
  'layouts/shortcodes/tip.html': '<aside class="tip">{{ .Inner }}</aside>',
  'layouts/shortcodes/idea.html': '<aside class="idea">{{ .Inner }}</aside>',
  'layouts/shortcodes/text.html': '<pre class="text">{{ .Inner }}</pre>',
  'layouts/shortcodes/tabset.html': '<div class="tabset">{{ .Inner }}</div>',
  'layouts/shortcodes/tab.html': '<div class="tab">{{ .Inner }}</div>',
};
const PAGE = 'content/en/blog/x/index.md';
const FILES = { 'content/en/blog/x/a.svg': '<svg/>', 'content/en/docs/setup/upgrade/canary/revision-tags-after.svg': '<svg/>' };

const builds: HugoBuild[] = [];
after(() => builds.forEach((b) => b.dispose()));

function hugo(text: string): HugoBuild {
  const b = buildSite({ ...TEMPLATES, ...FILES, [PAGE]: text });
  builds.push(b);
  return b;
}

/** The engine's findings on the page, in a full checkout (a hugo.toml). */
function engine(text: string): Diagnostic[] {
  const fs = new MemoryFileSystem();
  fs.write('/site/hugo.toml', 'defaultContentLanguage = "en"\n');
  for (const [rel, t] of Object.entries(FILES)) fs.write(`/site/${rel}`, t);
  const path = `/site/${PAGE}`;
  fs.write(path, text);
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  try {
    return service.diagnostics(path, TextDocument.create(`file://${path}`, 'markdown', 1, text)).diagnostics.filter((d) => /^shortcode\./.test(String(d.code)));
  } finally {
    service.dispose();
  }
}

const failsBuild = (d: Diagnostic): boolean => DIAGNOSTIC_CATALOG.find((c) => c.code === d.code)!.failsBuild;
const fm = '---\ntitle: P\ndescription: A page.\n---\n\n';

describe('a shortcode inside a quoted parameter', () => {
  // content/en/boilerplates/revision-tags-prologue.md on istio.io, as written.
  const prologue = REVISION_TAGS_PROLOGUE_BODY;

  it('builds, and the caption prints the tag as written while the same tag in the text runs: the engine warns on the caption only', () => {
    const text = fm + prologue;
    const b = hugo(text);
    assert.ok(b.ok, b.log);
    const html = b.output('blog/x/index.html')!;
    const caption = htmlText(/data-caption="([^"]*)"/.exec(html)![1]!);
    assert.equal(caption, 'Namespace labels unchanged but now all namespaces pointed to {{< istio_full_version_revision >}}');
    assert.match(html, /<code>1-23-0<\/code>/);

    const ds = engine(text);
    assert.deepEqual(ds.map((d) => [d.code, text.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character)]), [
      ['shortcode.in-parameter', '{{< istio_full_version_revision >}}'],
    ]);
    assert.equal(ds.some(failsBuild), false);
  });

  it('a `>}}` inside the quotes does not end the tag, for Hugo or the engine', () => {
    const text = `${fm}{{< image link="./a.svg" caption="a >}} b" >}}\n`;
    const b = hugo(text);
    assert.ok(b.ok, b.log);
    assert.equal(htmlText(/data-caption="([^"]*)"/.exec(b.output('blog/x/index.html')!)![1]!), 'a >}} b');
    assert.deepEqual(engine(text), []);
  });
});

describe('a tag that starts with one brace, its parameters on the next lines', () => {
  // en blog/2017/adapter-model's figure, with its first brace lost.
  const figure = '{{< image width="60%"\n    link="./a.svg"\n    caption="Attribute Machine"\n    >}}';
  const broken = `${fm}Mixer is an attribute processing machine.\n\n${figure.slice(1)}\n\nConfiguration is a complex task.\n`;

  it('is printed as text by Hugo, and reported by the engine at its first line with the fix Hugo then renders as a figure', () => {
    const b = hugo(broken);
    assert.ok(b.ok, b.log);
    const html = htmlText(b.output('blog/x/index.html')!);
    // Hugo's typographer curls the quotes of the text it prints.
    assert.match(html, /\{< image width=\S+60%\S+\nlink="\.\/a\.svg"/);
    assert.doesNotMatch(html, /<figure/);

    const ds = engine(broken);
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line, d.range.end.line]), [['shortcode.malformed-delimiter', 7, 10]]);
    assert.equal(broken.split('\n')[7], '{< image width="60%"');
    const fix = (ds[0]!.data as { fixes: Array<{ edits: Array<{ newText: string }> }> }).fixes[0]!.edits[0]!;
    const doc = TextDocument.create('file:///x.md', 'markdown', 1, broken);
    const fixed = TextDocument.applyEdits(doc, [fix as { newText: string; range: Diagnostic['range'] }]);
    assert.equal(fixed, broken.replace(figure.slice(1), figure));
    const after = hugo(fixed);
    assert.ok(after.ok, after.log);
    assert.match(after.output('blog/x/index.html')!, /<figure data-link="\.\/a\.svg" data-caption="Attribute Machine">/);
    assert.deepEqual(engine(fixed), []);
  });
});

describe('closing tags in swapped order', () => {
  const cases: ReadonlyArray<{ name: string; body: string; builds: boolean }> = [
    { name: 'two swapped', body: '{{< tip >}}\nx\n{{< idea >}}\ny\n{{< /tip >}}\nz\n{{< /idea >}}', builds: true },
    { name: 'a text block closed after its callout', body: '{{< tip >}}\n{{< text bash >}}\n$ ls\n{{< /tip >}}\n{{< /text >}}', builds: true },
    { name: 'three rotated', body: '{{< tabset >}}\n{{< tab name="A" >}}\n{{< tip >}}\nx\n{{< /tabset >}}\n{{< /tab >}}\n{{< /tip >}}', builds: true },
    { name: 'one closing tag missing', body: '{{< tip >}}\n{{< text bash >}}\n$ ls\n{{< /tip >}}', builds: false },
    { name: 'a closing tag naming a shortcode not seen yet', body: '{{< tip >}}\nx\n{{< /idea >}}', builds: false },
    { name: 'one closing tag too many', body: '{{< tip >}}\nx\n{{< idea >}}\ny\n{{< /tip >}}\nz\n{{< /idea >}}\n{{< /tip >}}', builds: false },
  ];
  for (const c of cases) {
    it(`${c.name}: Hugo ${c.builds ? 'builds' : 'fails'}, and the engine ${c.builds ? 'warns without a build error, with fixes that keep the rendering' : 'reports a build error'}`, () => {
      const text = `${fm}${c.body}\n`;
      const b = hugo(text);
      assert.equal(b.ok, c.builds, b.log);
      const ds = engine(text);
      assert.equal(ds.some(failsBuild), !c.builds, JSON.stringify(ds));
      if (!c.builds) return;
      assert.ok(ds.length > 0 && ds.every((d) => d.code === 'shortcode.closing-order'), JSON.stringify(ds));
      // Applying every fix names the shortcodes Hugo closes: the page renders the same, and the engine is quiet.
      const edits = ds.map((d) => (d.data as { fixes: Array<{ edits: Array<{ newText: string; range: Diagnostic['range'] }> }> }).fixes[0]!.edits[0]!);
      const fixed = TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
      assert.deepEqual(engine(fixed), []);
      const rebuilt = hugo(fixed);
      assert.ok(rebuilt.ok, rebuilt.log);
      assert.equal(rebuilt.output('blog/x/index.html'), b.output('blog/x/index.html'));
    });
  }
});
