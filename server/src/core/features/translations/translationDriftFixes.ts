import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { DocumentContext } from '../documentContext';
import type { CodeActionProvider } from '../feature';

/** Quick fix for `translation.publishdate-differs`: take the source's date (carried in the diagnostic's data). */
export const translationDriftFixes: CodeActionProvider = {
  name: 'translation-drift-fixes',
  actions(ctx: DocumentContext, _range, diagnostics: readonly Diagnostic[]): CodeAction[] {
    const out: CodeAction[] = [];
    for (const d of diagnostics) {
      if (d.code !== 'translation.publishdate-differs') continue;
      const data = d.data as { sourceValue?: unknown } | undefined;
      if (typeof data?.sourceValue !== 'string') continue;
      out.push({
        title: `Use the source's publishdate (${data.sourceValue})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [ctx.uri]: [{ range: d.range, newText: data.sourceValue }] } },
      });
    }
    return out;
  },
};
