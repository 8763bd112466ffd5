import { scanShortcodes, type ShortcodeParam, type ShortcodeTag } from '../../parser/shortcodes';

/** How far back a tag may start: multi-line `image` tags span a few lines, never kilobytes. */
const MAX_TAG_LENGTH = 4000;

interface Base {
  readonly tagStart: number;
  readonly delimiter: '<' | '%';
  /** What the completion replaces: from the start of the typed word to after the cursor's word. */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** The word typed so far (what the client filters on). */
  readonly prefix: string;
}

/** After `{{<`: a shortcode name. */
export interface NameContext extends Base {
  readonly kind: 'name' | 'closing-name';
  /** Where a `>}}` (or an editor's auto-closed `}}`) right after the name ends: the completion replaces through it. */
  readonly closersEnd: number | undefined;
  /** Whether a space separates `{{<` from the name. */
  readonly spaced: boolean;
}

/** Inside a tag after its name, where a parameter name (or a positional value) starts. */
export interface ParamContext extends Base {
  readonly kind: 'param';
  readonly name: string;
  /** The index the next positional value would have. */
  readonly position: number;
  readonly params: readonly ShortcodeParam[];
}

/** Inside a parameter's value (after `name=` or in a positional value). */
export interface ValueContext extends Base {
  readonly kind: 'value';
  readonly name: string;
  readonly param: string | undefined;
  readonly position: number;
  readonly quote: '"' | '`' | undefined;
  readonly params: readonly ShortcodeParam[];
}

export type TagContext = NameContext | ParamContext | ValueContext;

/** `\s*` on both sides of the slash only when there is one: `(\s*)(\/?)\s*` backtracked quadratically over spaces. */
const NAME_TYPED = /^\{\{([<%])(\s*)(?:(\/)\s*)?([A-Za-z0-9_\/-]*)$/;
const WORD_AFTER = /^[A-Za-z0-9_\/-]*/;
/**
 * What an editor may have put after the cursor when `{{<` was typed: VS Code's auto-closing of `{` and `<` leaves
 * `>}}`, `}}`, `>}`, `}` or `>` there. The completion replaces through it, longest first, so that the tag ends in
 * exactly one `>}}` (a stray `}` is printed on the page by Hugo).
 */
const CLOSERS_AFTER = /^[ \t]*(?:[>%]\}\}|\}\}|[>%]\}|\}|[>%])?/;

/** What is being typed at `offset`, if it is inside a shortcode tag that is not finished before the cursor. */
export function tagContext(text: string, offset: number): TagContext | undefined {
  const open = text.lastIndexOf('{{', offset - 1);
  if (open < 0 || offset - open > MAX_TAG_LENGTH) return undefined;
  const delimiter = text[open + 2];
  if (delimiter !== '<' && delimiter !== '%') return undefined;
  const ended = text.indexOf('}}', open + 2);
  if (ended >= 0 && ended + 2 <= offset) return undefined;
  const partial = text.slice(open, offset);
  if (/^\{\{[<%]\s*\/\*/.test(partial)) return undefined; // an escaped example

  const after = text.slice(offset, Math.min(text.length, offset + 200));
  const n = NAME_TYPED.exec(partial);
  if (n) {
    const wordEnd = offset + WORD_AFTER.exec(after)![0].length;
    const rest = text.slice(wordEnd, Math.min(text.length, wordEnd + 200));
    const closers = CLOSERS_AFTER.exec(rest)![0];
    return {
      kind: n[3] ? 'closing-name' : 'name',
      tagStart: open,
      delimiter,
      replaceStart: offset - n[4]!.length,
      replaceEnd: wordEnd,
      prefix: n[4]!,
      closersEnd: /[>%}]/.test(closers) ? wordEnd + closers.length : undefined,
      spaced: n[2]!.length > 0,
    };
  }

  const scan = scanShortcodes(partial);
  const tag: ShortcodeTag | undefined = scan.tags[0];
  if (!tag || tag.kind !== 'open') return undefined;
  const params = tag.params.map((p) => shift(p, open));
  const last = params[params.length - 1];
  const positionals = params.filter((p) => p.name === undefined).length;
  const base = { tagStart: open, delimiter, name: tag.name, params } as const;
  const endsInSpace = /\s$/.test(partial);

  if (!last || (endsInSpace && !(last.unterminated && last.quote))) {
    if (!endsInSpace) return undefined; // still on the name
    return { ...base, kind: 'param', replaceStart: offset, replaceEnd: offset + WORD_AFTER.exec(after)![0].length, prefix: '', position: positionals };
  }
  if (last.valueRange.end !== offset) {
    // `name=` with nothing typed yet: the value starts here.
    if (last.name !== undefined && text[offset - 1] === '=') {
      return { ...base, kind: 'value', param: last.name, position: -1, quote: undefined, replaceStart: offset, replaceEnd: offset, prefix: '' };
    }
    return undefined;
  }
  if (last.quote && !last.unterminated) return undefined; // right after a closing quote
  const valueEnd = last.quote ? offset + (/^[^"`\n]*/.exec(after)![0].length) : offset + WORD_AFTER.exec(after)![0].length;
  const prefix = text.slice(last.innerRange.start, offset);
  if (last.name !== undefined) {
    return { ...base, kind: 'value', param: last.name, position: -1, quote: last.quote, replaceStart: last.innerRange.start, replaceEnd: valueEnd, prefix };
  }
  if (last.quote) {
    return { ...base, kind: 'value', param: undefined, position: last.index, quote: last.quote, replaceStart: last.innerRange.start, replaceEnd: valueEnd, prefix };
  }
  // A bare word: a parameter name being typed, or a positional value.
  return { ...base, kind: 'param', replaceStart: last.valueRange.start, replaceEnd: valueEnd, prefix, position: last.index };
}

function shift(p: ShortcodeParam, by: number): ShortcodeParam {
  const s = (r: { start: number; end: number }) => ({ start: r.start + by, end: r.end + by });
  return { ...p, nameRange: p.nameRange && s(p.nameRange), valueRange: s(p.valueRange), innerRange: s(p.innerRange) };
}
