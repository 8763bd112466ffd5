import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../diagnostic';
import type { CodeActionProvider } from '../feature';
import { fixesOf } from '../fixData';
import { LINT_CODES } from './codes';

/** The fixes the lint rules computed when they reported (carried in `Diagnostic.data`). */
export const lintActions: CodeActionProvider = {
  name: 'make-lint-fixes',
  actions(ctx, _range, diagnostics) {
    const out: CodeAction[] = [];
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || !LINT_CODES.has(d.code)) continue;
      for (const f of fixesOf(d)) {
        out.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: f.preferred === true, edit: { changes: { [ctx.uri]: [...f.edits] } } });
      }
    }
    return out;
  },
};
