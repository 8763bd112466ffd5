import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { fastFrontmatter, type FastEntry } from './fastFrontmatter';
import type { OffsetRange } from './offsetRange';
import { yamlFaultLocator } from './yamlFault';
import { LineEnds } from './textScan';

/** One top-level `key: value` of the frontmatter, with the exact spans of key and value. */
export interface FrontmatterEntry {
  readonly key: string;
  readonly keyRange: OffsetRange;
  /** The value's span; for `key:` with nothing after it, an empty span right after the colon. */
  readonly valueRange: OffsetRange;
  /** The YAML node of the value (`undefined` for an empty value). */
  readonly valueNode: Node | undefined;
  /** The JavaScript value, as YAML 1.1 reads it (Hugo's YAML reads `1.10` as the float 1.1 too). */
  readonly value: unknown;
  /** For a scalar value, the source text exactly as written (`1.10`, `"1.10"`). */
  readonly rawValue: string | undefined;
  /**
   * Whether the value is a plain scalar (the library's `PLAIN`: not quoted, not a `|`/`>` block; an empty value
   * is one too). Known without `valueNode`, which for most pages would cost the YAML library's whole parse.
   */
  readonly plain: boolean;
}

export interface FrontmatterProblem {
  readonly code: 'frontmatter.yaml-syntax' | 'frontmatter.unterminated' | 'frontmatter.not-a-map' | 'frontmatter.duplicate-key';
  readonly message: string;
  readonly range: OffsetRange;
}

export interface Frontmatter {
  /** The whole block, from the opening `---` to the end of the closing `---` line. */
  readonly range: OffsetRange;
  /** The opening `---` line (where "missing key" diagnostics go). */
  readonly openRange: OffsetRange;
  /** The YAML text between the fences. */
  readonly contentRange: OffsetRange;
  readonly closed: boolean;
  readonly entries: readonly FrontmatterEntry[];
  /** Lower-cased key → entry (Hugo keys are case-insensitive); the first one wins. */
  readonly byKey: ReadonlyMap<string, FrontmatterEntry>;
  /** The frontmatter as a plain object (empty when it does not parse). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly problems: readonly FrontmatterProblem[];
  /** The parsed YAML document, for features that need more than the top level. */
  readonly yaml: Document.Parsed | undefined;
}

/** The opening `---` line; a line ends at `\n`, `\r\n` or a lone `\r`, as LSP counts lines. */
const OPEN_FENCE = /^\uFEFF?---[ \t]*(\r\n|\r|\n|$)/;
/** Alias expansion bound: a "billion laughs" frontmatter must not hang the server. */
const MAX_ALIAS_COUNT = 100;
/**
 * Flow collections nested deeper than this are not converted to values: the library turns collection keys into
 * strings level by level, which takes exponential time (22 levels: 0.4 s; the fuzz test found 50 levels taking
 * minutes). Real frontmatter nests two levels at most.
 */
const MAX_FLOW_DEPTH = 12;

/**
 * Finds and parses the YAML frontmatter at the very start of a document.
 * Returns `undefined` when the document has none. Never throws: YAML errors become `problems`.
 */
export function parseFrontmatter(text: string, options: { readonly fast?: boolean } = {}): Frontmatter | undefined {
  const open = OPEN_FENCE.exec(text);
  if (!open) return undefined;
  const openEnd = open[0].length - open[1]!.length;
  const contentStart = open[0].length;
  const openRange = { start: text.charCodeAt(0) === 0xfeff ? 1 : 0, end: openEnd };

  // The empty frontmatter of boilerplates (`---\n---`) has its closing fence right at contentStart.
  const close = closingFence(text, contentStart);

  if (!close) {
    const problems: FrontmatterProblem[] = [
      {
        code: 'frontmatter.unterminated',
        message: 'The frontmatter is never closed: add a line with `---` after the last key.',
        range: openRange,
      },
    ];
    return {
      range: { start: openRange.start, end: text.length },
      openRange,
      contentRange: { start: contentStart, end: text.length },
      closed: false,
      entries: [],
      byKey: new Map(),
      data: {},
      problems,
      yaml: undefined,
    };
  }

  const contentEnd = close.start;
  const yamlText = text.slice(contentStart, contentEnd);
  const head = {
    range: { start: openRange.start, end: close.end },
    openRange,
    contentRange: { start: contentStart, end: contentEnd },
    closed: true,
  };
  const fast = options.fast === false || yamlText.trim() === '' ? undefined : fastFrontmatter(yamlText, contentStart);
  if (fast) return lazyFrontmatter(head, fast, yamlText, contentStart);
  return { ...head, ...parseYaml(yamlText, contentStart) };
}

