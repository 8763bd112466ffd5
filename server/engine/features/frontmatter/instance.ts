import { isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import type { Frontmatter, FrontmatterEntry } from '../../parser/frontmatter';
import type { OffsetRange } from '../../parser/offsetRange';

/**
 * The frontmatter as the schemas see it: keys lower-cased (Hugo reads them case-insensitively; the first of
 * duplicates wins, as in the parser's `byKey`), and YAML 1.1 timestamps given back as the text written
 * (`2023-09-29`, `2022-09-07T08:00:00-06:00`) so the date format is checked on what the author typed.
 */
export function schemaInstance(fm: Frontmatter): Record<string, unknown> {
  // Without a prototype, a `__proto__:` key is a key like any other: assigned to a plain object, it replaced the
  // prototype, and the keys under it (`title`) counted as present.
  const out = record();
  for (const [lower, entry] of fm.byKey) {
    // `data` has aliases (`*anchor`) resolved; an entry's own value does not.
    const fromData = Object.prototype.hasOwnProperty.call(fm.data, entry.key) ? fm.data[entry.key] : entry.value;
    out[lower] = fromData instanceof Date ? (entry.rawValue ?? safeIso(fromData)) : jsonValue(fromData, 0);
  }
  return out;
}

/** Dates nested in lists become ISO text; anything not JSON-like becomes text. Depth-bounded. */
function jsonValue(v: unknown, depth: number): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === undefined) return null;
  if (depth > 32) return null;
  if (v instanceof Date) return safeIso(v);
  if (Array.isArray(v)) return v.map((x) => jsonValue(x, depth + 1));
  if (v instanceof Map) {
    const o = record();
    for (const [k, x] of v) o[String(k)] = jsonValue(x, depth + 1);
    return o;
  }
  if (typeof v === 'object') {
    const o = record();
    for (const [k, x] of Object.entries(v)) o[k] = jsonValue(x, depth + 1);
    return o;
  }
  return String(v);
}

/** An object without a prototype, so that any key, `__proto__` included, is an own property. */
function record(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function safeIso(d: Date): string {
  return Number.isNaN(d.getTime()) ? String(d) : d.toISOString();
}

/**
 * The exact span of the value at a JSON pointer (`/keywords/2`) in the frontmatter: the top-level entry's
 * value, then down through lists and maps. Falls back to the deepest node found, and to the key when the
 * value is empty (`subtitle:`).
 */
export function rangeAtPointer(fm: Frontmatter, pointer: string): { entry: FrontmatterEntry; range: OffsetRange } | undefined {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const top = segments[0];
  if (top === undefined) return undefined;
  const entry = fm.byKey.get(top);
  if (!entry) return undefined;
  let range = entry.valueRange.end > entry.valueRange.start ? entry.valueRange : entry.keyRange;
  let node: Node | undefined = entry.valueNode;
  const base = fm.contentRange.start;
  for (const seg of segments.slice(1)) {
    let next: unknown;
    if (isSeq(node)) next = node.items[Number(seg)];
    else if (isMap(node)) next = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg)?.value;
    if (!isNode(next) || !next.range) break;
    node = next;
    range = { start: base + next.range[0], end: base + next.range[1] };
  }
  return { entry, range };
}

/** The span of the key `name` inside the map at a JSON pointer (for an unknown key nested in a map). */
export function keyRangeIn(fm: Frontmatter, pointer: string, name: string): OffsetRange | undefined {
  const at = rangeAtPointer(fm, pointer);
  if (!at) return undefined;
  let node: Node | undefined = at.entry.valueNode;
  const segments = pointer.split('/').slice(2);
  for (const seg of segments) {
    let next: unknown;
    if (isSeq(node)) next = node.items[Number(seg)];
    else if (isMap(node)) next = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg)?.value;
    if (!isNode(next)) return at.range;
    node = next;
  }
  if (!isMap(node)) return at.range;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
  const r = pair && isScalar(pair.key) ? pair.key.range : undefined;
  return r ? { start: fm.contentRange.start + r[0], end: fm.contentRange.start + r[1] } : at.range;
}
