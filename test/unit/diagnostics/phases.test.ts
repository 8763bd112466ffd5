// The server checks a page in two phases (server/src/validationQueue.ts): the core rules, then the make-lint rules.
// What it publishes last must be the page's one-shot check, finding for finding.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../server/engine/languageService';
import { makeLintRules } from '../../../server/engine/features/registry';
import type { WordChecker } from '../../../server/engine/site/spellChecker';
import { doc, memorySite, MEM_ROOT, SAMPLE_SITE, sample } from '../../support/fixtures';
import { indexedSampleService } from '../../support/sampleService';

const NO_PAUSE = { sliceMs: 1e9, pause: () => Promise.resolve() };
const json = (ds: readonly unknown[]): string[] => ds.map((d) => JSON.stringify(d));

function runPhases(service: LanguageService, file: string, text: string) {
  const document = doc(file, text);
  const oneShot = service.diagnostics(file, document).diagnostics;
  const phases = service.diagnosticsInPhases(file, document);
  let steps = 1;
  while (phases.step()) steps++;
  return { oneShot, core: phases.core, steps, done: phases.complete(), phases };
}

describe('diagnostics in phases', () => {
  it('every sample page: the complete result is the one-shot check, the core phase is it without the make-lint findings', async () => {
    const { service, pages } = await indexedSampleService();
    let makeLintFindings = 0;
    for (const rel of pages) {
      // The sample is clean for `make lint`: a misspelt word and a style fault in each page.
      const { oneShot, core, steps, done, phases } = runPhases(service, path.join(SAMPLE_SITE, rel), `${sample(rel)}\nMeshify the pods.\n\n#Not a heading\n`);
      assert.equal(steps, makeLintRules.length, rel);
      assert.deepEqual(done.diagnostics, oneShot, rel);
      // The core phase: the one-shot result less the make-lint findings, in the same order.
      const lint = new Set(json(done.makeLint.shown));
      assert.deepEqual(json(core), json(oneShot).filter((d) => !lint.has(d)), rel);
      assert.deepEqual(done.makeLint.hidden, { errors: 0, warnings: 0, infos: 0, hints: 0 }, rel);
      // Carried across no edit, the first publication is the complete one.
      assert.deepEqual(phases.withCarried(done.makeLint), oneShot, rel);
      makeLintFindings += done.makeLint.shown.length;
    }
    // Not vacuous: spelling and style findings in every page.
    assert.ok(makeLintFindings >= pages.length, `${makeLintFindings} make-lint findings`);
  });

  it('a draft with a suppression comment and more findings than the cap: the same, cap and all', () => {
    const fakeChecker = (extra: readonly string[]): WordChecker => ({
      words: (md) => [...md.matchAll(/[A-Za-z]+/g)].map((m) => ({ word: m[0], index: m.index })),
      correct: (w) => w !== 'wrod' || extra.includes(w),
      suggest: () => [],
    });
    const rel = 'content/en/blog/2025/many/index.md';
    const lines = Array.from({ length: 700 }, (_, i) => (i === 5 ? '<!-- istio-ignore-next-line spelling -->' : `A wrod {{< here ${i}`));
    const text = `---\ntitle: Many\ndescription: Many findings.\ndraft: true\n---\n\n${lines.join('\n')}\n`;
    const service = new LanguageService({ fs: memorySite({ [rel]: text, '.spelling': 'alpha\n' }), spelling: fakeChecker, scan: NO_PAUSE });
    const { oneShot, done, phases } = runPhases(service, `${MEM_ROOT}/${rel}`, text);
    assert.ok(oneShot.some((d) => d.code === 'file.too-many-findings'), 'over the cap');
    assert.deepEqual(done.diagnostics, oneShot);
    // Carried: only the make-lint findings the cap showed (none: the 1,000 most severe are the shortcode errors), and
    // the count of the others (699 wrods less the suppressed one).
    assert.deepEqual(done.makeLint, { shown: [], hidden: { errors: 0, warnings: 698, infos: 0, hints: 0 } });
    // Carried across no edit, the first publication is the complete one, summary and all.
    assert.deepEqual(phases.withCarried(done.makeLint), oneShot);
  });

  it('a page of 60,000 make-lint findings: the first publication after an edit stays capped', () => {
    // Before, every make-lint finding was carried: the publication after each edit held all of them.
    const rel = 'content/en/docs/quotes/index.md';
    const text = `---\ntitle: Quotes\ndescription: Many blockquotes.\n---\n\n${'> a\n\n'.repeat(30_000)}`;
    const service = new LanguageService({ fs: memorySite({ [rel]: text, '.spelling': 'alpha\n', 'mdl.rb': "all\n" }), scan: NO_PAUSE });
    const { oneShot, done, phases } = runPhases(service, `${MEM_ROOT}/${rel}`, text);
    const summary = oneShot.at(-1)!;
    assert.equal(summary.code, 'file.too-many-findings');
    const total = (summary.data as { total: number }).total;
    assert.ok(total >= 60_000, `${total} findings`);
    const shownLint = oneShot.filter((d) => /^(lint|style|spelling)\./.test(String(d.code)));
    assert.ok(shownLint.length > 900, `${shownLint.length} make-lint findings shown`);
    assert.deepEqual(done.makeLint.shown, shownLint);
    const hidden = done.makeLint.hidden;
    assert.equal(hidden.errors + hidden.warnings + hidden.infos + hidden.hints, total - 1000);
    const first = phases.withCarried(done.makeLint);
    assert.equal(first.length, 1001);
    assert.deepEqual(first, oneShot);
  });
});
