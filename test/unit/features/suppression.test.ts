import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInCatalog } from '../../../server/engine/catalog/shortcodeCatalog';
import { findSuppressions } from '../../../server/engine/features/suppression';
import { LanguageService } from '../../../server/engine/languageService';
import { parseDocument } from '../../../server/engine/parser/parsedDocument';
import { doc, MEM_ROOT, memorySite, sample } from '../../support/fixtures';

const REL = 'content/zh/blog/2018/aws-nlb/index.md';

function codes(text: string): string[] {
  const service = new LanguageService({ fs: memorySite(), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const path = `${MEM_ROOT}/${REL}`;
  // The syntax checks' findings and the duplicate key; other checks have their own tests.
  return service.diagnostics(path, doc(path, text)).diagnostics
    .filter((d) => /^(shortcode\.|frontmatter\.duplicate-key)/.test(String(d.code)))
    .map((d) => `${d.range.start.line + 1} ${d.code}`);
}

describe('inline suppression (every check)', () => {
  it('finds the comments and the line each one silences, with its codes', () => {
    const text = '---\ntitle: x\n# istio-ignore-next-line frontmatter.duplicate-key\ntitle: y\n---\n\n<!-- istio-ignore-next-line -->\nA\n<!--istio-ignore-next-line shortcode image.not-found-->\nB\n# istio-ignore-next-line\n';
    assert.deepEqual(findSuppressions(parseDocument(text, builtInCatalog())), [
      { line: 3, codes: ['frontmatter.duplicate-key'] },
      { line: 7, codes: [] },
      { line: 9, codes: ['shortcode', 'image.not-found'] },
    ]);
  });

  it('silences the genuine malformed delimiters of zh aws-nlb, by code or by area, and only on the next line', () => {
    const text = sample(REL);
    assert.deepEqual(codes(text), ['36 shortcode.malformed-delimiter', '40 shortcode.malformed-delimiter']);
    const lines = text.split('\n');
    const silenced = [...lines.slice(0, 35), '<!-- istio-ignore-next-line shortcode.malformed-delimiter -->', ...lines.slice(35)].join('\n');
    assert.deepEqual(codes(silenced), ['41 shortcode.malformed-delimiter']);
    const byArea = [...lines.slice(0, 39), '<!-- istio-ignore-next-line shortcode -->', ...lines.slice(39)].join('\n');
    assert.deepEqual(codes(byArea), ['36 shortcode.malformed-delimiter']);
    const otherCode = [...lines.slice(0, 35), '<!-- istio-ignore-next-line link -->', ...lines.slice(35)].join('\n');
    assert.deepEqual(codes(otherCode), ['37 shortcode.malformed-delimiter', '41 shortcode.malformed-delimiter']);
  });

  it('silences a frontmatter diagnostic with a YAML comment', () => {
    const body = sample(REL).replace(/^---\n/, '---\ntitle: duplicate\n');
    const dup = codes(body).find((c) => c.endsWith('frontmatter.duplicate-key'))!;
    const line = Number(dup.split(' ')[0]);
    const lines = body.split('\n');
    lines.splice(line - 1, 0, '# istio-ignore-next-line frontmatter.duplicate-key');
    // Only the two genuine faults remain, two lines further down.
    assert.deepEqual(codes(lines.join('\n')), ['38 shortcode.malformed-delimiter', '42 shortcode.malformed-delimiter']);
  });
});
