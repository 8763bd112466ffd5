import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Token } from 'markdown-it';
import { MEM_ROOT, memorySite, sample, sampleFiles } from '../../support/fixtures';
import { previewEngine } from '../../../client/src/preview/previewHost';
import { errorsIn, previewMd, renderSample } from './previewSupport';

const POST = 'content/en/blog/2021/better-external-authz/index.md';
const box = (message: string, source?: string): string =>
  `<div class="istio-error" role="note"><span class="istio-error-label">Istio preview</span> ${message}${source ? `<pre class="istio-error-source">${source}</pre>` : ''}</div>\n`;

describe('preview: broken and unknown shortcodes', () => {
  it('an unknown shortcode on its own line: a labelled box with its source', () => {
    const html = renderSample(POST, { text: '{{< imag link="./a.svg" >}}\n' });
    assert.equal(html, box('Unknown shortcode &quot;imag&quot;: istio.io has no template for it, so the site&#39;s build fails.', '{{&lt; imag link=&quot;./a.svg&quot; &gt;}}'));
  });

  it('an unknown paired shortcode: the box, then its content as Markdown; the closing tag disappears', () => {
    const html = renderSample(POST, { text: '{{< note >}}\nSome *text*.\n{{< /note >}}\n' });
    assert.equal(html, box('Unknown shortcode &quot;note&quot;: istio.io has no template for it, so the site&#39;s build fails.', '{{&lt; note &gt;}}') + '<p>Some <em>text</em>.</p>\n');
  });

  it('a shortcode the site defines in layouts/shortcodes/ is not unknown: a neutral note', () => {
    const html = renderSample(POST, { overrides: { 'layouts/shortcodes/imag.html': '<img>' }, text: '{{< imag link="./a.svg" >}}\n\nRun {{< imag >}}.\n' });
    assert.deepEqual(errorsIn(html), []);
    assert.equal(
      html,
      '<div class="istio-placeholder" role="note"><span class="istio-error-label">Istio preview</span> &quot;imag&quot; is a template of this site (layouts/shortcodes/imag.html); the preview does not draw it.<pre class="istio-error-source">{{&lt; imag link=&quot;./a.svg&quot; &gt;}}</pre></div>\n' +
        '<p>Run <span class="istio-note-badge" role="note" title="{{&lt; imag &gt;}}"><span class="istio-error-label">Istio preview</span> &quot;imag&quot; is a template of this site (layouts/shortcodes/imag.html); the preview does not draw it.</span>.</p>\n',
    );
  });

  it('an unknown shortcode inline: a badge', () => {
    const html = renderSample(POST, { text: 'Run {{< istioctll >}} now.\n' });
    assert.equal(
      html,
      '<p>Run <span class="istio-error-badge" role="note" title="{{&lt; istioctll &gt;}}"><span class="istio-error-label">Istio preview</span> Unknown shortcode &quot;istioctll&quot;: istio.io has no template for it, so the site&#39;s build fails.</span> now.</p>\n',
    );
  });

  it('en 2019/data-plane-setup with {{< /idea >}} removed: the unclosed tag gets a box, the rest renders', () => {
    const text = sample('content/en/blog/2019/data-plane-setup/index.md').replace('{{< /idea >}}', '');
    const html = renderSample('content/en/blog/2019/data-plane-setup/index.md', { text });
    assert.deepEqual(errorsIn(html), ['`idea` needs a closing tag `{{&lt; /idea &gt;}}`.']);
    assert.ok(html.includes('<div class="istio-callout istio-callout-quote">'), 'the quote before it is still drawn');
  });

  it('a stray closing tag and a closing tag on a shortcode without content', () => {
    const html = renderSample(POST, { text: 'Text.\n\n{{< /tip >}}\n\n{{< /image >}}\n' });
    assert.deepEqual(errorsIn(html), [
      'This closing tag has no opening `tip` tag.',
      '`image` takes no inner content, so it has no closing tag: remove `{{&lt; /image &gt;}}`.',
    ]);
  });

  it('a callout written on one line: the site refuses it ("must span multiple lines"), so a box', () => {
    const html = renderSample(POST, { text: '{{< tip >}}One line.{{< /tip >}}\n' });
    assert.equal(
      html,
      box('`tip` needs its opening and closing tags on their own lines, with the content between them.', '{{&lt; tip &gt;}}One line.{{&lt; /tip &gt;}}'),
    );
  });

  it('an unterminated tag: a box, and the text after it still renders', () => {
    const html = renderSample(POST, { text: 'Before.\n\n{{< image link="./a.png"\n\nAfter.\n' });
    assert.deepEqual(errorsIn(html), ['The shortcode tag `image` is not closed with `&gt;}}`.']);
    assert.ok(html.includes('<p>After.</p>'));
  });

  it('zh 2018/aws-nlb: the single-brace {< image … >}} of line 36 gets a badge and shows as text, as Hugo prints it', () => {
    const html = renderSample('content/zh/blog/2018/aws-nlb/index.md');
    assert.ok(
      html.includes(
        '<p><span class="istio-error-badge" role="note" title="{&lt; image width=&quot;80%&quot; link=&quot;./createpolicystart.png&quot; caption=&quot;Create a new policy&quot; &gt;}}"><span class="istio-error-label">Istio preview</span> This tag starts with `{&lt;` instead of `{{&lt;`: Hugo prints it as plain text.</span>' +
          '{&lt; image width=&quot;80%&quot; link=&quot;./createpolicystart.png&quot; caption=&quot;Create a new policy&quot; &gt;}}</p>',
      ),
    );
    // Line 40's stray `{` before a valid tag: a badge, the `{`, then the figure.
    assert.ok(html.includes('<span class="istio-error-label">Istio preview</span> A stray `{` before this shortcode is printed as plain text.</span>{<figure class="istio-figure" style="width: 80%"><img src="./createpolicyjson.png"'));
    assert.equal(errorsIn(html).length, 2);
  });

  it('a frontmatter never closed: the engine reads no body, the preview still draws the callout after it', () => {
    const html = renderSample(POST, { text: '---\ntitle: New\n\n{{< tip >}}\nHi.\n{{< /tip >}}\n' });
    assert.ok(html.startsWith('<hr>\n<p>title: New</p>\n<div class="istio-callout istio-callout-tip">'), html);
    assert.deepEqual(errorsIn(html), []);
  });

  it('escaped examples show literally: {{</* tip */>}} as {{< tip >}}', () => {
    const html = renderSample(POST, { text: 'Write `x` as {{</* tip */>}}.\n' });
    assert.equal(html, '<p>Write <code>x</code> as {{&lt; tip &gt;}}.</p>\n');
  });

  it('random truncations of a corpus post never throw and always give HTML', () => {
    const fs = memorySite();
    const md = previewMd(fs);
    const rel = 'content/en/blog/2021/better-external-authz/index.md';
    const text = sample(rel);
    // A fixed-seed generator: the same cuts every run.
    let seed = 42;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 150; i++) {
      const a = Math.floor(next() * text.length);
      const b = a + Math.floor(next() * (text.length - a));
      const cut = i % 3 === 0 ? text.slice(0, a) : i % 3 === 1 ? text.slice(a, b) : text.slice(0, a) + text.slice(b);
      const html = md.render(cut, { currentDocument: `${MEM_ROOT}/${rel}` });
      assert.equal(typeof html, 'string');
    }
  });

  it('a failing host (the disk throws) turns into error boxes, never an exception', () => {
    const fs = memorySite();
    const md = previewMd({
      readText: () => {
        throw new Error('disk gone');
      },
      stat: (p) => fs.stat(p),
      readDir: (p) => fs.readDir(p),
    });
    const html = md.render('{{< boilerplate experimental-feature-warning >}}\n', { currentDocument: `${MEM_ROOT}/content/en/blog/2020/proxy-cert/index.md` });
    assert.deepEqual(errorsIn(html), ['The preview failed to draw this: disk gone']);
  });
});

