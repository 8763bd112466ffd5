import { parseShortcodes, type ShortcodeCatalog, type ShortcodeModel, type ShortcodeNode, type ShortcodeScan, type ShortcodeTag } from '../../../server/engine';
import { previewKind, type Kind } from './kinds';
import type { RenderContext } from './renderContext';

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
  /** How a shortcode of this text is drawn, by the catalog it was paired with. */
  kindOf(name: string): Kind;
}

/** Indexes the engine's model of `src` (its shortcodes and their tree) by position, for the rules at each `{`. */
function analyze(src: string, model: ShortcodeModel, catalog: ShortcodeCatalog): Analysis {
  const { shortcodes: scan, tree } = model;
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
  return { src, scan, openAt, closeAt, problemAt, escapedAt, malformedAt, kindOf: (name) => previewKind(catalog, name) };
}

/** One inline run (a paragraph's text), paired with the same rule and catalog as its document. */
export function fragmentAnalysis(src: string, ctx: RenderContext): Analysis {
  return analyze(src, parseShortcodes(src, ctx.catalog), ctx.catalog);
}

/** What is wrong with the tag starting at `pos`: its structure (stray, unclosed) first, then the scanner's problem. */
export function tagProblem(a: Analysis, pos: number): string {
  return a.problemAt.get(pos) ?? a.scan.problems.find((p) => p.range.start === pos)?.message ?? 'This shortcode tag is broken.';
}

/** One analysis per parse: block rules of a document share it (keyed by markdown-it's parse `env`). */
const byEnv = new WeakMap<object, Analysis>();

/** The engine's document model of the text being parsed (the page, or a boilerplate inlined in it). */
export function documentAnalysis(env: unknown, src: string, ctx: RenderContext): Analysis {
  const cached = env && typeof env === 'object' ? byEnv.get(env) : undefined;
  if (cached && cached.src === src) return cached;
  const model = ctx.host.engine.documentModel(src, ctx.textSite);
  // A frontmatter never closed: Hugo builds nothing of the page, so the engine reads no body. The preview still draws
  // it (the `---` as a rule), so it reads the shortcodes from the start, with the same pairing.
  const a = analyze(src, model.frontmatter?.closed === false ? parseShortcodes(src, ctx.catalog) : model, ctx.catalog);
  if (env && typeof env === 'object') byEnv.set(env, a);
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
