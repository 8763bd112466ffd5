// A family turned `off` (`istio.diagnostics.severity`, the CLI's `--skip`) is not even run when its rules report
// nothing else: spelling and mdl are most of a check's time. The findings must be those of a full run with the
// family's codes dropped.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, type IstioSettings } from '../../../server/engine/settings';
import { familiesOff } from '../../../server/engine/diagnostics/severity';
import { diagnosticInfo, isDiagnosticCode } from '../../../server/engine/diagnostics/catalog';
import { LanguageService } from '../../../server/engine/languageService';
import { makeLintRules } from '../../../server/engine/features/registry';
import type { WordChecker } from '../../../server/engine/site/spellChecker';
import { doc, memorySite, MEM_ROOT, SAMPLE_SITE, sample } from '../../support/fixtures';
import { indexedSampleService } from '../../support/sampleService';

const NO_PAUSE = { sliceMs: 1e9, pause: () => Promise.resolve() };
const withSeverity = (severity: Record<string, string>): IstioSettings =>
  ({ ...DEFAULT_SETTINGS, diagnostics: { ...DEFAULT_SETTINGS.diagnostics, severity } }) as IstioSettings;
const familyOf = (code: unknown): string | undefined => (isDiagnosticCode(code) ? diagnosticInfo(code).family : undefined);

describe('familiesOff', () => {
  it('is true only when every family is off and none of its codes is turned back on', () => {
    assert.equal(familiesOff(['spelling'], { spelling: 'off' }), true);
    assert.equal(familiesOff(['spelling', 'style'], { spelling: 'off', style: 'off' }), true);
    assert.equal(familiesOff(['spelling', 'style'], { spelling: 'off' }), false);
    assert.equal(familiesOff(['spelling'], { spelling: 'off', 'spelling.unknown-word': 'warning' }), false);
    // A code's own `off` does not turn the rest of the family off, and an invalid entry changes nothing.
    assert.equal(familiesOff(['spelling'], { 'spelling.unknown-word': 'off' }), false);
    assert.equal(familiesOff(['spelling'], { spelling: 'off', 'spelling.unknown-word': 'loud' }), true);
    assert.equal(familiesOff(['spelling'], { spelling: 'warning' }), false);
    assert.equal(familiesOff(['spelling'], {}), false);
    // A rule that declares no family always runs.
    assert.equal(familiesOff(undefined, { spelling: 'off' }), false);
    assert.equal(familiesOff([], { spelling: 'off' }), false);
  });

  it('the make-lint rules declare their families', () => {
    assert.deepEqual(makeLintRules.map((r) => r.families), [['lint'], ['style'], ['spelling']]);
  });
});

describe('a family turned off is not run', () => {
  it('spelling off: the spell checker is never asked, and only the spelling findings are gone', () => {
    let asked = 0;
    const checker: WordChecker = {
      words: (md) => {
        asked++;
        return [...md.matchAll(/[A-Za-z]+/g)].map((m) => ({ word: m[0], index: m.index }));
      },
      correct: (w) => w !== 'wrod',
      suggest: () => [],
    };
    const rel = 'content/en/blog/2025/typo/index.md';
    const text = '---\ntitle: Typo\ndescription: A typo.\n---\n\nA wrod here.\n';
    const service = new LanguageService({ fs: memorySite({ [rel]: text, ".spelling": "alpha\n" }), spelling: () => checker, scan: NO_PAUSE });
    const file = `${MEM_ROOT}/${rel}`;
    const full = service.diagnostics(file, doc(file, text), withSeverity({})).diagnostics;
    assert.ok(asked > 0 && full.some((d) => d.code === 'spelling.unknown-word'), 'the rule runs by default');
    asked = 0;
    const off = service.diagnostics(file, doc(file, text), withSeverity({ spelling: 'off' })).diagnostics;
    assert.equal(asked, 0);
    assert.deepEqual(off, full.filter((d) => familyOf(d.code) !== 'spelling'));
    // The server's phased check skips it the same way.
    const phases = service.diagnosticsInPhases(file, doc(file, text), withSeverity({ spelling: 'off' }));
    assert.deepEqual(phases.complete().diagnostics, off);
    assert.equal(asked, 0);
    // A code turned back on runs the rule.
    const back = service.diagnostics(file, doc(file, text), withSeverity({ spelling: 'off', 'spelling.unknown-word': 'error' })).diagnostics;
    assert.ok(asked > 0);
    assert.deepEqual(back.filter((d) => familyOf(d.code) === 'spelling').map((d) => [d.code, d.severity]), [['spelling.unknown-word', 1]]);
  });

  it('every sample page, each make-lint family off in turn: a full check less that family', async () => {
    const { service, pages } = await indexedSampleService();
    const dropped = new Map<string, number>();
    for (const rel of pages) {
      // A misspelt word, an mdl fault and a curly quote (a lint grep fault of English pages) in each page.
      const text = `${sample(rel)}\nMeshify the “pods”.\n\n#Not a heading\n`;
      const file = path.join(SAMPLE_SITE, rel);
      const full = service.diagnostics(file, doc(file, text), withSeverity({})).diagnostics;
      for (const family of ['lint', 'style', 'spelling']) {
        const off = service.diagnostics(file, doc(file, text), withSeverity({ [family]: 'off' })).diagnostics;
        const expected = full.filter((d) => familyOf(d.code) !== family);
        assert.deepEqual(off, expected, `${rel} without ${family}`);
        dropped.set(family, (dropped.get(family) ?? 0) + full.length - expected.length);
      }
    }
    // Not vacuous: each family had findings to lose, on every page `make lint` checks (en and zh; the quote on English pages).
    const linted = pages.filter((p) => /^content\/(en|zh)\//.test(p)).length;
    for (const family of ['style', 'spelling']) assert.ok((dropped.get(family) ?? 0) >= linted, `${family}: ${dropped.get(family)} for ${linted} pages`);
    const english = pages.filter((p) => p.startsWith('content/en/')).length;
    assert.ok((dropped.get('lint') ?? 0) >= english, `lint: ${dropped.get('lint')} for ${english} English pages`);
  });
});