describe('preview: a site\'s own shortcodes pair as their templates say, as in the engine', () => {
  const note = (name: string, source: string): string =>
    `<div class="istio-placeholder" role="note"><span class="istio-error-label">Istio preview</span> &quot;${name}&quot; is a template of this site (layouts/shortcodes/${name}.html); the preview does not draw it.<pre class="istio-error-source">${source}</pre></div>\n`;
  const BANNER = { 'layouts/shortcodes/banner.html': '<div class="banner">{{ .Inner }}</div>' };
  const TEXT = '{{< banner >}}\nHello *there*.\n{{< /banner >}}\n\n{{< banner >}}\nNo closing tag.\n';

  it('a template that reads .Inner: its content as Markdown, and without its closing tag the engine\'s error', () => {
    const html = renderSample(POST, { overrides: BANNER, text: TEXT });
    assert.equal(
      html,
      note('banner', '{{&lt; banner &gt;}}') +
        '<p>Hello <em>there</em>.</p>\n' +
        box('`banner` needs a closing tag `{{&lt; /banner &gt;}}`.', '{{&lt; banner &gt;}}') +
        '<p>No closing tag.</p>\n',
    );
    // The engine's catalog for the site takes the pairing from the template, and its model of the page agrees.
    const engine = previewEngine(memorySite(BANNER));
    const site = engine.siteOf(`${MEM_ROOT}/${POST}`);
    assert.equal(engine.catalogFor(site).get('banner')!.inner, true);
    const problems = engine.documentModel(TEXT, site).tree.problems;
    assert.deepEqual(problems.map((p) => [p.code, p.range.start]), [['shortcode.unclosed', TEXT.lastIndexOf('{{< banner')]]);
    assert.deepEqual(errorsIn(html), problems.map((p) => p.message.replace(/</g, '&lt;').replace(/>/g, '&gt;')));
    // Inline, the same: a badge.
    assert.equal(
      renderSample(POST, { overrides: BANNER, text: 'Run {{< banner >}} now.\n' }),
      '<p>Run <span class="istio-error-badge" role="note" title="{{&lt; banner &gt;}}"><span class="istio-error-label">Istio preview</span> `banner` needs a closing tag `{{&lt; /banner &gt;}}`.</span> now.</p>\n',
    );
  });

  it('a template without .Inner takes no closing tag, where an unknown name would pair with the one that follows', () => {
    const html = renderSample(POST, { overrides: { 'layouts/shortcodes/imag.html': '<img>' }, text: '{{< imag >}}\nText.\n{{< /imag >}}\n' });
    assert.equal(
      html,
      note('imag', '{{&lt; imag &gt;}}') + '<p>Text.</p>\n' + box('`imag` takes no inner content, so it has no closing tag: remove `{{&lt; /imag &gt;}}`.', '{{&lt; /imag &gt;}}'),
    );
  });

  it('pairs with the workspace\'s site while VS Code parses without the document, with the built-in catalog outside any site', () => {
    const fs = memorySite(BANNER);
    const types = (md: ReturnType<typeof previewMd>, env: object): string[] => md.parse(TEXT, env).map((t: Token) => t.type).filter((t) => t.startsWith('istio_'));
    assert.deepEqual(types(previewMd(fs, MEM_ROOT), {}), ['istio_placeholder', 'istio_error']);
    assert.deepEqual(types(previewMd(fs), { currentDocument: '/notes/readme.md' }), ['istio_placeholder', 'istio_placeholder']);
  });
});

