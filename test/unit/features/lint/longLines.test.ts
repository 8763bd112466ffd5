import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../../server/engine/languageService';
import { blanked, longLines, MAX_CHECKED_LINE, truncated } from '../../../../server/engine/features/lintLongLines';
import { MAX_MDSPELL_COST, mdspellCost } from '../../../../server/engine/features/spelling/mdspellCost';
import { lintCopy } from '../../../../server/engine/parser/lintCopy';
import type { WordChecker } from '../../../../server/engine/site/spellChecker';
import { doc, MEM_ROOT, memorySite, sample, sampleFiles } from '../../../support/fixtures';

/** A stand-in for mdspell: words are runs of letters, and only `wrod` is wrong. */
const checker = (): WordChecker => ({
  words: (md) => [...md.matchAll(/[A-Za-z]+/g)].map((m) => ({ word: m[0], index: m.index })),
  correct: (w) => w !== 'wrod',
  suggest: () => [],
});

const rel = 'content/en/blog/2025/long/index.md';
const path = `${MEM_ROOT}/${rel}`;
const head = '---\ntitle: Long lines\n---\n\n';

function findings(text: string, prefix: string): { code: unknown; range: [number, number, number, number] }[] {
  const fs = memorySite({ [rel]: text, '.spelling': 'alpha\n', 'mdl.rb': sample('mdl.rb') });
  const service = new LanguageService({ fs, scan: { sliceMs: 1e9, pause: () => Promise.resolve() }, spelling: checker });
  return service
    .diagnostics(path, doc(path, text))
    .diagnostics.filter((d) => String(d.code).startsWith(prefix))
    .map((d) => ({ code: d.code, range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] }));
}

describe('over-long lines and the make-lint checks', () => {
  it('finds the lines longer than the limit, and blanks or cuts only those', () => {
    const text = `short\n${'x'.repeat(12)}\nend`;
    assert.deepEqual(longLines(text, 10), [[6, 18]]);
    assert.equal(blanked(text, longLines(text, 10)), `short\n${' '.repeat(12)}\nend`);
    assert.equal(truncated(text, longLines(text, 10), 3), 'short\nxxx\nend');
    assert.equal(truncated('a b c d e f g\n', [[0, 13]], 4), 'a b\n');
    assert.deepEqual(longLines('a\n\nb'), []);
  });

  it('leaves an over-long line out of spelling, says so on that line, and checks the others', () => {
    const long = `A wrod ${'word '.repeat(MAX_CHECKED_LINE / 5)}`;
    const text = `${head}${long}\n\nA wrod here.\n`;
    assert.deepEqual(findings(text, 'spelling.'), [
      { code: 'spelling.line-too-long', range: [4, 0, 4, long.length] },
      { code: 'spelling.unknown-word', range: [6, 2, 6, 6] },
    ]);
  });

  it('style-checks the start of an over-long line only, and says so', () => {
    // Trailing spaces (MD009) at the end of a 6,000-character line: past what the style rules read.
    const long = `${'word '.repeat(1200)}   `;
    const text = `${head}${long}\n\nTrailing   \n`;
    assert.deepEqual(findings(text, 'style.'), [
      { code: 'style.line-too-long', range: [4, 0, 4, long.length] },
      { code: 'style.md009', range: [6, 0, 6, 11] },
    ]);
  });

  it('does not spell-check a page that would cost mdspell minutes, and says so on its first line', () => {
    // One paragraph of short lines of image links: marked retries its link rule from each `![` to the paragraph's end.
    const text = `${head}A wrod.\n\n${'![a](![a](![a](![a](![a](![a](![a](![a](![a](![a](![a](![a](\n'.repeat(700)}`;
    assert.ok(mdspellCost(lintCopy(text).text) > MAX_MDSPELL_COST);
    assert.deepEqual(findings(text, 'spelling.'), [{ code: 'spelling.page-too-costly', range: [0, 0, 0, 3] }]);
  });

  it('keeps every page of the sample site under a quarter of the limit', () => {
    for (const f of sampleFiles().filter((p) => p.endsWith('.md'))) {
      const cost = mdspellCost(lintCopy(sample(f)).text);
      assert.ok(cost < MAX_MDSPELL_COST / 4, `${f}: ${cost}`);
    }
  });
});
