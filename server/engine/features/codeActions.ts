import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { isDiagnosticCode } from '../diagnostics/catalog';
import { DIAGNOSTIC_SOURCE } from './diagnostic';
import type { CodeActionProvider } from './feature';
import { readFixes, type Fix } from './quickFix';

/**
 * The engine's one code-action provider: every rule carries its fixes in `Diagnostic.data.fixes` (`quickFix.ts`), so
 * turning them into quick fixes is the same for every family. Diagnostics of other sources, or with codes the catalog
 * does not know, get none.
 */
export const quickFixProvider: CodeActionProvider = {
  name: 'quick-fixes',
  actions(ctx, _range, diagnostics) {
    const out: CodeAction[] = [];
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || !isDiagnosticCode(d.code)) continue;
      for (const fix of readFixes(d.data)) out.push(codeAction(ctx.uri, d, fix));
    }
    return out;
  },
};

function codeAction(uri: string, d: Diagnostic, fix: Fix): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.isPreferred === true };
  if (fix.edits.length > 0) action.edit = { changes: { [uri]: fix.edits.map((e) => ({ range: e.range ?? d.range, newText: e.newText })) } };
  if (fix.command) action.command = fix.command;
  return action;
}
