import { allBlocks, type Block, type Line, type MdlDoc } from './mdlDoc';

/**
 * The rules of Ruby `mdl` 0.12 (markdownlint's lib/mdl/rules.rb), each returning the document lines it reports,
 * with the rule's own logic: line regexes where mdl matches lines, the block model where it asks kramdown.
 */
export interface MdlRule {
  readonly id: string;
  readonly description: string;
  check(doc: MdlDoc, params: Readonly<Record<string, string | number>>): number[];
}

/**
 * What several rules derive from one document (every block, the headers, the text lines), computed once per
 * document in its `derived` slot: each rule used to walk the tree again, and three rules rebuilt the text lines
 * (mdl's rules were 14 % of a CLI check). The rules only read these arrays. (A WeakMap keyed by the document kept
 * them alive into the old generation: a CLI run peaked at 204 MB instead of 160 MB.)
 */
const blocksOf = (doc: MdlDoc): readonly Block[] => {
  const d = doc.derived;
  return (d.all ??= allBlocks(doc.blocks));
};
const headers = (doc: MdlDoc, nested = true): readonly Block[] => {
  const d = doc.derived;
  return nested ? (d.headers ??= blocksOf(doc).filter((b) => b.type === 'header')) : (d.topHeaders ??= doc.blocks.filter((b) => b.type === 'header'));
};
const line = (doc: MdlDoc, n: number): string => doc.lines[n - 1] ?? '';
const indentFor = (l: string): number => /^\s*/.exec(l)![0].replace(/\t/g, ' '.repeat(8)).length;
const headerStyle = (doc: MdlDoc, h: Block): 'atx' | 'atx_closed' | 'setext' => {
  const l = line(doc, h.line);
  if (!l.startsWith('#')) return 'setext';
  return l.trim().endsWith('#') ? 'atx_closed' : 'atx';
};
/**
 * kramdown's raw_text: the ATX contents without closing `#`s, or the setext line, stripped. Read from the header's own
 * line, without the `>` or list indent a nested header is read under (the document's line made `> ## Same` the text
 * `> ## Same`, so MD024 missed the repeat, as the lint test against the real mdl showed).
 */
const rawText = (doc: MdlDoc, h: Block): string => {
  const l = h.lines[0]?.text ?? line(doc, h.line);
  if (!l.startsWith('#')) return l.trim();
  return l.replace(/^#{1,6}[\t ]*/, '').replace(/[\t ]#*[\t ]*$/, (m) => (/#/.test(m) ? '' : m)).trim();
};
const codeblockLines = (doc: MdlDoc): Set<number> => {
  const out = new Set<number>();
  for (const b of blocksOf(doc)) if (b.type === 'codeblock') for (let n = b.line; n <= b.line + (b.valueLines ?? 0); n++) out.add(n);
  return out;
};
const listItems = (doc: MdlDoc, type: 'ul' | 'ol'): Block[] => blocksOf(doc).filter((b) => b.type === type).flatMap((l) => l.children);
const listStyle = (doc: MdlDoc, li: Block): string => {
  const l = line(doc, li.line).trim().replace(/^>\s+/, '');
  if (l.startsWith('*')) return 'asterisk';
  if (l.startsWith('+')) return 'plus';
  if (l.startsWith('-')) return 'dash';
  return /[0-9]+\./.test(l) ? 'ordered' : 'unknown';
};
const matching = (doc: MdlDoc, re: RegExp): number[] => {
  const out: number[] = [];
  for (let i = 0; i < doc.lines.length; i++) if (re.test(doc.lines[i]!)) out.push(i + 1);
  return out;
};

/**
 * Lines of kramdown text elements outside links (`matching_text_element_lines`): paragraph, header and table text
 * with code spans, links, autolinks, images and HTML tags taken out, line by line.
 */
function textLines(doc: MdlDoc): readonly Line[] {
  const d = doc.derived;
  return (d.textLines ??= computeTextLines(doc));
}

function computeTextLines(doc: MdlDoc): Line[] {
  const out: Line[] = [];
  for (const b of blocksOf(doc)) {
    if (b.type === 'p' || b.type === 'table') for (const l of b.lines) out.push({ no: l.no, text: spanText(l.text) });
    else if (b.type === 'header') out.push({ no: b.line, text: spanText(rawText(doc, b)) });
  }
  return out;
}

/** A character each pattern of `spanText` starts with: a line without one is its own span text (most lines). */
const SPAN_START = /[`[<]/;

function spanText(s: string): string {
  if (!SPAN_START.test(s)) return s;
  return s
    .replace(/(`+)[\s\S]*?\1/g, ' ')
    .replace(/!?\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/!?\[[^\]]*\]\[[^\]]*\]/g, ' ')
    .replace(/<[^>\s]+:\/\/[^>]*>/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
}

