import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../diagnostic';
import type { CodeActionProvider } from '../feature';
import { readFixes } from './quickFixData';

/** Turns the fixes carried by frontmatter diagnostics into quick fixes, without looking at the text again. */
export const frontmatterCodeActions: CodeActionProvider = {
  name: 'frontmatter-fixes',
  actions(ctx, _range, diagnostics) {
    const out: CodeAction[] = [];
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'string' || !d.code.startsWith('frontmatter.')) continue;
      for (const fix of readFixes(d.data)) {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred === true,
          edit: { changes: { [ctx.uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
        });
      }
    }
    return out;
  },
};
