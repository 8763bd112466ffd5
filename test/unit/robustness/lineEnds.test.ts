import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LanguageService } from '../../../server/engine/languageService';
import { parseFrontmatter } from '../../../server/engine/parser/frontmatter';
import { scanMarkdown } from '../../../server/engine/parser/markdown';
import { RegionSet } from '../../../server/engine/parser/offsetRange';
import { doc, MEM_ROOT, memorySite, sample, sampleFiles } from '../../support/fixtures';

/** Code and LSP range of each finding: what must not depend on the kind of line end. */
const shape = (ds: readonly Diagnostic[]): string[] =>
  ds.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

describe('a lone \\r ends a line, as in LSP', () => {
  it('reads the frontmatter of a page saved with bare CR line ends (it got frontmatter.missing)', () => {
    const fm = parseFrontmatter('---\rtitle: Post\rpublishdate: 2024-01-01\r---\rBody\r');
    assert.ok(fm);
    assert.equal(fm.closed, true);
    assert.deepEqual(fm.entries.map((e) => [e.key, e.value instanceof Date ? e.value.toISOString() : e.value]), [
      ['title', 'Post'],
      ['publishdate', '2024-01-01T00:00:00.000Z'],
    ]);
    assert.deepEqual(fm.problems, []);
  });

  it('finds headings, fences and links on bare-CR lines', () => {
    const text = '# Title {#top}\r\r```\r# not a heading\r```\r[a](b.md)\r## Two\r';
    const scan = scanMarkdown(text, 0, new RegionSet([]));
    assert.deepEqual(scan.headings.map((h) => [h.level, h.text, h.id]), [
      [1, 'Title', 'top'],
      [2, 'Two', 'two'],
    ]);
    assert.deepEqual(scan.links.map((l) => l.target), ['b.md']);
  });

  it('gives every page of the sample site the same findings with \\n, \\r\\n and bare \\r line ends', async () => {
    const pages = sampleFiles().filter((f) => f.endsWith('.md'));
    const service = new LanguageService({ fs: memorySite(), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
    await service.siteOf(`${MEM_ROOT}/${pages[0]}`)!.summarized();
    for (const rel of pages) {
      const path = `${MEM_ROOT}/${rel}`;
      const lf = sample(rel);
      const expected = shape(service.diagnostics(path, doc(path, lf)).diagnostics);
      for (const eol of ['\r\n', '\r']) {
        const found = shape(service.diagnostics(path, doc(path, lf.replace(/\n/g, eol))).diagnostics);
        assert.deepEqual(found, expected, `${rel} with ${JSON.stringify(eol)}`);
      }
    }
  });

  it('counts bare-CR lines for istio-ignore-next-line', () => {
    const service = new LanguageService({ fs: memorySite() });
    const path = `${MEM_ROOT}/content/en/blog/2024/cr/index.md`;
    const text = '---\rtitle: T\rdescription: D.\rpublishdate: 2024-01-01\rattribution: A\rkeywords: [k]\r---\r<!-- istio-ignore-next-line -->\r{{< tip >}}\r';
    const codes = service.diagnostics(path, doc(path, text)).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('shortcode.unclosed'), codes.join(' '));
    assert.ok(!codes.includes('frontmatter.missing'), codes.join(' '));
  });
});
