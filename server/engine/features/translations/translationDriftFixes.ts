import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { DocumentContext } from '../documentContext';
import type { CodeActionProvider } from '../feature';
import { stringField } from '../fixData';

/** Quick fix for `translation.publishdate-differs`: take the source's date (carried in the diagnostic's data). */
export const translationDriftFixes: CodeActionProvider = {
  name: 'translation-drift-fixes',
  actions(ctx: DocumentContext, _range, diagnostics: readonly Diagnostic[]): CodeAction[] {
    const out: CodeAction[] = [];
    for (const d of diagnostics) {
      if (d.code !== 'translation.publishdate-differs') continue;
      const sourceValue = stringField(d.data, 'sourceValue');
      if (sourceValue === undefined) continue;
      out.push({
        title: `Use the source's publishdate (${sourceValue})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [ctx.uri]: [{ range: d.range, newText: sourceValue }] } },
      });
    }
    return out;
  },
};
