/**
 * The document as Ruby `mdl` 0.12 sees it: its frontmatter removal, its lines, and the block elements kramdown 2.4
 * (mdl's parser, GFM fences) finds, as far as the enabled rules look at them. A line scanner, not a Markdown parser:
 * it follows kramdown's block rules (a header or a fence does not interrupt a paragraph, a list item takes lazy lines,
 * a line with a `|` starts a table) so that the rules report what `mdl` reports; test/lint compares it with the real
 * `mdl` page by page.
 */

export type BlockType = 'blank' | 'p' | 'header' | 'codeblock' | 'blockquote' | 'hr' | 'ul' | 'ol' | 'li' | 'table' | 'html' | 'linkdef';

export interface Block {
  readonly type: BlockType;
  /** 1-based line in the document (after the frontmatter is removed), as kramdown's `:location`. */
  readonly line: number;
  /** kramdown's `:element_level`: 1 for the document's own blocks, one more per element nested in between. */
  readonly level: number;
  /** The block's own lines (for a list item, its first line); each with its document line. */
  readonly lines: readonly Line[];
  readonly children: readonly Block[];
  /** Header level; for a fenced code block, whether it has a language. */
  readonly headerLevel?: number;
  readonly fenced?: boolean;
  readonly lang?: string;
  /** A code block's content line count (kramdown's `value.lines.count`). */
  readonly valueLines?: number;
}

export interface Line {
  readonly no: number;
  readonly text: string;
}

export interface MdlDoc {
  /** The document's lines (Ruby `text.split(/\R/, -1)`), `lines[0]` is line 1. */
  readonly lines: readonly string[];
  readonly blocks: readonly Block[];
  /** What `mdl` adds to a document line when it prints it (its count of frontmatter lines). */
  readonly offset: number;
  /** Lines of the file before the document's line 1: the page line of document line n is n + removed. */
  readonly removed: number;
  /** What the rules derive from the document, filled on first use (see mdlRules.ts). */
  readonly derived: MdlDerived;
}

export interface MdlDerived {
  all?: readonly Block[];
  headers?: readonly Block[];
  topHeaders?: readonly Block[];
  textLines?: readonly Line[];
}

/** mdl's `--ignore-front-matter`: `/^---\n(.*?)---\n\n?/m` in Ruby, where `^` is any line start. */
const FRONT_MATTER = /^---\n([\s\S]*?)---\n\n?/m;

export function mdlDoc(text: string): MdlDoc {
  let offset = 0;
  let removed = 0;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    // Ruby's String#split drops trailing empty strings: a blank line after the closing `---` is removed but not
    // counted, so mdl prints such a page's lines one too low.
    // The count of its lines up to the last non-empty one (a filter that sliced the rest for each line did the same).
    const parts = fm[0].split('\n');
    let last = parts.length - 1;
    while (last >= 0 && parts[last] === '') last--;
    offset = last + 1;
    removed = (fm[0].match(/\n/g) ?? []).length;
    text = text.slice(0, fm.index) + text.slice(fm.index + fm[0].length);
    // A match that does not start the file removes lines in the middle: line numbers then differ above and below.
    if (fm.index !== 0) removed = 0;
  }
  const lines = text.split(/\r\n|\n|\r/);
  const src: Line[] = lines.map((t, i) => ({ no: i + 1, text: t }));
  // The last element of a text ending in a line break is '' and no line.
  if (src.length && src[src.length - 1]!.text === '') src.pop();
  return { lines, blocks: parseBlocks(src, 1), offset, removed, derived: {} };
}

