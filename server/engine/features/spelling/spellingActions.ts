import { CodeActionKind, type CodeAction } from 'vscode-languageserver-types';
import { fileUri } from '../../site/fileUri';
import { DIAGNOSTIC_SOURCE } from '../diagnostic';
import type { CodeActionProvider } from '../feature';
import { lintPage } from '../lintScope';
import { insertionLine, parseSpelling, wordsFor } from './spellingFile';
import { siteSpelling, spellingPath } from './spellingRule';

/**
 * For an unknown word: the dictionary's suggestions (computed now, not when checking: they are slow), and "Add
 * 'word' to .spelling", a workspace edit of the site's `.spelling` that the user applies (nothing is written before).
 */
export const spellingActions: CodeActionProvider = {
  name: 'mdspell-fixes',
  actions(ctx, _range, diagnostics) {
    const out: CodeAction[] = [];
    const path = spellingPath(ctx);
    const page = lintPage(ctx);
    if (!path || !page || !ctx.spelling || !ctx.location) return out;
    const spelling = siteSpelling(ctx, path);
    const text = spelling?.text ?? '';
    const file = spelling?.file ?? parseSpelling('');
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || d.code !== 'spelling.unknown-word') continue;
      const word = wordOf(d.data);
      if (word === undefined) continue;
      const checker = ctx.spelling(wordsFor(file, page.lang, ctx.location.relPath));
      for (const s of checker?.suggest(word) ?? []) {
        out.push({ title: `Change to '${s}'`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [ctx.uri]: [{ range: d.range, newText: s }] } } });
      }
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const line = insertionLine(file, word);
      const lineCount = text.split('\n').length;
      // At the very end of a file without a final line break the word needs one before it.
      const atEnd = line >= lineCount - (text.endsWith('\n') ? 1 : 0);
      const newText = atEnd && text !== '' && !text.endsWith('\n') ? `${eol}${word}${eol}` : `${word}${eol}`;
      const pos = atEnd && !text.endsWith('\n') && text !== '' ? endPosition(text) : { line, character: 0 };
      out.push({
        title: `Add '${word}' to .spelling`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [fileUri(path)]: [{ range: { start: pos, end: pos }, newText }] } },
      });
    }
    return out;
  },
};

function endPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** The word a `spelling.unknown-word` diagnostic carries, as it comes back from the client (untyped JSON). */
function wordOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const word: unknown = (data as Record<string, unknown>)['word'];
  return typeof word === 'string' ? word : undefined;
}
