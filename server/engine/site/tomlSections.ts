/**
 * Where the tables of a TOML file begin and end, as text: the Hugo configuration is edited by inserting lines, so
 * that its comments, order and indentation survive (a parse and re-serialisation would lose them). The meaning of
 * the file is always taken from the real parser (smol-toml); this only finds headers, skipping anything inside
 * multi-line strings and arrays, where a line starting with `[` is a value and not a header.
 */

export interface TomlHeader {
  /** The header's key path, unquoted: `[languages.zh]` → `['languages', 'zh']`. */
  readonly keys: readonly string[];
  /** `[[…]]`: an element of an array of tables. */
  readonly array: boolean;
  /** Offset of the header line's first character. */
  readonly lineStart: number;
  /** The whitespace before the header's `[`. */
  readonly indent: string;
  /** The indentation of the table's first key line, or `undefined` when it has none. */
  readonly keyIndent: string | undefined;
  /**
   * Where the table's own text ends: the start of the next header's line, less the blank and comment lines just
   * before it (a comment above a header belongs to that header, as `# i18n for Chinese` does on istio.io).
   */
  readonly end: number;
}

interface Line {
  readonly start: number;
  readonly text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      out.push({ start, text: text.slice(start) });
      return out;
    }
    out.push({ start, text: text.slice(start, nl + 1) });
    start = nl + 1;
  }
}

/** The scanner's state between lines: inside a multi-line string, and how deep in brackets of a value. */
interface State {
  multi: '"""' | "'''" | undefined;
  depth: number;
}

/** Advances `state` over one line of text (outside a header). */
function scanLine(line: string, state: State): void {
  let i = 0;
  while (i < line.length) {
    if (state.multi) {
      const close = line.indexOf(state.multi, i);
      if (close < 0) return;
      // A backslash-escaped quote in a basic string does not close it.
      if (state.multi === '"""' && isEscaped(line, close)) {
        i = close + 1;
        continue;
      }
      i = close + 3;
      state.multi = undefined;
      continue;
    }
    const c = line[i]!;
    if (c === '#') return;
    if (line.startsWith('"""', i) || line.startsWith("'''", i)) {
      state.multi = line.startsWith('"""', i) ? '"""' : "'''";
      i += 3;
      continue;
    }
    if (c === '"' || c === "'") {
      i = endOfString(line, i, c);
      continue;
    }
    if (c === '[' || c === '{') state.depth++;
    else if ((c === ']' || c === '}') && state.depth > 0) state.depth--;
    i++;
  }
}

function isEscaped(line: string, at: number): boolean {
  let n = 0;
  for (let j = at - 1; j >= 0 && line[j] === '\\'; j--) n++;
  return n % 2 === 1;
}

function endOfString(line: string, open: number, quote: string): number {
  for (let j = open + 1; j < line.length; j++) {
    if (line[j] === quote && (quote === "'" || !isEscaped(line, j))) return j + 1;
  }
  return line.length;
}

const HEADER = /^([ \t]*)(\[\[?)(.*?)(\]\]?)[ \t]*(#.*)?\r?\n?$/;

/** The keys of a header's inside (`languages."zh-cn".menu`): dotted, each bare or quoted. */
export function headerKeys(inside: string): string[] | undefined {
  const keys: string[] = [];
  let i = 0;
  const s = inside.trim();
  while (i < s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    let key: string;
    if (s[i] === '"' || s[i] === "'") {
      const q = s[i]!;
      const end = endOfString(s, i, q);
      const raw = s.slice(i + 1, end - 1);
      key = q === '"' ? unescapeBasic(raw) : raw;
      i = end;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(s.slice(i));
      if (!m) return undefined;
      key = m[0];
      i += key.length;
    }
    keys.push(key);
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length) break;
    if (s[i] !== '.') return undefined;
    i++;
  }
  return keys.length ? keys : undefined;
}

function unescapeBasic(raw: string): string {
  try {
    const v: unknown = JSON.parse(`"${raw}"`);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw;
  }
}

const isBlankOrComment = (line: string): boolean => /^[ \t]*(#.*)?\r?\n?$/.test(line);

/** Every table header of `text`, in order, with the span of its table. */
export function tomlHeaders(text: string): TomlHeader[] {
  const lines = splitLines(text);
  const state: State = { multi: undefined, depth: 0 };
  const found: { line: number; keys: string[]; array: boolean; indent: string }[] = [];
  lines.forEach((l, n) => {
    if (!state.multi && state.depth === 0) {
      const m = HEADER.exec(l.text);
      const keys = m ? headerKeys(m[3]!) : undefined;
      if (m && keys && (m[2] === '[[') === (m[4] === ']]')) {
        found.push({ line: n, keys, array: m[2] === '[[', indent: m[1]! });
        return;
      }
    }
    scanLine(l.text, state);
  });
  return found.map((h, i) => {
    const nextLine = found[i + 1]?.line ?? lines.length;
    let last = nextLine;
    while (last - 1 > h.line && isBlankOrComment(lines[last - 1]!.text)) last--;
    const end = last < lines.length ? lines[last]!.start : text.length;
    let keyIndent: string | undefined;
    for (let n = h.line + 1; n < last; n++) {
      const t = lines[n]!.text;
      if (!isBlankOrComment(t)) {
        keyIndent = /^[ \t]*/.exec(t)![0];
        break;
      }
    }
    return { keys: h.keys, array: h.array, lineStart: lines[h.line]!.start, indent: h.indent, keyIndent, end };
  });
}