const BLANK = /^[ \t]*$/;
const INDENT = /^(?:\t| {4})/;
const FENCE_START = /^ {0,3}(([~`])\2{2,})[ \t]*(\S+?)?(?:\?\S*)?[ \t]*$/;
const ATX = /^(#{1,6})[\t ]*([^ \t].*)$/;
const HR = /^ {0,3}([*\-_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$/;
const UL = /^( {0,3}[+*-])([\t| ].*)$/;
const OL = /^( {0,3}\d+\.)([\t| ].*)$/;
const BLOCKQUOTE = /^ {0,3}> ?/;
const SETEXT_UNDERLINE = /^[-=][-=]*[ \t\r\f\v]*$/;
const TABLE_LINE = /^ {0,3}(?=\S)(?:\||.*?[^\\]\|)/;
const LINK_DEF = /^ {0,3}\[[^\]]+\]:/;
const HTML_START = /^ {0,3}<(?:[A-Za-z][\w:-]*|!--|\/)/;
/** What ends a paragraph in kramdown (PARAGRAPH_END): a blank line, an IAL, an EOB marker, the end. */
const PARAGRAPH_END = /^[ \t]*$|^ {0,3}\{:|^\^[ \t]*$|^ {0,3}:[\t ]/;

function parseBlocks(src: readonly Line[], level: number): Block[] {
  const out: Block[] = [];
  let closers: Closers | undefined;
  let i = 0;
  const block = (type: BlockType, lines: Line[], extra?: Partial<Block>): void => {
    // Spreading a default `{}` into every block (most have no extra field) was a third of the block scan.
    const b: Block = { type, line: lines[0]!.no, level, lines, children: [] };
    out.push(extra ? Object.assign(b, extra) : b);
  };
  while (i < src.length) {
    const line = src[i]!;
    const t = line.text;
    if (BLANK.test(t)) {
      block('blank', [line]);
      i++;
      continue;
    }
    if (INDENT.test(t)) {
      let j = i + 1;
      while (j < src.length && (INDENT.test(src[j]!.text) || (BLANK.test(src[j]!.text) && j + 1 < src.length && INDENT.test(src[j + 1]!.text)))) j++;
      block('codeblock', src.slice(i, j), { fenced: false, valueLines: j - i });
      i = j;
      continue;
    }
    const fence = FENCE_START.exec(t);
    // A fence no later line closes is not a code block; asking the lines after it for its closer only when one
    // exists keeps a page of unclosed fences linear (each asked the rest of the page: seconds for 400 KB).
    if (fence) closers ??= longestClosers(src);
    if (fence && closers && (fence[1]![0] === '`' ? closers.backtick : closers.tilde)[i + 1]! >= fence[1]!.length) {
      const close = new RegExp(`^ {0,3}${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}[ \\t]*$`);
      let j = i + 1;
      while (j < src.length && !close.test(src[j]!.text)) j++;
      if (j < src.length) {
        block('codeblock', src.slice(i, j + 1), { fenced: true, lang: fence[3] ?? '', valueLines: j - i - 1 });
        i = j + 1;
        continue;
      }
    }
    if (BLOCKQUOTE.test(t)) {
      let j = i + 1;
      while (j < src.length && !BLANK.test(src[j]!.text)) j++;
      out.push({ type: 'blockquote', line: line.no, level, lines: src.slice(i, j), children: parseBlocks(src.slice(i, j).map((l) => ({ no: l.no, text: l.text.replace(BLOCKQUOTE, '') })), level + 1) });
      i = j;
      continue;
    }
    const atx = ATX.exec(t);
    if (atx) {
      block('header', [line], { headerLevel: atx[1]!.length });
      i++;
      continue;
    }
    if (HR.test(t)) {
      block('hr', [line]);
      i++;
      continue;
    }
    if (UL.test(t) || OL.test(t)) {
      i = parseList(src, i, level, out);
      continue;
    }
    if (HTML_START.test(t)) {
      let j = i + 1;
      while (j < src.length && !BLANK.test(src[j]!.text)) j++;
      block('html', src.slice(i, j));
      i = j;
      continue;
    }
    const next = src[i + 1];
    if (next && next.no === line.no + 1 && SETEXT_UNDERLINE.test(next.text) && /^ {0,3}[^ \t]/.test(t)) {
      block('header', [line, next], { headerLevel: next.text[0] === '=' ? 1 : 2 });
      i += 2;
      continue;
    }
    if (TABLE_LINE.test(t)) {
      let j = i + 1;
      while (j < src.length && /(?:^\||[^\\]\|)/.test(src[j]!.text) && !BLANK.test(src[j]!.text)) j++;
      block('table', src.slice(i, j));
      i = j;
      continue;
    }
    if (LINK_DEF.test(t)) {
      block('linkdef', [line]);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < src.length && !PARAGRAPH_END.test(src[j]!.text)) j++;
    block('p', src.slice(i, j));
    i = j;
  }
  return out;
}

