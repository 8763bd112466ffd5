import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../parser/lineIndex';

/** Where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
export interface ChangedSpan {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The one span that differs between `before` and `after`, from their common prefix and common suffix (which do not
 * overlap); `undefined` when the texts are equal. Several edits between the two texts come out as one span around
 * all of them.
 */
export function changedSpan(before: string, after: string): ChangedSpan | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Whole blocks first, compared as strings (natively), then character by character within the block that differs:
  // a loop over each character of a 63 kB page took 3 ms per keystroke in the server (it runs cold, once per edit).
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = shorter - start;
  let suffix = 0;
  while (suffix + BLOCK <= room && before.slice(before.length - suffix - BLOCK, before.length - suffix) === after.slice(after.length - suffix - BLOCK, after.length - suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

const BLOCK = 256;

/** Offset ↔ position in `text`, as its `TextDocument` converts them (`LineIndex` finds line starts natively). */
function positions(text: string): Pick<TextDocument, 'offsetAt' | 'positionAt'> {
  return LineIndex.of(text) ?? TextDocument.create('', '', 0, text);
}

/**
 * Findings made on `before`, placed on `after` until they are checked again: those wholly before the changed span stay
 * where they are, those wholly after it move with the text, and those overlapping it are dropped. One that only
 * touches it is kept when white space separates it from the edit in the new text (a line deleted above a word), and
 * dropped otherwise (letters typed onto the end of a word make another word). So the make-lint findings the server
 * shows between a keystroke and their next check neither blink out nor sit at the wrong place.
 */
export function carryAcrossEdit(findings: readonly Diagnostic[], before: string, after: string): Diagnostic[] {
  if (findings.length === 0) return [];
  const span = changedSpan(before, after);
  if (!span) return [...findings];
  const oldDoc = positions(before);
  const newDoc = positions(after);
  const shift = span.newEnd - span.oldEnd;
  const out: Diagnostic[] = [];
  for (const d of findings) {
    const a = oldDoc.offsetAt(d.range.start);
    const b = oldDoc.offsetAt(d.range.end);
    if (b < span.start || (b === span.start && a < b && isSpace(after, span.start))) out.push(d);
    else if (a > span.oldEnd || (a === span.oldEnd && a < b && isSpace(after, span.newEnd - 1))) {
      out.push({ ...d, range: { start: newDoc.positionAt(a + shift), end: newDoc.positionAt(b + shift) } });
    }
  }
  return out;
}

function isSpace(text: string, at: number): boolean {
  return at >= 0 && at < text.length && /\s/.test(text[at]!);
}
