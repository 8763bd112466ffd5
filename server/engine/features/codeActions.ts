import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { isDiagnosticCode } from '../diagnostics/catalog';
import { isConfigPath } from '../site/hugoConfig';
import type { DocumentContext } from './documentContext';
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
      for (const fix of readFixes(d.data)) {
        const action = codeAction(ctx, d, fix);
        if (action) out.push(action);
      }
    }
    return out;
  },
};

/**
 * The code action of one fix; `undefined` when it would edit a file other than the document that is not one of the
 * site's Hugo configuration files (the data came back from the client: a fix must not write anywhere else).
 */
function codeAction(ctx: DocumentContext, d: Diagnostic, fix: Fix): CodeAction | undefined {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.isPreferred === true };
  if (fix.edits.length > 0) {
    const changes: Record<string, TextEdit[]> = {};
    for (const e of fix.edits) {
      if (e.file !== undefined && !(ctx.site && isConfigPath(ctx.site.layout.root, e.file))) return undefined;
      const uri = e.file === undefined ? ctx.uri : ctx.toUri(e.file);
      (changes[uri] ??= []).push({ range: e.range ?? d.range, newText: e.newText });
    }
    action.edit = { changes };
  }
  if (fix.command) action.command = fix.command;
  return action;
}
