import { contains, type OffsetRange } from '../../parser/offsetRange';
import type { ParsedDocument } from '../../parser/parsedDocument';
import type { ShortcodeNode } from '../../parser/shortcodeTree';
import type { ShortcodeParam, ShortcodeTag } from '../../parser/shortcodes';
import type { DocumentContext } from '../documentContext';

/** Whether shortcode features apply: a Markdown page inside `content/<lang>/`. */
export function appliesTo(ctx: DocumentContext): boolean {
  return ctx.location !== undefined && ctx.location.kind !== 'resource';
}

/** Whether `offset` is in `r`, its end included (a cursor right after a word is on it). */
export const inRange = contains;

/** The tag whose text holds `offset` (binary search: tags are in document order). */
export function tagAt(parsed: ParsedDocument, offset: number): ShortcodeTag | undefined {
  const tags = parsed.shortcodes.tags;
  let lo = 0;
  let hi = tags.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tags[mid]!;
    if (offset < t.range.start) hi = mid - 1;
    else if (offset > t.range.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

/** The tree node of an opening tag (or of the opening tag a closing tag closes). */
export function nodeOf(parsed: ParsedDocument, tag: ShortcodeTag): ShortcodeNode | undefined {
  return parsed.tree.byTag.get(tag);
}

export function paramAt(tag: ShortcodeTag, offset: number): { param: ShortcodeParam; on: 'name' | 'value' } | undefined {
  for (const p of tag.params) {
    if (p.nameRange && inRange(p.nameRange, offset)) return { param: p, on: 'name' };
    if (inRange(p.valueRange, offset)) return { param: p, on: 'value' };
  }
  return undefined;
}

export function namedParam(tag: ShortcodeTag, name: string): ShortcodeParam | undefined {
  return tag.params.find((p) => p.name === name);
}

export function positional(tag: ShortcodeTag, index: number): ShortcodeParam | undefined {
  return tag.params.find((p) => p.name === undefined && p.index === index);
}

/** What a `gloss` looks up: its first positional value, or else its inner text. */
export function glossEntry(parsed: ParsedDocument, node: ShortcodeNode): { entry: string; range: OffsetRange } | undefined {
  const p0 = positional(node.open, 0);
  if (p0) return { entry: p0.value, range: p0.innerRange };
  if (!node.inner || !node.close) return undefined;
  return { entry: parsed.text.slice(node.inner.start, node.inner.end), range: node.inner };
}

/** The syntax of a `text` block: `syntax=` or its first positional value. */
export function textSyntax(tag: ShortcodeTag): ShortcodeParam | undefined {
  return namedParam(tag, 'syntax') ?? positional(tag, 0);
}

/** The output syntax of a `text` block: `outputis=` or its second positional value. */
export function textOutputSyntax(tag: ShortcodeTag): ShortcodeParam | undefined {
  return namedParam(tag, 'outputis') ?? positional(tag, 1);
}
