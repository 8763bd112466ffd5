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

  it('flags broken YAML in the frontmatter where it is', () => {
    const text = '---\ntitle: "Broken\npublishdate: 2025-01-01\n---\nBody.\n';
    const ds = check('content/en/blog/2025/new-post/index.md', text);
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['frontmatter.yaml-syntax', rangeOf(text, 'publishdate: 2025-01-01')]]);
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
