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
  return dictionaryOver(text.slice(first + 1, second), [text.slice(second + 1)]);
}

/**
 * A dictionary over a cache file's header line (the JSON after the magic line) and its word lines, cut at line ends
 * into chunks (each a string of whole lines, in order), or undefined when the header is not one.
 */
function dictionaryOver(header: string, chunks: readonly string[]): HunspellDictionary | undefined {
  let head: { flags?: unknown; compoundRules?: unknown };
  try {
    head = JSON.parse(header) as typeof head;
  } catch {
    return undefined;
  }
  const flags = head.flags;
  const compoundRules = head.compoundRules;
  if (typeof flags !== 'object' || flags === null || !Array.isArray(compoundRules) || !compoundRules.every((r) => typeof r === 'string')) return undefined;
  // The words stay in the file's text, searched in place: 167,000 separate strings and an array of them cost
  // 8 MB of heap (a third of the server's, with the whole site indexed), and an index of line starts 20 ms to build
  // on the thread that answers completions. The binary search halves a range of the text instead, and finds the
  // line around its middle (lines are a few characters long). The text may come in chunks (the server decodes the
  // file a chunk per turn of the event loop): the first key of each chunk picks the chunk to search.
  const firstKeys = chunks.map((c) => {
    const tab = c.indexOf('\t');
    const nl = c.indexOf('\n');
    const end = nl < 0 ? c.length : nl;
    return c.slice(0, tab >= 0 && tab < end ? tab : end);
  });
  const decoded = chunks.map(() => new Map<number, readonly (readonly string[])[]>());
  return {
    flags: flags as Record<string, string>,
    compoundRules: compoundRules as string[],
    get(word) {
      // The last chunk whose first key is not after the word (keys are in code-unit order, as `<` compares).
      let lo = 0;
      let hi = chunks.length;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (firstKeys[mid]! <= word) lo = mid;
        else hi = mid;
      }
      const text = chunks[lo];
      return text === undefined ? undefined : lookUp(text, word, decoded[lo]!);
    },
  };
}

/** The listings of `word` in `text` (whole lines, sorted), by binary search in place. */
function lookUp(text: string, word: string, decoded: Map<number, readonly (readonly string[])[]>): readonly (readonly string[])[] | undefined {
  // [lo, hi): a range of whole lines (lo at a line start, hi at one or at the end).
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // (`lastIndexOf` clamps a negative position to 0: at the text's start, `lo` is the line start.)
    const from = mid === lo ? lo : Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
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

/** The cache file of these `.aff` and `.dic` texts (or their UTF-8 bytes: the same name). */
function cacheFile(base: string, folder: string, hash: string): string {
  return path.join(folder, `${path.basename(base)}-${hash.slice(0, 16)}.txt`);
}

/**
 * The dictionary of `<base>.aff`/`<base>.dic`: from the cache file when there is one for these files, else parsed and
 * then stored (a cache that cannot be written is only slower).
 */
export function loadDictionaryFiles(base: string, folder: string = cacheFolder()): HunspellDictionary {
  const aff = fs.readFileSync(`${base}.aff`, 'utf8');
  const dic = fs.readFileSync(`${base}.dic`, 'utf8');
  const file = cacheFile(base, folder, createHash('sha256').update(MAGIC).update('\0').update(aff).update('\0').update(dic).digest('hex'));
  try {
    const cached = deserializeDictionary(fs.readFileSync(file, 'utf8'));
    if (cached) return cached;
  } catch {
    // not cached yet
  }
  return parseAndStore(aff, dic, file, folder);
}

/** Decoded per turn of the event loop: 64 kB of the cache file take about half a millisecond. */
const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 10;
/** Hashed per turn: 256 kB take well under a millisecond. */
const HASH_BYTES = 256 * 1024;

/**
 * `loadDictionaryFiles` for the language server, whose thread answers completions: the files are read on libuv's
 * threads, then hashed and the cache file decoded a piece at a time, with `pause()` between pieces. Read and decoded
 * at once, it held that thread for 25–50 ms (the decoding of its 1.8 MB alone 14 ms: a few of its words are not
 * ASCII). Without a cache file (the first start), the dictionary is parsed at once, as `loadDictionaryFiles` does.
 */
export async function loadDictionaryFilesAsync(base: string, pause: () => Promise<void>, folder: string = cacheFolder()): Promise<HunspellDictionary> {
  const [aff, dic] = await Promise.all([readFileOffThread(`${base}.aff`), readFileOffThread(`${base}.dic`)]);
  // The hash of the same bytes as `loadDictionaryFiles` hashes (its strings, encoded as UTF-8), a piece per turn.
  // (WebCrypto's digest runs off the thread, but its first call loads WebCrypto: 8 ms on the thread.)
  const hash = createHash('sha256').update(MAGIC).update('\0').update(aff).update('\0');
  for (let at = 0; at < dic.length; at += HASH_BYTES) {
    hash.update(dic.subarray(at, at + HASH_BYTES));
    await pause();
  }
  const file = cacheFile(base, folder, hash.digest('hex'));
  let bytes: Buffer | undefined;
  try {
    bytes = await readFileOffThread(file);
  } catch {
    // not cached yet
  }
  if (bytes) {
    const first = bytes.indexOf(NEWLINE);
    const second = first < 0 ? -1 : bytes.indexOf(NEWLINE, first + 1);
    if (second >= 0 && bytes.toString('utf8', 0, first) === MAGIC) {
      const chunks: string[] = [];
      // Cut after a newline, where no UTF-8 sequence is split.
      for (let start = second + 1; start < bytes.length || chunks.length === 0; ) {
        const nl = bytes.indexOf(NEWLINE, Math.min(start + CHUNK_BYTES, bytes.length));
        const end = nl < 0 ? bytes.length : nl;
        chunks.push(bytes.toString('utf8', start, end));
        start = end + 1;
        await pause();
      }
      const cached = dictionaryOver(bytes.toString('utf8', first + 1, second), chunks);
      if (cached) return cached;
    }
  }
  return parseAndStore(aff.toString('utf8'), dic.toString('utf8'), file, folder);
}

/** `fs.readFile` (on libuv's threads) as a promise: `fs.promises` costs 4 ms on the thread to load, on first use. */
function readFileOffThread(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => fs.readFile(file, (error, data) => (error ? reject(error) : resolve(data))));
}

/** Parses the dictionary and stores its cache file. */
function parseAndStore(aff: string, dic: string, file: string, folder: string): HunspellDictionary {
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
