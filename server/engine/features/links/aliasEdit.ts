/**
 * Adds a URL to a page's `aliases:`, written the way istio.io writes them (a block list, four spaces and `- `), so
 * that a moved page still answers at its old address: Hugo writes a redirect page there.
 */
import { parseFrontmatter } from '../../parser/frontmatter';
import type { OffsetRange } from '../../parser/offsetRange';
import { urlKey } from '../../site/pageFacts';

export interface OffsetEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

const INDENT = '    ';

/** The edit that adds `alias` to the frontmatter of `text`; `undefined` when it is there already or there is none. */
export function addAliasEdit(text: string, alias: string): OffsetEdit | undefined {
  const fm = parseFrontmatter(text);
  if (!fm || !fm.closed) return undefined;
  const nl = text.slice(fm.range.start, fm.range.end).includes('\r\n') ? '\r\n' : '\n';
  const entry = fm.byKey.get('aliases');
  if (!entry) {
    // A new key just before the closing `---` (the end of the YAML text is the start of that line).
    const at = lineStart(text, fm.contentRange.end);
    return { range: { start: at, end: at }, newText: `aliases:${nl}${INDENT}- ${alias}${nl}` };
  }
  const value = entry.value;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  if (list.some((a) => typeof a === 'string' && urlKey(a) === urlKey(alias))) return undefined;
  // The value's span may run on to the next key's line: only what is written counts.
  const written = text.slice(entry.valueRange.start, entry.valueRange.end).trimEnd();
  const start = entry.valueRange.start;
  const end = start + written.length;
  const afterColon = text.indexOf(':', entry.keyRange.end) + 1;
  if (written.trim() === '') return { range: { start: afterColon, end: Math.max(afterColon, end) }, newText: `${nl}${INDENT}- ${alias}` };
  if (written.trimStart().startsWith('[')) {
    // A flow list: `[/a, /b]` → `[/a, /b, /new]`.
    const close = start + written.lastIndexOf(']');
    const empty = written.replace(/[[\]\s]/g, '') === '';
    return { range: { start: close, end: close }, newText: empty ? alias : `, ${alias}` };
  }
  if (Array.isArray(value)) {
    // A block list: one more item under the last, indented as it is.
    const indent = /^[ \t]*/.exec(text.slice(lineStart(text, end), end))?.[0] ?? INDENT;
    return { range: { start: end, end }, newText: `${nl}${indent}- ${alias}` };
  }
  // One alias written as a scalar: make it a list of two.
  return { range: { start: afterColon, end }, newText: `${nl}${INDENT}- ${written.trim()}${nl}${INDENT}- ${alias}` };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