/** A line that closes a fence: its character, repeated at least three times (the fences it closes are no longer). */
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** For each line, the longest closing fence of each kind at or after it (0: none). */
interface Closers {
  readonly backtick: Int32Array;
  readonly tilde: Int32Array;
}

function longestClosers(src: readonly Line[]): Closers {
  const backtick = new Int32Array(src.length + 1);
  const tilde = new Int32Array(src.length + 1);
  for (let i = src.length - 1; i >= 0; i--) {
    backtick[i] = backtick[i + 1]!;
    tilde[i] = tilde[i + 1]!;
    const m = FENCE_CLOSE.exec(src[i]!.text);
    if (m) {
      const longest = m[1]![0] === '`' ? backtick : tilde;
      longest[i] = Math.max(longest[i]!, m[1]!.length);
    }
  }
  return { backtick, tilde };
}

/** kramdown's parse_list: items, their content lines (unindented), lazy lines, nested blocks. */
function parseList(src: readonly Line[], start: number, level: number, out: Block[]): number {
  const ordered = !UL.test(src[start]!.text);
  const itemRe = ordered ? OL : UL;
  /** Each item's content in chunks: kramdown parses an indented list start that follows text as a chunk of its own. */
  const items: { first: Line; chunks: Line[][]; nested: boolean }[] = [];
  let indentation = 0;
  let lastBlank = false;
  let i = start;
  while (i < src.length) {
    const line = src[i]!;
    const t = line.text;
    const marker = itemRe.exec(t);
    if (lastBlank && HR.test(t)) break;
    // The first item may be indented 0-3 spaces; later ones less than the item's content (kramdown's fetch_pattern).
    const lead = marker ? marker[1]!.length - marker[1]!.trimStart().length : 0;
    if (marker && (items.length === 0 || lead <= Math.min(indentation - 1, 3))) {
      const rest = marker[2]!.replace(/\t/g, '    ');
      const spaces = /^ */.exec(rest)![0].length;
      indentation = marker[1]!.length + spaces;
      items.push({ first: line, chunks: [[{ no: line.no, text: rest.slice(spaces) }]], nested: UL.test(rest.slice(spaces)) || OL.test(rest.slice(spaces)) });
      lastBlank = false;
      i++;
      continue;
    }
    const item = items[items.length - 1]!;
    const expanded = t.replace(/^\t+/, (tabs) => '    '.repeat(tabs.length));
    const indented = /^ */.exec(expanded)![0].length >= indentation;
    if (!BLANK.test(t) && (indented || !lastBlank)) {
      const text = indented ? expanded.slice(indentation) : expanded;
      if (!item.nested && indented && (UL.test(text) || OL.test(text))) {
        item.chunks.push([]);
        item.nested = true;
      }
      item.chunks[item.chunks.length - 1]!.push({ no: line.no, text });
      lastBlank = false;
      i++;
      continue;
    }
    if (BLANK.test(t)) {
      item.chunks[item.chunks.length - 1]!.push({ no: line.no, text: '' });
      item.nested = true;
      lastBlank = true;
      i++;
      continue;
    }
    break;
  }
  // Blank lines at the end belong after the list.
  let end = i;
  const lastChunk = items[items.length - 1]!.chunks[items[items.length - 1]!.chunks.length - 1]!;
  while (lastChunk.length > 1 && lastChunk[lastChunk.length - 1]!.text === '') {
    lastChunk.pop();
    end--;
  }
  const children: Block[] = items.map((it) => ({
    type: 'li',
    line: it.first.no,
    level: level + 1,
    lines: [it.first],
    children: it.chunks.flatMap((c) => parseBlocks(c, level + 2)),
  }));
  out.push({ type: ordered ? 'ol' : 'ul', line: src[start]!.no, level, lines: [src[start]!], children });
  return end;
}

/** Every block of the tree, depth first in document order (kramdown's `find_type_elements` order). */
export function allBlocks(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  const walk = (bs: readonly Block[]): void => {
    for (const b of bs) {
      out.push(b);
      walk(b.children);
    }
  };
  walk(blocks);
  return out;
}
