import type { OffsetRange } from './offsetRange';

/** One error of the YAML library: its code, its span in the YAML text and its message. */
export interface YamlError {
  readonly code: string;
  readonly pos: readonly [number, number];
  readonly message: string;
}

/** Where the fault behind a YAML error is, in the YAML text, and what to tell the author. */
export interface YamlFault {
  readonly range: OffsetRange;
  readonly message: string;
}

/**
 * The fault behind a YAML error, where the parser's position is not it. Hugo (0.131, yaml.v2) and the YAML library both
 * report where they gave up: an unclosed quote at the end of the frontmatter ("found unexpected end of stream"), an
 * unclosed `[` on the next key's line, a misindented key on the line above it. Each is traced back to what the author
 * wrote: the opening quote (its whole span, to the end), the unclosed bracket, the line whose indentation matches no
 * key above it, the tab that indents a line. `undefined` when the error's own position is the best there is.
 */
export function yamlFaultLocator(yaml: string): (err: YamlError) => YamlFault | undefined {
  // Each trace reads the whole frontmatter once, whatever the number of errors (one fault often makes several).
  let quote: { at: number; quote: string } | undefined | null = null;
  let indent: OffsetRange | undefined | null = null;
  let flowTraced = false;
  return (err) => {
    quote = quote === null ? unclosedQuote(yaml) : quote;
    indent = indent === null && INDENT_CODES.has(err.code) ? misindentedLine(yaml) : indent;
    const isFlow = /^Flow (sequence|mapping)/.test(err.message) || (err.code === 'MISSING_CHAR' && /[\]}]$/.test(err.message.trim()));
    const flow = isFlow && !flowTraced ? unclosedFlow(yaml, err.pos[0]) : undefined;
    if (isFlow) flowTraced = true;
    return locate(yaml, err, quote, flow, indent ?? undefined);
  };
}

function locate(yaml: string, err: YamlError, quote: { at: number; quote: string } | undefined, flow: { at: number } | undefined, indent: OffsetRange | undefined): YamlFault | undefined {
  if (quote && err.code === 'MISSING_CHAR' && /closing ["']quote/.test(err.message)) {
    return {
      range: { start: quote.at, end: Math.max(yaml.trimEnd().length, quote.at + 1) },
      message: `This quoted value has no closing \`${quote.quote}\`: YAML reads the rest of the frontmatter into it, and Hugo fails ("found unexpected end of stream").`,
    };
  }
  if (flow) {
    const close = yaml[flow.at] === '[' ? ']' : '}';
    return {
      range: { start: flow.at, end: lineEndOf(yaml, flow.at) },
      message: `This \`${yaml[flow.at]}\` is never closed with \`${close}\`: Hugo fails ("did not find expected ',' or '${close}'").`,
    };
  }
  if (err.code === 'TAB_AS_INDENT') {
    let end = err.pos[0];
    while (yaml[end] === '\t' || yaml[end] === ' ') end++;
    return {
      range: { start: err.pos[0], end: Math.max(end, err.pos[0] + 1) },
      message: 'A tab indents this line: YAML indents with spaces only, and Hugo fails ("found a tab character that violates indentation").',
    };
  }
  if (indent && INDENT_CODES.has(err.code)) {
    // Only a line at or right after the one the parser stopped on: the fault is never further from it.
    const from = yaml.lastIndexOf('\n', err.pos[0] - 1) + 1;
    const next = yaml.indexOf('\n', err.pos[0]);
    const to = next < 0 ? yaml.length : lineEndOf(yaml, next + 1);
    if (indent.start >= from && indent.start <= to) return { range: indent, message: 'The indentation of this line matches no key above it: indent a key as much as the keys beside it, and a nested key or list item more than its parent key (which then has no value on its line).' };
  }
  return undefined;
}

const INDENT_CODES = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'BAD_INDENT', 'MISSING_CHAR', 'UNEXPECTED_TOKEN']);

function lineEndOf(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  const end = nl < 0 ? text.length : nl;
  return Math.max(at + 1, at + text.slice(at, end).trimEnd().length);
}

/** A quote may open a scalar at the start of a value: after `key: `, `- `, `[`, `{`, `,`, or at a line's indentation. */
function opensScalar(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n') return true;
  const c = text[i]!;
  if (c === '[' || c === '{' || c === ',') return true;
  return (c === ':' || c === '-' || c === '?') && i < at - 1;
}

