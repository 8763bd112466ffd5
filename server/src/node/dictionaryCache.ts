import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type HunspellDictionary, NO_CODES, ONE_LISTING, parseDictionary, type ParsedDictionary } from './hunspell';

/**
 * The parsed dictionary, kept on disk: expanding the `.dic` costs about half a second on every start, reading the
 * expanded words back takes a few milliseconds. The file holds a header, the flags and compound rules (JSON), then one
 * line per word in code-unit order, `word` or `word<TAB>codes`: a check looks words up by binary search, so loading
 * builds no hash table. It is named by a hash of the `.aff` and `.dic`, so another dictionary never reads it.
 */
const MAGIC = 'istio-authoring hunspell table 1';
/** Listings of a word are separated by this, codes of a listing by `CODE`: neither occurs in a `.dic`. */
const LISTING = '\u0002';
const CODE = '\u0001';
const TAB = 9;

/** The folder for caches: `$ISTIO_AUTHORING_CACHE`, else the user's cache folder. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env['ISTIO_AUTHORING_CACHE']) return env['ISTIO_AUTHORING_CACHE'];
  if (process.platform === 'win32' && env['LOCALAPPDATA']) return path.join(env['LOCALAPPDATA'], 'istio-authoring', 'cache');
  return path.join(env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache'), 'istio-authoring');
}

/** The table as the cache file holds it, or undefined when a word could not be stored that way. */
export function serializeDictionary(dict: ParsedDictionary): string | undefined {
  const lines: string[] = [];
  for (const [word, lists] of dict.table) {
    // A control character would break the line format and the order the binary search relies on.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0009\n]/.test(word)) return undefined;
    lines.push(lists === ONE_LISTING ? word : `${word}\t${lists.map((l) => l.join(CODE)).join(LISTING)}`);
  }
  lines.sort(byCodeUnits);
  return `${MAGIC}\n${JSON.stringify({ flags: dict.flags, compoundRules: dict.compoundRules })}\n${lines.join('\n')}`;
}

/** A dictionary over a cache file's text (undefined when the text is not one). */
export function deserializeDictionary(text: string): HunspellDictionary | undefined {
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  if (first < 0 || second < 0 || text.slice(0, first) !== MAGIC) return undefined;
  let head: { flags?: unknown; compoundRules?: unknown };
  try {
    head = JSON.parse(text.slice(first + 1, second)) as typeof head;
  } catch {
    return undefined;
  }
  const flags = head.flags;
  const compoundRules = head.compoundRules;
  if (typeof flags !== 'object' || flags === null || !Array.isArray(compoundRules) || !compoundRules.every((r) => typeof r === 'string')) return undefined;
  // The words stay in the file's one string, searched in place: 167,000 separate strings and an array of them cost
  // 8 MB of heap (a third of the server's, with the whole site indexed), and an index of line starts 20 ms to build
  // on the thread that answers completions. The binary search halves a range of the text instead, and finds the
  // line around its middle (lines are a few characters long).
  const body = second + 1;
  const decoded = new Map<number, readonly (readonly string[])[]>();
  return {
    flags: flags as Record<string, string>,
    compoundRules: compoundRules as string[],
    get(word) {
      // [lo, hi): a range of whole lines (lo at a line start, hi at one or at the end).
      let lo = body;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const from = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
        const nl = text.indexOf('\n', mid);
        const to = nl < 0 ? text.length : nl;
        let keyEnd = from;
        while (keyEnd < to && text.charCodeAt(keyEnd) !== TAB) keyEnd++;
        const order = compareKey(text, from, keyEnd, word);
        if (order === 0) {
          if (keyEnd === to) return ONE_LISTING;
          let lists = decoded.get(from);
          if (!lists) {
            lists = text.slice(keyEnd + 1, to).split(LISTING).map((l) => (l === '' ? NO_CODES : l.split(CODE)));
            decoded.set(from, lists);
          }
          return lists;
        }
        if (order < 0) lo = to + 1;
        else hi = from;
      }
      return undefined;
    },
  };
}

/** `text.slice(from, to)` compared with `word` in code-unit order, as `<` compares strings, without the slice. */
function compareKey(text: string, from: number, to: number, word: string): number {
  const n = Math.min(to - from, word.length);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(from + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return to - from - word.length;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The dictionary of `<base>.aff`/`<base>.dic`: from the cache file when there is one for these files, else parsed and
 * then stored (a cache that cannot be written is only slower).
 */
export function loadDictionaryFiles(base: string, folder: string = cacheFolder()): HunspellDictionary {
  const aff = fs.readFileSync(`${base}.aff`, 'utf8');
  const dic = fs.readFileSync(`${base}.dic`, 'utf8');
  const hash = createHash('sha256').update(MAGIC).update('\0').update(aff).update('\0').update(dic).digest('hex').slice(0, 16);
  const file = path.join(folder, `${path.basename(base)}-${hash}.txt`);
  try {
    const cached = deserializeDictionary(fs.readFileSync(file, 'utf8'));
    if (cached) return cached;
  } catch {
    // not cached yet
  }
  const parsed = parseDictionary(aff, dic);
  const text = serializeDictionary(parsed);
  if (text === undefined) return parsed;
  try {
    fs.mkdirSync(folder, { recursive: true });
    // Written aside, then renamed: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch {
    // read-only or full: the next start parses again
  }
  // The reader over the text, as on the next start: the parsed table (a Map of 167,000 entries) is collected.
  return deserializeDictionary(text) ?? parsed;
}
