import { builtInCatalog, buildShortcodeTree, type ShortcodeNode, scanShortcodes, type ShortcodeScan, type ShortcodeTag } from '../../../server/engine';

/** The shortcodes of one text (a whole document, or one inline run), paired the way Hugo pairs them. */
export interface Analysis {
  readonly src: string;
  readonly scan: ShortcodeScan;
  /** Opening tag start → its node. */
  readonly openAt: ReadonlyMap<number, ShortcodeNode>;
  /** Closing tag start → the node it closes. */
  readonly closeAt: ReadonlyMap<number, ShortcodeNode>;
  /** Tag start → what is wrong with its structure (unclosed, stray or mismatched closing tag). */
  readonly problemAt: ReadonlyMap<number, string>;
  // Escaped example start (an `{{</*` … `*/>}}` example) → its end.
  readonly escapedAt: ReadonlyMap<number, number>;
  /** Malformed delimiter start (`{<`, `{{{<`) → its end and message. */
  readonly malformedAt: ReadonlyMap<number, { readonly end: number; readonly message: string }>;
}

/** Whether a shortcode needs a closing tag: the catalog's `inner` (unknown names pair when a closing tag follows). */
export function needsClosing(name: string): boolean | undefined {
  return builtInCatalog().get(name)?.inner;
}

export function analyze(src: string): Analysis {
  const scan = scanShortcodes(src);
  const tree = buildShortcodeTree(scan.tags, needsClosing);
  const openAt = new Map<number, ShortcodeNode>();
  const closeAt = new Map<number, ShortcodeNode>();
  for (const node of tree.all) {
    openAt.set(node.open.range.start, node);
    if (node.close) closeAt.set(node.close.range.start, node);
  }
  const problemAt = new Map<number, string>();
  for (const p of tree.problems) if (!problemAt.has(p.range.start)) problemAt.set(p.range.start, p.message);
  const escapedAt = new Map(scan.escaped.map((r) => [r.start, r.end]));
  const malformedAt = new Map<number, { end: number; message: string }>();
  for (const p of scan.problems) {
    if (p.code === 'shortcode.malformed-delimiter' && !openAt.has(p.range.start)) malformedAt.set(p.range.start, { end: p.range.end, message: p.message });
  }
  return { src, scan, openAt, closeAt, problemAt, escapedAt, malformedAt };
}

/** What is wrong with the tag starting at `pos`: its structure (stray, unclosed) first, then the scanner's problem. */
export function tagProblem(a: Analysis, pos: number): string {
  return a.problemAt.get(pos) ?? a.scan.problems.find((p) => p.range.start === pos)?.message ?? 'This shortcode tag is broken.';
}

/** One analysis per parse: block rules of a document share it (keyed by markdown-it's parse `env`). */
const byEnv = new WeakMap<object, Analysis>();

export function documentAnalysis(env: unknown, src: string): Analysis {
  if (!env || typeof env !== 'object') return analyze(src);
  const cached = byEnv.get(env);
  if (cached && cached.src === src) return cached;
  const a = analyze(src);
  byEnv.set(env, a);
  return a;
}

/** The parameters of a tag as a plain record: named ones by name, positional ones as `0`, `1`, … */
export function paramsOf(tag: ShortcodeTag): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of tag.params) {
    const key = p.name ?? String(p.index);
    if (!(key in out)) out[key] = p.value;
  }
  return out;
}