const SPACE = /\s/;

/** Code spans as kramdown reads them: a lone backtick between spaces is text; double ones lose one space each side. */
function codespans(text: string): string[] {
  const out: string[] = [];
  const re = /`+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const delim = m[0];
    const from = m.index + delim.length;
    // A lone backtick with white space (or the line start) before it and white space after it is text. Read by
    // character, not on slices of the line before and after each run (a copy per backtick).
    if (delim.length === 1 && (m.index === 0 || SPACE.test(text[m.index - 1]!)) && from < text.length && SPACE.test(text[from]!)) continue;
    const end = text.indexOf(delim, from);
    if (end < 0) continue;
    let value = text.slice(from, end);
    if (delim.length > 1) value = value.replace(/^ /, '').replace(/ $/, '');
    out.push(value);
    re.lastIndex = end + delim.length;
  }
  return out;
}

export const MDL_RULES: readonly MdlRule[] = [
  {
    id: 'MD001',
    description: 'Header levels should only increment by one level at a time',
    check(doc) {
      const out: number[] = [];
      let old: number | undefined;
      for (const h of headers(doc)) {
        if (old !== undefined && h.headerLevel! > old + 1) out.push(h.line);
        old = h.headerLevel!;
      }
      return out;
    },
  },
  {
    id: 'MD002',
    description: 'First header should be a top level header',
    check(doc, p) {
      const first = headers(doc)[0];
      return first && first.headerLevel !== Number(p['level'] ?? 1) ? [first.line] : [];
    },
  },
  {
    id: 'MD003',
    description: 'Header style',
    check(doc) {
      const hs = headers(doc, false);
      if (!hs.length) return [];
      const style = headerStyle(doc, hs[0]!);
      return hs.filter((h) => headerStyle(doc, h) !== style).map((h) => h.line);
    },
  },
  {
    id: 'MD004',
    description: 'Unordered list style',
    check(doc) {
      const bullets = listItems(doc, 'ul');
      if (!bullets.length) return [];
      const style = listStyle(doc, bullets[0]!);
      return bullets.filter((b) => listStyle(doc, b) !== style).map((b) => b.line);
    },
  },
  {
    id: 'MD005',
    description: 'Inconsistent indentation for list items at the same level',
    check(doc) {
      const levels = new Map<number, number>();
      const out: number[] = [];
      for (const b of blocksOf(doc).filter((x) => x.type === 'li')) {
        const indent = indentFor(line(doc, b.line));
        if (!levels.has(b.level)) levels.set(b.level, indent);
        if (indent !== levels.get(b.level)) out.push(b.line);
      }
      return out;
    },
  },
  {
    id: 'MD006',
    description: 'Consider starting bulleted lists at the beginning of the line',
    check(doc) {
      return doc.blocks.filter((b) => b.type === 'ul' && indentFor(line(doc, b.line)) !== 0).map((b) => b.line);
    },
  },
  {
    id: 'MD007',
    description: 'Unordered list indentation',
    check(doc, p) {
      const step = Number(p['indent'] ?? 3);
      const uls = blocksOf(doc).filter((b) => b.type === 'ul');
      const out: number[] = [];
      let curr = uls.length ? indentFor(line(doc, uls[0]!.line)) : 0;
      for (const ul of uls) {
        const indent = indentFor(line(doc, ul.line));
        if (indent > curr && indent - curr !== step) out.push(ul.line);
        curr = indent;
      }
      return out;
    },
  },
  { id: 'MD009', description: 'Trailing spaces', check: (doc) => matching(doc, /[ \t\f\v]$/) },
  { id: 'MD010', description: 'Hard tabs', check: (doc) => matching(doc, /\t/) },
  {
    id: 'MD011',
    description: 'Reversed link syntax',
    check: (doc) => textLines(doc).filter((l) => /\([^)]+\)\[[^\]]+\]/.test(l.text)).map((l) => l.no),
  },
  {
    id: 'MD012',
    description: 'Multiple consecutive blank lines',
    check(doc) {
      const code = codeblockLines(doc);
      const blank = matching(doc, /^\s*$/);
      return blank.filter((n, i) => i > 0 && n - blank[i - 1]! === 1 && !code.has(n));
    },
  },
  {
    id: 'MD018',
    description: 'No space after hash on atx style header',
    check: (doc) => headers(doc).filter((h) => headerStyle(doc, h) === 'atx' && /^#+[^#\s]/.test(line(doc, h.line))).map((h) => h.line),
  },
  {
    id: 'MD019',
    description: 'Multiple spaces after hash on atx style header',
    check: (doc) => headers(doc).filter((h) => headerStyle(doc, h) === 'atx' && /^#+\s\s/.test(line(doc, h.line))).map((h) => h.line),
  },
  {
    id: 'MD020',
    description: 'No space inside hashes on closed atx style header',
    check: (doc) =>
      headers(doc)
        .filter((h) => headerStyle(doc, h) === 'atx_closed' && (/^#+[^#\s]/.test(line(doc, h.line)) || /[^#\s\\]#+$/.test(line(doc, h.line))))
        .map((h) => h.line),
  },
  {
    id: 'MD021',
    description: 'Multiple spaces inside hashes on closed atx style header',
    check: (doc) =>
      headers(doc)
        .filter((h) => headerStyle(doc, h) === 'atx_closed' && (/^#+\s\s/.test(line(doc, h.line)) || /\s\s#+$/.test(line(doc, h.line))))
        .map((h) => h.line),
  },
  {
    id: 'MD022',
    description: 'Headers should be surrounded by blank lines',
    check(doc) {
      const out: number[] = [];
      for (const h of headers(doc, false)) {
        const n = h.line;
        let bad = n > 1 && line(doc, n - 1) !== '';
        const next = doc.lines[headerStyle(doc, h) === 'setext' ? n + 1 : n];
        if (next !== undefined && next !== '') bad = true;
        if (bad) out.push(n);
      }
      // Headers kramdown took for paragraph text (no blank line before them).
      for (const p of doc.blocks.filter((b) => b.type === 'p')) {
        const prev = ['', ''];
        for (const l of p.lines) {
          // kramdown strips the paragraph's first line only: an indented `  ## x` below is MD023's, not MD022's.
          const text = l.no === p.line ? l.text.trimStart() : l.text;
          if (/^#{1,6}/.test(text) && prev[1] !== '') out.push(l.no);
          if (/^(-+|=+)\s*$/.test(text) && prev[0] !== '') out.push(l.no - 1);
          prev.push(text);
          prev.shift();
        }
      }
      return out.sort((a, b) => a - b);
    },
  },
  {
    id: 'MD023',
    description: 'Headers must start at the beginning of the line',
    check(doc) {
      const out = headers(doc, false).filter((h) => /^\s/.test(line(doc, h.line))).map((h) => h.line);
      for (const p of doc.blocks.filter((b) => b.type === 'p')) {
        let prev = '';
        for (const l of p.lines) {
          if (/^\s+#{1,6}/.test(l.text)) out.push(l.no);
          if (/^\s+(-+|=+)\s*$/.test(l.text) && prev !== '') out.push(l.no - 1);
          prev = l.text;
        }
      }
      return out.sort((a, b) => a - b);
    },
  },
  {
    id: 'MD024',
    description: 'Multiple headers with the same content',
    check(doc) {
      // A header repeats one on an earlier line: the first line of each text, kept in a map, where comparing every
      // pair made a page of distinct headers quadratic (12 s for 100 KB of `## hN`).
      const hs = headers(doc);
      const texts = hs.map((h) => rawText(doc, h));
      const firstLine = new Map<string, number>();
      hs.forEach((h, i) => firstLine.set(texts[i]!, Math.min(firstLine.get(texts[i]!) ?? h.line, h.line)));
      return hs.filter((h, i) => firstLine.get(texts[i]!)! < h.line).map((h) => h.line);
    },
  },
  {
    id: 'MD025',
    description: 'Multiple top level headers in the same document',
    check(doc, p) {
      const hs = headers(doc, false).filter((h) => h.headerLevel === Number(p['level'] ?? 1));
      return hs.length && hs[0]!.line === 1 ? hs.slice(1).map((h) => h.line) : [];
    },
  },
  {
    id: 'MD026',
    description: 'Trailing punctuation in header',
    check(doc, p) {
      const punctuation = String(p['punctuation'] ?? '.,;:!?');
      return headers(doc).filter((h) => punctuation.includes(rawText(doc, h).slice(-1)) && rawText(doc, h) !== '').map((h) => h.line);
    },
  },
  {
    id: 'MD027',
    description: 'Multiple spaces after blockquote symbol',
    check: (doc) => blocksOf(doc).filter((b) => b.type === 'blockquote').flatMap((b) => b.lines.filter((l) => /^\s*> {2}/.test(l.text) || /^\s*>\s\s/.test(l.text)).map((l) => l.no)),
  },
  {
    id: 'MD028',
    description: 'Blank line inside blockquote',
    check(doc) {
      const out: number[] = [];
      const walk = (bs: readonly Block[]): void => {
        bs.forEach((b, i) => {
          if (i >= 2 && b.type === 'blockquote' && bs[i - 1]!.type === 'blank' && bs[i - 2]!.type === 'blockquote') out.push(b.line - 1);
          walk(b.children);
        });
      };
      walk(doc.blocks);
      return out;
    },
  },
  {
    id: 'MD029',
    description: 'Ordered list item prefix',
    check: (doc) => listItems(doc, 'ol').filter((li) => !line(doc, li.line).trim().startsWith('1. ')).map((li) => li.line),
  },
  {
    id: 'MD031',
    description: 'Fenced code blocks should be surrounded by blank lines',
    check(doc) {
      const out: number[] = [];
      const lines = ['', ...doc.lines, ''];
      let inCode = false;
      let fence = '';
      lines.forEach((l, n) => {
        const m = /^(`{3,}|~{3,})/.exec(l.trim());
        if (!m || (inCode && m[1]!.slice(0, fence.length) !== fence)) return;
        fence = inCode ? '' : m[1]!;
        inCode = !inCode;
        if ((inCode && lines[n - 1] !== '') || (!inCode && lines[n + 1] !== '')) out.push(n);
      });
      return out;
    },
  },
  {
    id: 'MD034',
    description: 'Bare URL used',
    check: (doc) => textLines(doc).filter((l) => /https?:\/\//.test(l.text)).map((l) => l.no),
  },
  {
    id: 'MD035',
    description: 'Horizontal rule style',
    check(doc) {
      const hrs = blocksOf(doc).filter((b) => b.type === 'hr');
      if (!hrs.length) return [];
      const style = line(doc, hrs[0]!.line);
      return hrs.filter((h) => line(doc, h.line) !== style).map((h) => h.line);
    },
  },
  {
    id: 'MD036',
    description: 'Emphasis used instead of a header',
    check(doc, p) {
      const punctuation = String(p['punctuation'] ?? '.,;:!?');
      return doc.blocks
        .filter((b) => b.type === 'p' && b.lines.length === 1)
        .filter((b) => {
          const m = /^(\*\*|__|\*|_)(?!\s)(.*\S)\1$/.exec(b.lines[0]!.text.trim());
          return m !== null && !m[2]!.includes(m[1]!) && !punctuation.includes(m[2]!.slice(-1));
        })
        .map((b) => b.line);
    },
  },
  {
    id: 'MD037',
    description: 'Spaces inside emphasis markers',
    check: (doc) => textLines(doc).filter((l) => /\s(\*\*?|__?)\s.+\1/.test(l.text) || /(\*\*?|__?).+\s\1\s/.test(l.text)).map((l) => l.no),
  },
  {
    id: 'MD038',
    description: 'Spaces inside code span elements',
    check(doc) {
      const out: number[] = [];
      for (const b of blocksOf(doc)) {
        if (b.type !== 'p' && b.type !== 'header' && b.type !== 'table') continue;
        for (const l of b.lines) if (codespans(l.text).some((v) => /(^\s|\s$)/.test(v))) out.push(l.no);
      }
      return out;
    },
  },
  {
    id: 'MD039',
    description: 'Spaces inside link text',
    check(doc) {
      const out: number[] = [];
      for (const b of blocksOf(doc)) {
        if (b.type !== 'p' && b.type !== 'header' && b.type !== 'table') continue;
        for (const l of b.lines) if (/(?<!!)\[(?: [^\]]*|[^\]]* )\]\([^)]*\)/.test(l.text)) out.push(l.no);
      }
      return out;
    },
  },
  {
    id: 'MD040',
    description: 'Fenced code blocks should have a language specified',
    check: (doc) => blocksOf(doc).filter((b) => b.type === 'codeblock' && !b.lang && !line(doc, b.line).startsWith('    ')).map((b) => b.line),
  },
  {
    id: 'MD047',
    description: 'File should end with a single newline character',
    check: (doc) => (doc.lines.length && doc.lines[doc.lines.length - 1] !== '' ? [doc.lines.length] : []),
  },
];
