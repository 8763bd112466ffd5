// Past the cap, the blockquote, style and spelling rules count a finding instead of building it (FindingTally). What
// a check reports must not change: every result is compared with a service that builds every finding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { FindingTally } from '../../../server/engine/features/findingTally';
import { LanguageService } from '../../../server/engine/languageService';
import type { WordChecker } from '../../../server/engine/site/spellChecker';
import { doc, memorySite, MEM_ROOT } from '../../support/fixtures';

const NO_PAUSE = { sliceMs: 1e9, pause: () => Promise.resolve() };
const REL = 'content/en/docs/flood/index.md';
/** Every word but the site's own is unknown: a page of words is a page of spelling findings. */
const checker: WordChecker = {
  words: (md) => [...md.matchAll(/[A-Za-z]+/g)].map((m) => ({ word: m[0], index: m.index })),
  correct: (w) => w === 'alpha',
  suggest: () => [],
};
const FRONT = '---\ntitle: Flood\ndescription: A page of many findings.\n---\n\n';

const PAGES: Record<string, string> = {
  // lint.blockquote and MD028, 3,000 of each.
  quotes: FRONT + '> a\n\n'.repeat(3000),
  // Quotes of words: the three rules' warnings interleave, and the cap keeps the first 1,000 of them all.
  'quoted words': FRONT + '> wrod\n\n'.repeat(1500),
  // Errors first (unclosed tags), then warnings past the cap.
  'errors and floods': FRONT + '{{< tip >}}\n\n'.repeat(600) + '> wrod\n\n'.repeat(1500),
  // A draft lowers to warnings the errors that fail only a published page: they compete with the counted warnings.
  draft: FRONT.replace('---\n\n', 'draft: true\n---\n\n') + '{{< boilerplate nope >}}\n\n'.repeat(600) + '> wrod\n\n'.repeat(1500),
  // A suppression comment turns the tally off: it could take any of the built findings away.
  suppressed: FRONT + '<!-- istio-ignore-next-line -->\n' + '> wrod\n\n'.repeat(1500),
  // Under the cap: nothing to count.
  small: FRONT + '> wrod\n\n'.repeat(100),
};

function service(countPastCap: boolean, text: string): LanguageService {
  return new LanguageService({ fs: memorySite({ [REL]: text, '.spelling': 'alpha\n', 'mdl.rb': 'all\n' }), spelling: () => checker, scan: NO_PAUSE, countPastCap });
}

/** How many findings the rules counted instead of building during `run`. */
function countedDuring(run: () => void): number {
  const original = FindingTally.prototype.countPastCap;
  let n = 0;
  FindingTally.prototype.countPastCap = function (this: FindingTally, ...args: Parameters<FindingTally['countPastCap']>): boolean {
    const counted = original.apply(this, args);
    if (counted) n++;
    return counted;
  };
  try {
    run();
  } finally {
    FindingTally.prototype.countPastCap = original;
  }
  return n;
}

describe('findings counted past the cap', () => {
  for (const [name, text] of Object.entries(PAGES)) {
    it(`${name}: the same diagnostics, phases and carried findings as a check that builds every finding`, () => {
      const file = `${MEM_ROOT}/${REL}`;
      const [counted, built] = [service(true, text), service(false, text)];
      const document = doc(file, text);
      let a: ReturnType<LanguageService['diagnostics']>['diagnostics'] = [];
      const n = countedDuring(() => (a = counted.diagnostics(file, document).diagnostics));
      // Counted on every page over the cap but the one with a suppression comment.
      if (name === 'small' || name === 'suppressed') assert.equal(n, 0);
      else assert.ok(n > 1000, `${n} findings counted`);
      const b = built.diagnostics(file, document).diagnostics;
      assert.deepEqual(a, b);
      const [pa, pb] = [counted.diagnosticsInPhases(file, document), built.diagnosticsInPhases(file, document)];
      assert.deepEqual(pa.core, pb.core);
      const [ca, cb] = [pa.complete(), pb.complete()];
      assert.deepEqual(ca.diagnostics, cb.diagnostics);
      assert.deepEqual(ca.makeLint, cb.makeLint);
      assert.deepEqual(pa.withCarried(ca.makeLint), pb.withCarried(cb.makeLint));
      assert.deepEqual(ca.diagnostics, b, 'the phases end where the one-shot check does');
      if (name !== 'small') assert.equal(b.at(-1)!.code, 'file.too-many-findings', 'over the cap: not vacuous');
    });
  }
});

describe('FindingTally', () => {
  const past = (tally: FindingTally, start: number) => tally.countPastCap('lint.blockquote', start);
  const build = (tally: FindingTally, n: number, start = 0) => {
    for (let i = 0; i < n; i++) tally.built('lint.blockquote', DiagnosticSeverity.Warning, start + i);
    tally.commit();
  };

  it('counts a finding once 1,000 of its code and severity are built, none of them after it', () => {
    const tally = new FindingTally(() => true, false);
    build(tally, 999);
    assert.equal(past(tally, 5000), false, 'the 1,000th is built');
    build(tally, 1, 999);
    assert.equal(past(tally, 998), false, 'a built one starts after it: it could be shown');
    assert.equal(past(tally, 999), true, 'at the same place as the last built one: shown after it');
    assert.equal(past(tally, 5000), true);
    assert.equal(tally.countPastCap('lint.blockquote', 5000, 'error'), false, 'another severity has its own count');
    assert.equal(tally.countPastCap('style.md028', 5000), false, 'another code has its own count');
    tally.commit();
    assert.deepEqual(tally.hidden(), { errors: 0, warnings: 2, infos: 0, hints: 0 });
  });

  it('drops a failed rule\'s counts, and counts nothing when it does not apply', () => {
    const tally = new FindingTally(() => true, false);
    build(tally, 1000);
    assert.equal(past(tally, 2000), true);
    tally.abort();
    assert.deepEqual(tally.hidden(), { errors: 0, warnings: 0, infos: 0, hints: 0 });
    const off = new FindingTally(() => false, false);
    build(off, 2000);
    assert.equal(past(off, 5000), false);
  });

  it("counts a draft's build error as the warning the draft shows", () => {
    const tally = new FindingTally(() => true, true);
    for (let i = 0; i < 1000; i++) tally.built('boilerplate.not-found', DiagnosticSeverity.Error, i);
    tally.commit();
    assert.equal(tally.countPastCap('boilerplate.not-found', 1000), true);
    tally.commit();
    assert.deepEqual(tally.hidden(), { errors: 0, warnings: 1, infos: 0, hints: 0 });
  });
});