/**
 * The first line from `from` on that holds `---` and nothing but spaces and tabs after it: where it starts, and where
 * the frontmatter block ends (before the line end; a `\r\n` line end leaves its `\r` inside, as it always has).
 */
function closingFence(text: string, from: number): { start: number; end: number } | undefined {
  const eol = new LineEnds(text);
  const n = text.length;
  for (let start = from; start < n; ) {
    const end = eol.end(start);
    if (text.startsWith('---', start)) {
      let i = start + 3;
      while (i < end && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
      if (i === end) return { start, end: text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 1 : end };
    }
    start = eol.after(end);
  }
  return undefined;
}

/**
 * The text the YAML library reads: a lone `\r` becomes `\n` (same length, so every offset stays). The library breaks
 * lines at `\n` only, and read a whole frontmatter saved with bare `\r` line ends as one broken line.
 */
function yamlSource(yamlText: string): string {
  return yamlText.includes('\r') ? yamlText.replace(/\r(?!\n)/g, '\n') : yamlText;
}

/**
 * The fast path's result. The YAML document and the value nodes are parsed by the library only when a feature
 * asks for them, so a page whose frontmatter is plain costs one line scan.
 */
function lazyFrontmatter(head: Pick<Frontmatter, 'range' | 'openRange' | 'contentRange' | 'closed'>, fast: readonly FastEntry[], yamlText: string, base: number): Frontmatter {
  const lazy = new LazyYaml(yamlText, base);
  const entries: FrontmatterEntry[] = [];
  const byKey = new Map<string, FrontmatterEntry>();
  const data: Record<string, unknown> = {};
  for (const f of fast) {
    const entry = new LazyEntry(f, lazy);
    entries.push(entry);
    byKey.set(f.key.toLowerCase(), entry);
    const value = f.value instanceof Date ? new Date(f.value.getTime()) : Array.isArray(f.value) ? [...(f.value as unknown[])] : f.value;
    // `data.__proto__ = [...]` would replace the object's prototype; the YAML library defines the key instead.
    if (f.key === '__proto__') Object.defineProperty(data, f.key, { value, writable: true, enumerable: true, configurable: true });
    else data[f.key] = value;
  }
  return new LazyFrontmatter(head, entries, byKey, data, lazy);
}

/**
 * Classes rather than object literals with getters: V8 defines a literal's accessors through a slow runtime call
 * on every page, which cost more than the scan itself. Compare their fields, not their prototypes.
 */
class LazyEntry implements FrontmatterEntry {
  readonly key: string;
  readonly keyRange: OffsetRange;
  readonly valueRange: OffsetRange;
  readonly value: unknown;
  readonly rawValue: string | undefined;
  readonly plain: boolean;

  constructor(
    f: FastEntry,
    private readonly lazy: LazyYaml,
  ) {
    this.key = f.key;
    this.keyRange = f.keyRange;
    this.valueRange = f.valueRange;
    this.value = f.value;
    this.rawValue = f.rawValue;
    this.plain = f.plain;
  }

  get valueNode(): Node | undefined {
    return this.lazy.valueNodeAt(this.keyRange.start);
  }
}

class LazyFrontmatter implements Frontmatter {
  readonly range: OffsetRange;
  readonly openRange: OffsetRange;
  readonly contentRange: OffsetRange;
  readonly closed: boolean;
  readonly problems: readonly FrontmatterProblem[] = [];

  constructor(
    head: Pick<Frontmatter, 'range' | 'openRange' | 'contentRange' | 'closed'>,
    readonly entries: readonly FrontmatterEntry[],
    readonly byKey: ReadonlyMap<string, FrontmatterEntry>,
    readonly data: Readonly<Record<string, unknown>>,
    private readonly lazy: LazyYaml,
  ) {
    this.range = head.range;
    this.openRange = head.openRange;
    this.contentRange = head.contentRange;
    this.closed = head.closed;
  }

  get yaml(): Document.Parsed {
    return this.lazy.doc;
  }
}

/** The library's parse of a frontmatter that the fast path read, made on first use. */
class LazyYaml {
  private parsed: Document.Parsed | undefined;
  /** Key offset → value node, made on first use: looking each key up in the list was quadratic over many keys. */
  private valueNodes: Map<number, Node | undefined> | undefined;

  constructor(
    private readonly yamlText: string,
    private readonly base: number,
  ) {}

  get doc(): Document.Parsed {
    this.parsed ??= parseDocument(yamlSource(this.yamlText), { version: '1.1', uniqueKeys: false, lineCounter: new LineCounter(), prettyErrors: false });
    return this.parsed;
  }

  valueNodeAt(keyStart: number): Node | undefined {
    if (!this.valueNodes) {
      this.valueNodes = new Map();
      const contents = this.doc.contents;
      if (isMap(contents)) {
        for (const pair of contents.items as Pair<unknown, unknown>[]) {
          const k = pair.key;
          const at = isScalar(k) && k.range ? k.range[0] + this.base : undefined;
          // The first pair at an offset wins, as the list's first match did.
          if (at !== undefined && !this.valueNodes.has(at)) this.valueNodes.set(at, (pair.value as Node | null) ?? undefined);
        }
      }
    }
    return this.valueNodes.get(keyStart);
  }
}

function parseYaml(
  yamlText: string,
  base: number,
): Pick<Frontmatter, 'entries' | 'byKey' | 'data' | 'problems' | 'yaml'> {
  const problems: FrontmatterProblem[] = [];
  const entries: FrontmatterEntry[] = [];
  const byKey = new Map<string, FrontmatterEntry>();
  yamlText = yamlSource(yamlText);
  if (yamlText.trim() === '') {
    return { entries, byKey, data: {}, problems, yaml: undefined };
  }

  let doc: Document.Parsed;
  // Each YAML error is an `Error`, whose stack V8 records when it is made, and the stack is never read here: a
  // frontmatter of 100,000 faulty lines spent 1.5 s of its 5 s parse on stacks and their collection.
  const errors = Error as { stackTraceLimit?: number };
  const stackTraceLimit = errors.stackTraceLimit;
  try {
    errors.stackTraceLimit = 0;
    doc = parseDocument(yamlText, { version: '1.1', uniqueKeys: false, lineCounter: new LineCounter(), prettyErrors: false });
  } catch (e) {
    problems.push({ code: 'frontmatter.yaml-syntax', message: `The frontmatter is not valid YAML: ${String(e)}`, range: { start: base, end: base + yamlText.length } });
    return { entries, byKey, data: {}, problems, yaml: undefined };
  } finally {
    errors.stackTraceLimit = stackTraceLimit;
  }

  const depth = flowDepth(yamlText);
  const tooDeep = depth.max > MAX_FLOW_DEPTH;
  if (tooDeep) {
    problems.push({
      code: 'frontmatter.yaml-syntax',
      message: `The frontmatter nests \`[\` and \`{\` ${depth.max} levels deep; its values are not read beyond ${MAX_FLOW_DEPTH} levels.`,
      range: { start: base + depth.at, end: base + depth.at + 1 },
    });
  }

  const faults = new Set<number>();
  const locateFault = yamlFaultLocator(yamlText);
  for (const err of doc.errors) {
    // Where the author went wrong, not where the parser gave up; two errors from one fault are one finding.
    const fault = locateFault(err);
    const range = fault ? { start: base + fault.range.start, end: base + fault.range.end } : errorRange(err.pos, yamlText, base);
    if (faults.has(range.start)) continue;
    faults.add(range.start);
    problems.push({ code: 'frontmatter.yaml-syntax', message: fault ? fault.message : `YAML: ${firstLine(err.message)}`, range });
  }

  const contents = doc.contents;
  if (contents && !isMap(contents)) {
    if (!(isScalar(contents) && contents.value === null)) {
      const r = contents.range ?? [0, yamlText.length];
      problems.push({
        code: 'frontmatter.not-a-map',
        message: 'The frontmatter must be a list of `key: value` lines.',
        range: { start: base + r[0], end: base + r[1] },
      });
    }
    return { entries, byKey, data: {}, problems, yaml: doc };
  }

  if (isMap(contents)) {
    for (const pair of contents.items as Pair<unknown, unknown>[]) {
      const entry = toEntry(pair, base, yamlText, !tooDeep);
      if (!entry) continue;
      entries.push(entry);
      const lower = entry.key.toLowerCase();
      const first = byKey.get(lower);
      if (first) {
        problems.push({
          code: 'frontmatter.duplicate-key',
          message: `Duplicate key \`${entry.key}\`: \`${first.key}\` is already set (Hugo keys are case-insensitive).`,
          range: entry.keyRange,
        });
      } else {
        byKey.set(lower, entry);
      }
    }
  }

  let data: Record<string, unknown> = {};
  if (doc.errors.length === 0 && !tooDeep) {
    try {
      const js: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    } catch (e) {
      problems.push({ code: 'frontmatter.yaml-syntax', message: `YAML: ${firstLine(String(e))}`, range: { start: base, end: base + yamlText.length } });
    }
  }
  return { entries, byKey, data, problems, yaml: doc };
}

function toEntry(pair: Pair<unknown, unknown>, base: number, yamlText: string, convert: boolean): FrontmatterEntry | undefined {
  const keyNode = pair.key;
  if (!isScalar(keyNode) || !keyNode.range) return undefined;
  const key = String(keyNode.value);
  const keyRange = { start: base + keyNode.range[0], end: base + keyNode.range[1] };
  const valueNode = pair.value as Node | null | undefined;
  let valueRange: OffsetRange;
  let rawValue: string | undefined;
  let value: unknown;
  if (valueNode && (valueNode as { range?: [number, number, number] }).range) {
    const r = (valueNode as { range: [number, number, number] }).range;
    valueRange = { start: base + r[0], end: base + r[1] };
    if (isScalar(valueNode)) {
      rawValue = yamlText.slice(r[0], r[1]);
      value = valueNode.value;
    } else if (convert && (isSeq(valueNode) || isMap(valueNode))) {
      try {
        value = valueNode.toJSON();
      } catch {
        value = undefined;
      }
    }
    if (isScalar(valueNode) && valueNode.value === null && r[0] === r[1]) {
      valueRange = afterColon(keyRange, base, yamlText);
    }
  } else {
    valueRange = afterColon(keyRange, base, yamlText);
    value = null;
  }
  const plain = isScalar(valueNode) && valueNode.type === 'PLAIN';
  return { key, keyRange, valueRange, valueNode: valueNode ?? undefined, value, rawValue, plain };
}

function afterColon(keyRange: OffsetRange, base: number, yamlText: string): OffsetRange {
  const colon = yamlText.indexOf(':', keyRange.end - base);
  const at = colon >= 0 ? base + colon + 1 : keyRange.end;
  return { start: at, end: at };
}

/**
 * The span of a YAML error, kept inside the frontmatter: errors found at the very end (a quote never closed)
 * are shown on the last line with content rather than on the closing `---`.
 */
function errorRange(pos: [number, number], yamlText: string, base: number): OffsetRange {
  let [s, e] = pos;
  if (s >= yamlText.trimEnd().length) {
    const trimmed = yamlText.trimEnd();
    const lineStart = trimmed.lastIndexOf('\n') + 1;
    s = lineStart;
    e = trimmed.length;
  }
  e = Math.min(Math.max(e, s + 1), yamlText.length);
  return { start: base + s, end: base + e };
}

function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return (nl >= 0 ? s.slice(0, nl) : s).trim();
}

/** The deepest nesting of flow brackets (`[`, `{`) outside quotes, and where it first exceeds the limit. */
function flowDepth(yamlText: string): { max: number; at: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let quote = 0;
  for (let i = 0; i < yamlText.length; i++) {
    const c = yamlText.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 0x0a) quote = 0; // keep a stray quote from hiding the rest
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (depth === MAX_FLOW_DEPTH + 1) at = i;
      }
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return { max, at };
}
