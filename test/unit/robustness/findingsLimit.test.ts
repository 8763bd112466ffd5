import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../../server/engine';
import { LanguageService } from '../../../server/engine/languageService';
import { limitFindings, MAX_FINDINGS_PER_DOCUMENT, TOO_MANY_FINDINGS } from '../../../server/engine/features/findingsLimit';
import { doc, MEM_ROOT, memorySite } from '../../support/fixtures';
import { WORST_CASE_FRONTMATTER, WORST_CASE_PAGE } from '../../support/worstCases';

const at = (line: number, severity: DiagnosticSeverity, code = 'x.y'): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  severity,
  code,
  source: 'istio',
  message: code,
});

describe('at most 1,000 findings per document', () => {
  it('turns 330,000 findings of `{{<` × 330,000 (990 KB) into 1,000 and one summary, without an internal error', () => {
    const service = new LanguageService({ fs: memorySite({ 'content/en/_index.md': WORST_CASE_FRONTMATTER }, false) });
    const path = `${MEM_ROOT}/${WORST_CASE_PAGE}`;
    const text = WORST_CASE_FRONTMATTER + '{{<'.repeat(330_000);
    const d = doc(path, text);
    const found = service.diagnostics(path, d, { ...DEFAULT_SETTINGS, maxFileSize: 2_000_000 }).diagnostics;
    assert.equal(found.length, MAX_FINDINGS_PER_DOCUMENT + 1);
    assert.ok(!found.some((x) => x.code === 'internal.error'), 'push(...) no longer overflows the stack');
    const summary = found[found.length - 1]!;
    assert.equal(summary.code, TOO_MANY_FINDINGS);
    assert.equal(summary.severity, DiagnosticSeverity.Information);
    assert.deepEqual(summary.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
    assert.match(summary.message, /^…and 329,000 more: only the first 1,000 findings of this file are shown \(329,000 errors not shown\)/);
    assert.deepEqual(summary.data, { total: 330_000, shown: 1000, hidden: { errors: 329_000, warnings: 0, infos: 0, hints: 0 } });
    assert.ok(found.slice(0, -1).every((x) => x.code === 'shortcode.missing-name'));
  });

  it('keeps the most severe first, then the first in the document, in their original order', () => {
    const findings = [at(5, DiagnosticSeverity.Hint), at(4, DiagnosticSeverity.Error), at(3, DiagnosticSeverity.Warning), at(2, DiagnosticSeverity.Error), at(1, DiagnosticSeverity.Information)];
    const kept = limitFindings(findings, at(0, DiagnosticSeverity.Hint).range, 3);
    assert.deepEqual(kept.slice(0, 3).map((d) => d.range.start.line), [4, 3, 2]);
    assert.equal(kept[3]!.code, TOO_MANY_FINDINGS);
    assert.match(kept[3]!.message, /^…and 2 more: .*\(1 information, 1 hint not shown\)/);
  });

  it('leaves a document with at most 1,000 findings alone', () => {
    const findings = Array.from({ length: 1000 }, (_, i) => at(i, DiagnosticSeverity.Warning));
    assert.deepEqual(limitFindings(findings, at(0, DiagnosticSeverity.Hint).range), findings);
  });
});
