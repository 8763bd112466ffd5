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
  return { oneShot, core: phases.core, steps, done: phases.complete() };
}

describe('diagnostics in phases', () => {
  it('every sample page: the complete result is the one-shot check, the core phase is it without the make-lint findings', async () => {
    const { service, pages } = await indexedSampleService();
    let makeLintFindings = 0;
    for (const rel of pages) {
      // The sample is clean for `make lint`: a misspelt word and a style fault in each page.
      const { oneShot, core, steps, done } = runPhases(service, path.join(SAMPLE_SITE, rel), `${sample(rel)}\nMeshify the pods.\n\n#Not a heading\n`);
      assert.equal(steps, makeLintRules.length, rel);
      assert.deepEqual(done.diagnostics, oneShot, rel);
      // The core phase: the one-shot result less the make-lint findings, in the same order.
      const lint = new Set(json(done.makeLint));
      assert.deepEqual(json(core), json(oneShot).filter((d) => !lint.has(d)), rel);
      makeLintFindings += done.makeLint.length;
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
    const { oneShot, done } = runPhases(service, `${MEM_ROOT}/${rel}`, text);
    assert.ok(oneShot.some((d) => d.code === 'file.too-many-findings'), 'over the cap');
    assert.ok(done.makeLint.some((d) => d.code === 'spelling.unknown-word'));
    assert.deepEqual(done.diagnostics, oneShot);
  });
});
