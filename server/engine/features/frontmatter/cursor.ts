import type { Frontmatter } from '../../parser/frontmatter';
import { lineAround, trimEndBlanks } from '../../parser/textScan';

/** Where the cursor is inside the frontmatter, read from the line's text (the YAML may be half-typed). */
export type FrontmatterCursor =
  /** Typing a top-level key: `pub|` or an empty line. `start`/`end` span the key word. */
  | { readonly kind: 'key'; readonly start: number; readonly end: number; readonly hasColon: boolean }
  /** After `key:` on its line. `start`/`end` span the value written so far (to the end of the line). */
  | { readonly kind: 'value'; readonly key: string; readonly start: number; readonly end: number; readonly text: string; readonly before: string }
  /** On a `  - ` item of a block list under `key:`. */
  | { readonly kind: 'item'; readonly key: string; readonly start: number; readonly end: number };

const KEY_AT_START = /^[A-Za-z_][\w.-]*/;
const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|$)/;

export function cursorIn(text: string, fm: Frontmatter, offset: number): FrontmatterCursor | undefined {
  if (offset < fm.contentRange.start || offset > fm.contentRange.end) return undefined;
  // Any LSP line end, a lone `\r` too.
  const { start: lineStart, end: lineEnd } = lineAround(text, offset);
  const line = text.slice(lineStart, lineEnd);
  const before = line.slice(0, offset - lineStart);

  const keyLine = KEY_LINE.exec(line);
  if (keyLine && before.length > keyLine[1]!.length) {
    // Past the colon: the value.
    const colon = line.indexOf(':', keyLine[1]!.length);
    if (before.length <= colon) return undefined;
    let vStart = colon + 1;
    while (vStart < line.length && (line[vStart] === ' ' || line[vStart] === '\t')) vStart++;
    if (before.length < vStart) vStart = before.length;
    // By hand: `/[ \t]+$/` backtracks quadratically over a long run of blanks inside the line.
    const value = trimEndBlanks(line.slice(vStart));
    return {
      kind: 'value',
      key: keyLine[1]!,
      start: lineStart + vStart,
      end: lineStart + Math.max(vStart + value.length, before.length),
      text: value,
      before: line.slice(vStart, before.length),
    };
  }

  if (before === '' || KEY_AT_START.exec(before)?.[0] === before) {
    const word = KEY_AT_START.exec(line)?.[0] ?? '';
    const rest = line.slice(word.length);
    if (rest !== '' && !/^[ \t]*(:|$)/.test(rest)) return undefined;
    return { kind: 'key', start: lineStart, end: lineStart + word.length, hasColon: /^[ \t]*:/.test(rest) };
  }

  const item = /^([ \t]+)-[ \t]*/.exec(before) ?? /^-[ \t]+/.exec(before);
  if (item) {
    const key = parentKey(text, fm.contentRange.start, lineStart);
    if (!key) return undefined;
    const start = lineStart + item[0].length;
    return { kind: 'item', key, start, end: lineStart + trimEndBlanks(line).length };
  }
  return undefined;
}

/** The top-level `key:` that owns the block list on the line starting at `lineStart`. */
function parentKey(text: string, contentStart: number, lineStart: number): string | undefined {
  let end = lineStart - 1;
  while (end > contentStart) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(Math.max(start, contentStart), end).replace(/\r$/, '');
    if (/^[ \t]*-/.test(line) || line.trim() === '') {
      end = start - 1;
      continue;
    }
    const m = /^([A-Za-z_][\w.-]*)[ \t]*:[ \t]*$/.exec(line);
    return m?.[1];
  }
  return undefined;
}

/** Top-level keys written in the frontmatter text, lower-cased (works while the YAML is half-typed). */
export function writtenKeys(text: string, fm: Frontmatter): Set<string> {
  const out = new Set<string>();
  const content = text.slice(fm.contentRange.start, fm.contentRange.end);
  for (const m of content.matchAll(/^([A-Za-z_][\w.-]*)[ \t]*:/gm)) out.add(m[1]!.toLowerCase());
  return out;
}
