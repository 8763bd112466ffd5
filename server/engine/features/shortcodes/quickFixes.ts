import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import type { CodeActionProvider } from '../feature';
import { stringField } from '../fixData';
import { SHORTCODE_CODES } from './codes';
import { nodeOf, tagAt } from './lookup';
import { fixesOf } from './quickFix';

/** Turns the fixes carried by shortcode diagnostics into code actions, and inserts the closing tag of an unclosed one. */
export const shortcodeQuickFixes: CodeActionProvider = {
  name: 'shortcode-quick-fixes',
  actions(ctx, _range, diagnostics) {
    const out: CodeAction[] = [];
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      if (d.code === 'shortcode.unclosed' || d.code === 'shortcode.mismatched-closing') {
        const action = closingTagFix(ctx, d);
        if (action) out.push(action);
        continue;
      }
      // Other features carry fixes in the same shape: only this feature's codes are handled here.
      if (typeof d.code !== 'string' || !SHORTCODE_CODES.has(d.code)) continue;
      for (const f of fixesOf(d)) {
        out.push({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: f.preferred === true,
          edit: { changes: { [ctx.uri]: [...f.edits] } },
        });
      }
    }
    return out;
  },
};

/**
 * Inserts `{{< /name >}}` where the shortcode most likely ends: after the next word when it is used inline
 * (`{{< gloss >}}term`), otherwise on its own line at the end of the following paragraph, or before the closing tag
 * of the enclosing shortcode, with the opening tag's indentation.
 */
function closingTagFix(ctx: DocumentContext, d: Diagnostic): CodeAction | undefined {
  const name = stringField(d.data, 'name');
  if (name === undefined) return undefined;
  const text = ctx.parsed.text;
  const tag = tagAt(ctx.parsed, ctx.document.offsetAt(d.range.start));
  if (!tag || tag.kind !== 'open' || tag.name !== name || !nodeOf(ctx.parsed, tag)) return undefined;
  const closing = tag.delimiter === '%' ? `{{% /${tag.name} %}}` : `{{< /${tag.name} >}}`;
  const lineStart = text.lastIndexOf('\n', tag.range.start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, tag.range.start))![0];
  let lineEnd = text.indexOf('\n', tag.range.end);
  if (lineEnd < 0) lineEnd = text.length;
  const rest = text.slice(tag.range.end, lineEnd);
  const info = ctx.catalog.get(tag.name);

  let edit: TextEdit;
  if (rest.trim() !== '' && !info?.ownLines) {
    const word = /^\s*[^\s{]+/.exec(rest);
    const at = tag.range.end + (word ? word[0].length : 0);
    edit = { range: ctx.range({ start: at, end: at }), newText: closing };
  } else {
    const ins = blockInsertion(text, lineEnd, indent + closing);
    edit = { range: ctx.range({ start: ins.offset, end: ins.offset }), newText: ins.newText };
  }
  return {
    title: `Insert the closing tag ${closing}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: true,
    edit: { changes: { [ctx.uri]: [edit] } },
  };
}

interface Insertion {
  readonly offset: number;
  readonly newText: string;
}

/** Where the closing line goes, scanning the lines after the tag. */
function blockInsertion(text: string, from: number, closingLine: string): Insertion {
  // The file's own line ends: editors other than VS Code do not convert an inserted `\n` in a CRLF file.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let seen = false;
  let at = from + 1;
  while (at <= text.length && from < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    const trimmed = line.trim();
    if (/^\{\{[<%]\s*\//.test(trimmed)) return offsetEdit(at, `${closingLine}${eol}${eol}`);
    if (trimmed === '' && seen) return offsetEdit(at, `${closingLine}${eol}`);
    if (trimmed !== '') seen = true;
    if (end >= text.length) break;
    at = end + 1;
  }
  return offsetEdit(text.length, `${text.endsWith('\n') ? '' : eol}${closingLine}${eol}`);
}

function offsetEdit(offset: number, newText: string): Insertion {
  return { offset, newText };
}
