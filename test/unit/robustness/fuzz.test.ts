import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS } from '../../../server/engine';
import { LanguageService } from '../../../server/engine/languageService';
import { MEM_ROOT, memorySite, sample, sampleFiles } from '../../support/fixtures';
import { fuzzIterations, fuzzSeed, mutate } from '../../support/mutate';
import { Prng } from '../../support/prng';
import { assertCataloged } from '../diagnostics/cataloged';

/**
 * Mutated real posts through every entry point of the engine (so every feature in registry.ts is fuzzed):
 * no exception escapes, no rule crashes (an `internal.error` diagnostic or a logged feature failure), every range
 * lies inside the document. Seeded: FUZZ_SEED reproduces a run, FUZZ_ITERATIONS makes it longer.
 */
const ITERATIONS = fuzzIterations(2000);
/** A hang guard, not a speed test: a document that takes this long means a runaway loop. */
const HANG_MS = 10_000;

function randomPosition(doc: TextDocument, rng: Prng): Position {
  switch (rng.int(6)) {
    case 0:
      return { line: doc.lineCount + rng.int(5), character: rng.int(50) }; // past the end
    case 1:
      return { line: rng.int(doc.lineCount), character: 10_000 }; // past the line end
    default:
      return doc.positionAt(rng.int(doc.getText().length + 1));
  }
}

function assertInside(doc: TextDocument, d: Diagnostic, label: string): void {
  const { start, end } = d.range;
  assert.ok(start.line >= 0 && start.character >= 0, `${label}: negative start`);
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${label}: range ends before it starts`);
  assert.ok(end.line < doc.lineCount || (end.line === doc.lineCount - 1 && end.character <= doc.getText().length), `${label}: range past the end`);
  assert.equal(d.source, 'istio', `${label}: source`);
  assertCataloged(d, label);
}

describe('fuzz: mutated posts through the engine', () => {
  it(`survives ${ITERATIONS} mutated documents with every feature at random positions (seed ${fuzzSeed()})`, async () => {
    const rng = new Prng(fuzzSeed());
    const pages = sampleFiles().filter((f) => f.endsWith('.md'));
    const fs = memorySite();
    const service = new LanguageService({ fs, scan: { sliceMs: 1_000_000, pause: () => Promise.resolve() } });
    await service.siteOf(`${MEM_ROOT}/${pages[0]}`)!.summarized();

    const failures: string[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => failures.push(args.map(String).join(' '));
    try {
      for (let i = 0; i < ITERATIONS; i++) {
        const rel = rng.pick(pages);
        const text = mutate(sample(rel), rng);
        const path = `${MEM_ROOT}/${rel}`;
        const label = `#${i} ${rel}`;
        const doc = TextDocument.create(`file://${path}`, 'markdown', i + 1, text);
        const settings = rng.chance(0.05) ? { ...DEFAULT_SETTINGS, maxFileSize: rng.int(text.length + 1) } : DEFAULT_SETTINGS;
        const started = Date.now();
        service.openDocument(path, doc);
        const { diagnostics } = service.diagnostics(path, doc, settings);
        for (const d of diagnostics) {
          assertInside(doc, d, label);
          if (d.code === 'internal.error') failures.push(`${label}: ${d.message}`);
        }
        for (let k = 0; k < 4; k++) {
          const position = randomPosition(doc, rng);
          service.completions(path, doc, position, settings);
          service.hover(path, doc, position, settings);
          service.definition(path, doc, position, settings);
          service.codeActions(path, doc, { start: position, end: randomPosition(doc, rng) }, diagnostics, settings);
        }
        service.documentLinks(path, doc, settings);
        // The mutated text also reaches the index, as if saved to disk.
        if (rng.chance(0.3)) {
          fs.write(path, text);
          service.fileChanged(path, 'changed');
        }
        service.closeDocument(path);
        if (rng.chance(0.3)) {
          fs.write(path, sample(rel));
          service.fileChanged(path, 'changed');
        }
        const ms = Date.now() - started;
        assert.ok(ms < HANG_MS, `${label} took ${ms} ms (seed ${fuzzSeed()})`);
      }
    } finally {
      console.error = originalError;
      service.dispose();
    }
    assert.deepEqual(failures, [], `seed ${fuzzSeed()}`);
  });
});
