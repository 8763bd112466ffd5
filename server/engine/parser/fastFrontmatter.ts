import type { FrontmatterEntry } from './frontmatter';

/**
 * A fast path for the frontmatter most pages have: top-level `key: value` lines whose values are plain or quoted
 * one-line scalars, one-line flow lists of strings (`keywords: [a, b]`) or block lists of strings (`aliases:`).
 * It reads them exactly as the YAML 1.1 library does (same values, same spans) and gives up — returning
 * `undefined`, so the caller uses the library — on anything else: comments, escapes, multi-line values, nested maps,
 * anchors, tags, odd keys, duplicate keys, CRLF. The differential test in frontmatter tests pins the equivalence.
 * Why: the full YAML parse was most of the time to check a page (about 60 µs; this scan takes about 7 µs).
 */

/** An entry as the fast path reads it: everything but the YAML node, which is parsed only if someone asks. */
export type FastEntry = Omit<FrontmatterEntry, 'valueNode'>;

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?= |$)/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const BOOL_FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT = /^[-+]?[1-9][0-9]{0,14}$/;
const FLOAT = /^[-+]?[0-9]{1,15}\.[0-9]{1,15}$/;
/** YAML 1.1 timestamps, as the library's yaml-1.1 schema matches them. */
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/;
/** Every other YAML 1.1 number form (binary, octal, hex, exponent, sexagesimal, .inf/.nan): left to the library. */
const OTHER_NUMBER = [
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
];
/** A plain scalar may not start with these (indicators, or signs and dots that may make a number). */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`.+~]/;
const UNSAFE_PLAIN = /: |:$| #|\t|\\/;

const BAIL = Symbol('bail');
type Resolved = unknown | typeof BAIL;

/** A plain scalar's value under YAML 1.1, or BAIL for forms left to the library. */
function resolvePlain(s: string): Resolved {
  // The null, boolean, number and timestamp forms are told apart by their first character, so text such as a
  // title (most values) is not tried against each of their patterns.
  const c = s.charCodeAt(0);
  if (s.length <= 5 && NULL_OR_BOOL_START.has(c)) {
    if (NULL.test(s)) return null;
    if (BOOL_TRUE.test(s)) return true;
    if (BOOL_FALSE.test(s)) return false;
  }
  if (NUMBER_START.has(c)) {
    if (INT.test(s) || s === '0') return parseInt(s, 10);
    if (FLOAT.test(s)) return parseFloat(s);
    const t = TIMESTAMP.exec(s);
    if (t) return timestamp(t);
  }
  if (PLAIN_START.test(s) || UNSAFE_PLAIN.test(s)) return BAIL;
  if (c <= 0x39 && OTHER_NUMBER.some((re) => re.test(s))) return BAIL;
  return s;
}

/** First characters of every string NULL, BOOL_TRUE and BOOL_FALSE match (all five characters long at most); NaN is the empty string's. */
const NULL_OR_BOOL_START: ReadonlySet<number> = new Set([NaN, ...'~nNyYtTfFoO'].map((ch) => (typeof ch === 'number' ? ch : ch.charCodeAt(0))));
/** First characters of every string INT, FLOAT and TIMESTAMP match. */
const NUMBER_START: ReadonlySet<number> = new Set([...'+-0123456789'].map((ch) => ch.charCodeAt(0)));

/** Whether a line holds nothing but white space (`line.trim() === ''` without making a string). */
function blank(line: string): boolean {
  return BLANK.test(line);
}
const BLANK = /^\s*$/;

/** The library's yaml-1.1 timestamp resolution, step by step. */
function timestamp(match: RegExpExecArray): Date {
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const millisec = match[7] ? Number((match[7] + '00').slice(1, 4)) : 0;
  let date = Date.UTC(year!, month! - 1, day!, hour || 0, minute || 0, second || 0, millisec);
  const tz = match[8];
  if (tz && tz !== 'Z') {
    let d = sexagesimal(tz);
    if (Math.abs(d) < 30) d *= 60;
    date -= 60000 * d;
  }
  return new Date(date);
}

function sexagesimal(str: string): number {
  const sign = str[0];
  const parts = sign === '-' || sign === '+' ? str.slice(1) : str;
  const n = parts.replace(/_/g, '').split(':').reduce((res, p) => res * 60 + Number(p), 0);
  return sign === '-' ? -n : n;
}

interface ScalarRead {
  readonly value: unknown;
  /** End of the scalar (after a closing quote). */
  readonly end: number;
  /** Written without quotes. */
  readonly plain: boolean;
}

/** A quoted scalar starting at `p` on one line, without escapes. */
function readQuoted(line: string, p: number): ScalarRead | undefined {
  const q = line[p]!;
  const close = line.indexOf(q, p + 1);
  if (close < 0) return undefined;
  const inner = line.slice(p + 1, close);
  if (q === '"' && inner.includes('\\')) return undefined;
  if (q === "'" && line[close + 1] === "'") return undefined;
  return { value: inner, end: close + 1, plain: false };
}

/** The value of a block-list item or a whole-line scalar: `text` from `p`, nothing but spaces after it. */
function readLineScalar(line: string, p: number): ScalarRead | undefined {
  const c = line[p];
  if (c === '"' || c === "'") {
    const r = readQuoted(line, p);
    if (!r || line.slice(r.end).trim() !== '') return undefined;
    return r;
  }
  const text = line.slice(p).trimEnd();
  const value = resolvePlain(text);
  if (value === BAIL) return undefined;
  return { value, end: p + text.length, plain: true };
}

/** `[a, "b c", d]` on one line: the items (strings only), or undefined. */
function readFlowList(line: string, p: number): { value: string[]; end: number } | undefined {
  const items: string[] = [];
  let i = p + 1;
  const skip = (): void => {
    while (line[i] === ' ') i++;
  };
  skip();
  if (line[i] === ']') return line.slice(i + 1).trim() === '' ? { value: items, end: i + 1 } : undefined;
  for (;;) {
    skip();
    const c = line[i];
    if (c === undefined) return undefined;
    if (c === '"' || c === "'") {
      const r = readQuoted(line, i);
      if (!r) return undefined;
      items.push(r.value as string);
      i = r.end;
    } else {
      let j = i;
      while (j < line.length && line[j] !== ',' && line[j] !== ']') j++;
      const text = line.slice(i, j).trimEnd();
      if (text === '' || /[[\]{}#:"']/.test(text)) return undefined;
      const v = resolvePlain(text);
      if (typeof v !== 'string') return undefined;
      items.push(v);
      i = i + text.length;
    }
    skip();
    if (line[i] === ',') {
      i++;
      skip();
      if (line[i] === ']') return undefined; // trailing comma: the library's business
      continue;
    }
    if (line[i] === ']') return line.slice(i + 1).trim() === '' ? { value: items, end: i + 1 } : undefined;
    return undefined;
  }
}

export function fastFrontmatter(yamlText: string, base: number): FastEntry[] | undefined {
  if (yamlText.includes('\r') || yamlText.includes('\t')) return undefined;
  const entries: FastEntry[] = [];
  const seen = new Set<string>();
  const lines = yamlText.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (blank(line)) continue;
    const m = KEY.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    const lower = key.toLowerCase();
    // A key is `[A-Za-z_][A-Za-z0-9_-]*`: of the forms that read as something else, only null and booleans can
    // look like that, and they are five characters long at most.
    if (seen.has(lower) || (key.length <= 5 && resolvePlain(key) !== key)) return undefined;
    seen.add(lower);
    const at = base + starts[i]!;
    const keyRange = { start: at, end: at + key.length };
    const colon = key.length;
    let p = colon + 1;
    while (line[p] === ' ') p++;
    // A following indented or list line belongs to this key.
    const next = lines[i + 1];
    const continues = next !== undefined && (next.startsWith(' ') || next.startsWith('-')) && !blank(next);

    if (p >= line.length) {
      if (!continues) {
        entries.push({ key, keyRange, valueRange: { start: at + colon + 1, end: at + colon + 1 }, value: null, rawValue: '', plain: true });
        continue;
      }
      // A block list of strings.
      const indent = next!.length - next!.trimStart().length;
      const items: string[] = [];
      let j = i + 1;
      let end = 0;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        if (blank(l)) break;
        if (l.length - l.trimStart().length !== indent || !l.startsWith('- ', indent)) {
          if (l.startsWith(' ') || l.startsWith('-')) return undefined;
          break;
        }
        let q = indent + 2;
        while (l[q] === ' ') q++;
        const r = readLineScalar(l, q);
        if (!r || typeof r.value !== 'string') return undefined;
        items.push(r.value);
        end = starts[j]! + l.length + 1;
      }
      if (j < lines.length && blank(lines[j]!) && lines.slice(j).some((l) => l.startsWith(' ') || l.startsWith('-'))) return undefined;
      const start = base + starts[i + 1]! + indent;
      entries.push({ key, keyRange, valueRange: { start, end: base + end }, value: items, rawValue: undefined, plain: false });
      i = j - 1;
      continue;
    }
    if (continues) return undefined; // a multi-line value
    if (line[p] === '[') {
      const r = readFlowList(line, p);
      if (!r) return undefined;
      entries.push({ key, keyRange, valueRange: { start: at + p, end: at + r.end }, value: r.value, rawValue: undefined, plain: false });
      continue;
    }
    const r = readLineScalar(line, p);
    if (!r) return undefined;
    entries.push({ key, keyRange, valueRange: { start: at + p, end: at + r.end }, value: r.value, rawValue: line.slice(p, r.end), plain: r.plain });
  }
  return entries;
}