/** The first quote that opens a scalar and is never closed (YAML quoted scalars may run over lines), or undefined. */
function unclosedQuote(text: string): { at: number; quote: string } | undefined {
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return undefined;
      i = nl + 1;
      continue;
    }
    if ((c === '"' || c === "'") && opensScalar(text, i)) {
      const end = closingQuote(text, i);
      if (end < 0) return { at: i, quote: c };
      i = end + 1;
      continue;
    }
    i++;
  }
  return undefined;
}

/** The quote closing the scalar opened at `at`: `\"` escapes in double quotes, `''` in single quotes. */
function closingQuote(text: string, at: number): number {
  const q = text[at]!;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** The last `[` or `{` before `before` left open (quotes skipped). */
function unclosedFlow(text: string, before: number): { at: number } | undefined {
  const open: number[] = [];
  for (let i = 0; i < Math.min(before + 1, text.length); i++) {
    const c = text[i]!;
    if ((c === '"' || c === "'") && opensScalar(text, i)) {
      const end = closingQuote(text, i);
      if (end < 0) break;
      i = end;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === '[' || c === '{') open.push(i);
    else if ((c === ']' || c === '}') && open.length > 0) open.pop();
  }
  return open.length > 0 ? { at: open[0]! } : undefined;
}

interface Line {
  readonly start: number;
  readonly indent: number;
  readonly content: string;
}

/**
 * The first line whose indentation no key above it allows: deeper than the line before when that line's key already
 * has a value (`description: A page.` then `  weight: 3`), or between two open levels (` - b` under `  - a`). Plain
 * multi-line values (a deeper line without `key:` or `- `) are continuations, not faults; block scalars (`|`, `>`) and
 * flow collections are skipped.
 */
function misindentedLine(text: string): OffsetRange | undefined {
  const lines: Line[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const body = raw.replace(/\s+$/, '');
    const indent = body.length - body.trimStart().length;
    if (body.trim() !== '' && !body.trimStart().startsWith('#')) lines.push({ start: at, indent, content: body.slice(indent) });
    at += raw.length + 1;
  }
  const levels: number[] = [0];
  let opens = false; // the previous line's key has no value on its line: a nested block may follow
  let blockScalar = -1; // inside `key: |`, the indentation of its key
  let prev: Line | undefined;
  for (const line of lines) {
    if (blockScalar >= 0) {
      if (line.indent > blockScalar) continue;
      blockScalar = -1;
    }
    const structural = /^(- |-$|[^\s"'#][^:#]*:(\s|$)|["'][^"']*["']\s*:(\s|$))/.test(line.content);
    const top = levels[levels.length - 1]!;
    if (prev && line.indent > top) {
      if (opens) levels.push(line.indent);
      else if (structural) return { start: line.start + line.indent, end: line.start + line.indent + line.content.length };
      else continue; // a plain value continued on the next line
    } else if (line.indent < top) {
      while (levels.length > 1 && levels[levels.length - 1]! > line.indent) levels.pop();
      if (levels[levels.length - 1] !== line.indent) return { start: line.start + line.indent, end: line.start + line.indent + line.content.length };
    }
    const value = valueOf(line.content);
    opens = value === '';
    if (/^[|>][-+0-9]*(\s+#.*)?$/.test(value)) blockScalar = line.indent;
    // `- key: value` opens a mapping at the item's content column; `-` alone or `key:` alone opens a nested block.
    if (line.content.startsWith('- ') && /:(\s|$)/.test(line.content)) {
      const inner = line.indent + 2 + (line.content.slice(2).length - line.content.slice(2).trimStart().length);
      if (levels[levels.length - 1] !== inner) levels.push(inner);
      opens = value === '';
    }
    prev = line;
  }
  return undefined;
}

/** The value after a line's key (`key: value` → `value`, `- item` → `item`), or '' when the line only opens a block. */
function valueOf(content: string): string {
  let c = content;
  while (c === '-' || c.startsWith('- ')) c = c.slice(1).trimStart();
  const m = /^(?:[^\s"'#][^:#]*|"[^"]*"|'[^']*'):(?:\s+|$)(.*)$/.exec(c);
  const v = m ? m[1]! : c;
  return v.replace(/(^|\s)#.*$/, '').trim();
}
