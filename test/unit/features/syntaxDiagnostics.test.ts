import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/engine/languageService';
import { doc, lc, MEM_ROOT, memorySite, rangeOf, sample, sampleFiles } from '../../support/fixtures';
import { cataloged } from '../diagnostics/cataloged';

/** The foundation's syntax codes: other features' checks are tested in their own suites. */
const SYNTAX = /^(shortcode\.|frontmatter\.(missing|unterminated|yaml-syntax|not-a-map|duplicate-key)$)/;

function check(rel: string, text?: string) {
  const fs = memorySite(text === undefined ? {} : { [rel]: text });
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const path = `${MEM_ROOT}/${rel}`;
  const body = text ?? sample(rel);
  return cataloged(service.diagnostics(path, doc(path, body)), rel).diagnostics.filter((d) => SYNTAX.test(String(d.code)));
}

describe('syntax diagnostics (frontmatter and shortcode structure)', () => {
  it('finds only the two genuine faults in the whole sample site', () => {
    const found: string[] = [];
    for (const rel of sampleFiles().filter((f) => f.endsWith('.md'))) {
      // Other features' findings (translation drift, …) are listed by their own suites.
      for (const d of check(rel).filter((x) => /^(frontmatter|shortcode)\./.test(String(x.code)))) found.push(`${rel}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
    }
    assert.deepEqual(found, [
      'content/zh/blog/2018/aws-nlb/index.md:36:5 shortcode.malformed-delimiter',
      'content/zh/blog/2018/aws-nlb/index.md:40:5 shortcode.malformed-delimiter',
    ]);
  });

  it('flags the malformed {< image … >}} as a warning with source istio and its exact range', () => {
    const [d] = check('content/zh/blog/2018/aws-nlb/index.md');
    assert.equal(d!.source, 'istio');
    assert.equal(d!.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(d!.range, lc(36, 5, 36, 90));
  });

  it('flags a page without frontmatter on its first line', () => {
    const text = '# Hello\n\nBody.\n';
    const ds = check('content/en/blog/2025/new-post/index.md', text);
    assert.deepEqual(ds.map((d) => [d.code, d.severity, d.range]), [['frontmatter.missing', DiagnosticSeverity.Error, rangeOf(text, '# Hello')]]);
  });

  it('flags broken YAML in the frontmatter where it is: from the opening quote to the end of what the quote swallows', () => {
    const text = '---\ntitle: "Broken\npublishdate: 2025-01-01\n---\nBody.\n';
    const ds = check('content/en/blog/2025/new-post/index.md', text);
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['frontmatter.yaml-syntax', rangeOf(text, '"Broken\npublishdate: 2025-01-01')]]);
  });

  // Faults planted in the real frontmatter of en blog/2017/adapter-model. Hugo 0.131 fails on each; its message names
  // the line where its parser gave up (for a quote, the end of the frontmatter: test/hugo/yamlFaults.test.ts), and the
  // engine names the fault: its line, and the span the author has to look at.
  describe('reports each planted YAML fault at the fault, with its exact range', () => {
    const rel = 'content/en/blog/2017/adapter-model/index.md';
    const page = sample(rel);
    const cases: ReadonlyArray<{ name: string; from: string; to: string; span: string; message: RegExp }> = [
      {
        name: 'an unterminated double quote',
        from: 'title: Mixer Adapter Model',
        to: 'title: "Mixer Adapter Model',
        span: '"Mixer Adapter Model\ndescription: Provides an overview of Mixer\'s plug-in architecture.\npublishdate: 2017-11-03\nsubtitle: Extending Istio to integrate with a world of infrastructure backends\nattribution: Martin Taillefer\nkeywords: [adapters,mixer,policies,telemetry]\naliases:\n    - /blog/mixer-adapter-model.html\ntarget_release: 0.2\nexclude_from_see_also: true',
        message: /no closing `"`/,
      },
      {
        name: 'an unterminated single quote',
        from: 'attribution: Martin Taillefer',
        to: "attribution: 'Martin Taillefer",
        span: "'Martin Taillefer\nkeywords: [adapters,mixer,policies,telemetry]\naliases:\n    - /blog/mixer-adapter-model.html\ntarget_release: 0.2\nexclude_from_see_also: true",
        message: /no closing `'`/,
      },
      { name: 'a key indented under a key with a value', from: '\npublishdate: 2017-11-03', to: '\n  publishdate: 2017-11-03', span: 'publishdate: 2017-11-03', message: /indentation of this line/ },
      {
        name: 'a list item indented less than the one before it',
        from: '    - /blog/mixer-adapter-model.html',
        to: '    - /blog/mixer-adapter-model.html\n  - /blog/other.html',
        span: '- /blog/other.html',
        message: /indentation of this line/,
      },
      { name: 'a tab as indentation', from: '\nsubtitle:', to: '\n\tsubtitle:', span: '\t', message: /A tab indents this line/ },
      { name: 'an unclosed flow sequence', from: 'keywords: [adapters,mixer,policies,telemetry]', to: 'keywords: [adapters,mixer,policies,telemetry', span: '[adapters,mixer,policies,telemetry', message: /never closed with `\]`/ },
    ];
    for (const c of cases) {
      it(c.name, () => {
        assert.ok(page.includes(c.from), c.from);
        const text = page.replace(c.from, c.to);
        const ds = check(rel, text);
        assert.deepEqual(
          ds.map((d) => [d.code, d.range]),
          [['frontmatter.yaml-syntax', rangeOf(text, c.span)]],
        );
        assert.match(ds[0]!.message, c.message);
      });
    }
  });

  it('flags an unterminated frontmatter on its opening fence', () => {
    const text = '---\ntitle: x\n\nBody.\n';
    const ds = check('content/en/blog/2025/new-post/index.md', text);
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['frontmatter.unterminated', rangeOf(text, '---')]]);
  });

  it('flags an unclosed callout on its opening tag, with the name and the quick fix in its data', () => {
    const base = sample('content/en/blog/2019/data-plane-setup/index.md');
    const text = base.replace('{{< /idea >}}', '');
    const ds = check('content/en/blog/2019/data-plane-setup/index.md', text);
    const data = (d: (typeof ds)[number]) => d.data as { name: string; fixes: Array<{ title: string }> };
    assert.deepEqual(
      ds.map((d) => [d.code, d.range, data(d).name, data(d).fixes.map((f) => f.title)]),
      [['shortcode.unclosed', rangeOf(text, '{{< idea >}}'), 'idea', ['Insert the closing tag {{< /idea >}}']]],
    );
  });

  it('warns on swapped closing tags, which Hugo builds, with a fix naming the shortcode Hugo closes', () => {
    const base = sample('content/en/blog/2019/data-plane-setup/index.md');
    const text = base.replace('{{< /idea >}}', '{{< text bash >}}\n$ ls\n{{< /idea >}}\n{{< /text >}}');
    const ds = check('content/en/blog/2019/data-plane-setup/index.md', text);
    const fixes = (d: (typeof ds)[number]) => (d.data as { fixes: Array<{ title: string; edits: Array<{ range: unknown; newText: string }> }> }).fixes;
    const at = (needle: string, from = 0) => {
      const start = text.indexOf(needle, from);
      const d = doc('x.md', text);
      return { range: { start: d.positionAt(start), end: d.positionAt(start + needle.length) }, name: { start: d.positionAt(start + 5), end: d.positionAt(start + 9) } };
    };
    const idea = at('{{< /idea >}}');
    const textTag = at('{{< /text >}}', text.indexOf('{{< /idea >}}'));
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.range, fixes(d).map((f) => [f.title, f.edits])]),
      [
        ['shortcode.closing-order', DiagnosticSeverity.Warning, idea.range, [['Write `{{< /text >}}`', [{ range: idea.name, newText: 'text' }]]]],
        ['shortcode.closing-order', DiagnosticSeverity.Warning, textTag.range, [['Write `{{< /idea >}}`', [{ range: textTag.name, newText: 'idea' }]]]],
      ],
    );
  });

  it('offers the `{` fix on a single-brace tag: one line (zh blog/2018/aws-nlb line 36) or several', () => {
    const ds = check('content/zh/blog/2018/aws-nlb/index.md');
    const fixes = (d: (typeof ds)[number]) => (d.data as { fixes: Array<{ title: string; edits: Array<{ range: unknown; newText: string }> }> }).fixes;
    assert.deepEqual(
      ds.map((d) => [d.code, fixes(d).map((f) => [f.title, f.edits])]),
      [
        ['shortcode.malformed-delimiter', [['Write `{{<`', [{ range: lc(36, 5, 36, 5), newText: '{' }]]]],
        ['shortcode.malformed-delimiter', [['Remove the stray `{`', [{ range: lc(40, 5, 40, 6), newText: '' }]]]],
      ],
    );
  });

  it('flags an unterminated tag at the end of the file', () => {
    const text = '---\ntitle: x\n---\n\n{{< image link="./a.png"';
    const ds = check('content/en/blog/2025/new-post/index.md', text);
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['shortcode.unterminated', rangeOf(text, '{{< image')]]);
  });

  it('leaves Markdown files outside content/<lang>/ alone', () => {
    assert.deepEqual(check('README.md', '{{< tip >}} no frontmatter'), []);
  });

  it('never throws on binary junk, NUL bytes or a huge line', () => {
    const junk = '\u0000\uFFFD{{<\u0000"'.repeat(10_000) + 'x'.repeat(1_000_000);
    const ds = check('content/en/blog/2025/junk/index.md', junk);
    assert.ok(Array.isArray(ds));
  });
});

describe('the engine with open documents', () => {
  it('re-reads a document opened again with the same version but another text (no stale parse)', () => {
    const fs = memorySite();
    const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
    const rel = 'content/en/blog/2019/data-plane-setup/index.md';
    const path = `${MEM_ROOT}/${rel}`;
    const broken = doc(path, sample(rel).replace('{{< /idea >}}', ''), 1);
    service.openDocument(path, broken);
    assert.deepEqual(service.diagnostics(path, broken).diagnostics.filter((d) => d.code === 'shortcode.unclosed').length, 1);
    const fixed = doc(path, sample(rel), 1);
    service.openDocument(path, fixed);
    assert.deepEqual(service.diagnostics(path, fixed).diagnostics.filter((d) => d.code === 'shortcode.unclosed'), []);
  });
});