describe('preview: source maps for scroll sync', () => {
  it('every block token the plugin makes carries the lines it came from', () => {
    const fs = memorySite();
    const md = previewMd(fs);
    const text = sample('content/en/blog/2021/better-external-authz/index.md');
    const tokens = md.parse(text, {});
    const ours = tokens.filter((t: Token) => t.type.startsWith('istio_') && t.nesting >= 0 && t.type !== 'istio_dropped_open');
    assert.ok(ours.length > 20);
    for (const t of ours) assert.ok(t.map && t.map[1] > t.map[0], `${t.type} has a map`);
    const lines = text.split('\n');
    const firstTabset = tokens.find((t: Token) => t.type === 'istio_tabset_open')!;
    assert.equal(lines[firstTabset.map![0]], '{{< tabset category-name="opa-deploy" >}}');
    assert.equal(lines[firstTabset.map![1] - 1], '{{< /tabset >}}');
    const fm = tokens[0]!;
    assert.equal(fm.type, 'istio_front_matter');
    assert.equal(lines[fm.map![1] - 1], '---');
  });

  it('value shortcodes are replaced without changing the line count', () => {
    const fs = memorySite();
    const md = previewMd(fs);
    const text = sample('content/en/blog/2018/egress-monitoring-access-control/index.md');
    const tokens = md.parse(text, {});
    const last = tokens.filter((t: Token) => t.map).pop()!;
    assert.equal(last.map![1], text.replace(/\n$/, '').split('\n').length);
  });
});

describe('preview: the whole sample site', () => {
  it('every page renders; the only error boxes are the genuine faults; the glossary terms the excerpt lacks get notes', () => {
    const fs = memorySite();
    const md = previewMd(fs);
    const found: Record<string, string[]> = {};
    const notes: Record<string, number> = {};
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      const html = md.render(sample(rel), { currentDocument: `${MEM_ROOT}/${rel}` });
      const errors = errorsIn(html);
      if (errors.length) found[rel] = errors;
      const n = html.split('class="istio-note-badge"').length - 1;
      if (n) notes[rel] = n;
    }
    assert.deepEqual(found, {
      'content/zh/blog/2018/aws-nlb/index.md': [
        'This tag starts with `{&lt;` instead of `{{&lt;`: Hugo prints it as plain text.',
        'A stray `{` before this shortcode is printed as plain text.',
      ],
    });
    // sidecar, ambient and ztunnel: linked from data-plane.md, not copied into the excerpt (no hugo.toml at its root).
    assert.deepEqual(notes, {
      'content/en/docs/reference/glossary/data-plane.md': 3,
      'content/uk/docs/reference/glossary/data-plane.md': 3,
      'content/zh/docs/reference/glossary/data-plane.md': 3,
    });
  });
});

describe('preview: pure core', () => {
  it('only vscodePreviewHost.ts imports vscode; markdown-it is imported for types only', () => {
    const dir = path.join(__dirname, '../../../client/src/preview');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      if (f !== 'vscodePreviewHost.ts') assert.ok(!/from 'vscode'/.test(text), `${f} imports vscode`);
      for (const m of text.matchAll(/^import (.*) from 'markdown-it';$/gm)) assert.ok(m[1]!.startsWith('type '), `${f}: ${m[0]}`);
    }
  });
});
