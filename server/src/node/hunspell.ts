/* eslint-disable @typescript-eslint/no-require-imports */
const Dictionary = require('hunspell-spellchecker/lib/dictionary') as typeof import('hunspell-spellchecker/lib/dictionary');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * hunspell-spellchecker 1.0.2 (what mdspell checks words with), loaded in a quarter of the time. The library expands
 * every affix of the `.dic` into a plain object of 167,000 keys, one new array per entry; filling that object and
 * collecting the arrays is most of its 0.8 s load. This reads the same files with the library's own `.aff` parser and
 * affix expansion, but keeps the table in a `Map` whose entries share one empty rule list, and checks words exactly
 * as the library's `check`/`checkExact`/`hasFlag` do, quirks included (test/unit/node/hunspell.test.ts compares the
 * tables and the verdicts with the library's).
 */

/** The rule codes of each listing of a word in the `.dic` (a derived form has none). */
type RuleLists = readonly (readonly string[])[];

/** What a check needs of a parsed dictionary: the expanded table, the `.aff` flags and the compound rules. */
export interface HunspellDictionary {
  /** The table entry of a word (undefined: not listed). */
  get(word: string): RuleLists | undefined;
  readonly flags: Readonly<Record<string, string>>;
  /** The compound rules' sources (`new RegExp(source, 'i')`). */
  readonly compoundRules: readonly string[];
}

/** A dictionary as parsed from the `.dic`: its table is a `Map` (dictionaryCache.ts stores it). */
export interface ParsedDictionary extends HunspellDictionary {
  readonly table: ReadonlyMap<string, RuleLists>;
}

export const NO_CODES: readonly string[] = Object.freeze([]);
/** The value of most entries (`[[]]`), shared: copied on a second listing of the word. */
export const ONE_LISTING: RuleLists = Object.freeze([NO_CODES]);

/** Parses a `.aff` and a `.dic` as hunspell-spellchecker's `Dictionary.parse` does. */
export function parseDictionary(aff: string, dic: string): ParsedDictionary {
  const d = new Dictionary();
  d.rules = d._parseAFF(aff);
  d.compoundRuleCodes = {};
  for (const rule of d.compoundRules as string[]) for (const c of rule) d.compoundRuleCodes[c] = [];
  if ('ONLYINCOMPOUND' in d.flags) d.compoundRuleCodes[d.flags['ONLYINCOMPOUND']!] = [];

  const table = new Map<string, RuleLists>();
  const add = (word: string, codes: readonly string[]): void => {
    const had = table.get(word);
    if (had === undefined) table.set(word, codes.length ? [codes] : ONE_LISTING);
    else if (had === ONE_LISTING) table.set(word, [NO_CODES, codes]);
    else (had as (readonly string[])[]).push(codes);
  };
  const lines = d._removeDicComments(dic).split('\n');
  // The first line is the number of words.
  for (let i = 1; i < lines.length; i++) {
    const parts = lines[i]!.split('/', 2);
    const word = parts[0]!;
    if (parts.length < 2) {
      add(word.trim(), NO_CODES);
      continue;
    }
    const codes = d.parseRuleCodes(parts[1]!);
    if (!('NEEDAFFIX' in d.flags) || !codes.includes(d.flags['NEEDAFFIX']!)) add(word, codes);
    for (let j = 0; j < codes.length; j++) {
      const code = codes[j]!;
      const rule = d.rules[code];
      if (rule) {
        for (const derived of d._applyRule(word, rule)) {
          add(derived, NO_CODES);
          if (!rule.combineable) continue;
          for (let k = j + 1; k < codes.length; k++) {
            const other = d.rules[codes[k]!];
            if (other && other.combineable && rule.type !== other.type) for (const both of d._applyRule(derived, other)) add(both, NO_CODES);
          }
        }
      }
      if (code in d.compoundRuleCodes) d.compoundRuleCodes[code]!.push(word);
    }
  }
  for (const c of Object.keys(d.compoundRuleCodes)) if (d.compoundRuleCodes[c]!.length === 0) delete d.compoundRuleCodes[c];
  const compoundRules = (d.compoundRules as string[]).map((text) => {
    let source = '';
    for (const ch of text) source += ch in d.compoundRuleCodes ? `(${d.compoundRuleCodes[ch]!.join('|')})` : ch;
    return source;
  });
  return { table, get: (word) => table.get(word), flags: { ...d.flags }, compoundRules };
}

/** The library's `dictionaryTable[word]` on a plain object: `toString`, `constructor`… come from Object.prototype. */
const PLAIN: Readonly<Record<string, unknown>> = {};

/**
 * hunspell-spellchecker's `Spellchecker.check` over a parsed dictionary, plus `extra` words entered as mdspell enters
 * `.spelling` (`dictionaryTable[word] = [[]]`, which replaces the word's own listing).
 */
export function hunspellCheck(dict: HunspellDictionary, extra: ReadonlySet<string>): (word: string) => boolean {
  const lookup = (word: string): unknown => (extra.has(word) ? ONE_LISTING : (dict.get(word) ?? PLAIN[word]));
  const compoundRules = dict.compoundRules.map((source) => new RegExp(source, 'i'));
  const hasFlag = (word: string, flag: string, wordFlags?: unknown): boolean => {
    if (!(flag in dict.flags)) return false;
    // `Array.prototype.concat.apply([], table[word])`, whatever the entry is (a function's `length` counts too).
    const flags = wordFlags === undefined ? (Array.prototype.concat.apply([], lookup(word) as unknown[]) as unknown[]) : (wordFlags as unknown[] | null);
    return !!flags && flags.indexOf(dict.flags[flag]) !== -1;
  };
  const checkExact = (word: string): boolean => {
    const ruleCodes = lookup(word) as ArrayLike<unknown> | undefined;
    if (ruleCodes === undefined) {
      const min = dict.flags['COMPOUNDMIN'];
      if (min !== undefined && word.length >= Number(min)) return compoundRules.some((re) => re.test(word));
      return false;
    }
    for (let i = 0; i < ruleCodes.length; i++) if (!hasFlag(word, 'ONLYINCOMPOUND', ruleCodes[i])) return true;
    return false;
  };
  return (aWord) => {
    const trimmed = aWord.replace(/^\s\s*/, '').replace(/\s\s*$/, '');
    if (checkExact(trimmed)) return true;
    if (trimmed.toUpperCase() === trimmed) {
      // `trimmedWord[0] + …`: an empty word becomes "undefined", as in the library.
      const capitalized = `${trimmed[0]}${trimmed.substring(1).toLowerCase()}`;
      if (hasFlag(capitalized, 'KEEPCASE')) return false;
      if (checkExact(capitalized)) return true;
    }
    const lower = trimmed.toLowerCase();
    if (lower !== trimmed) {
      if (hasFlag(lower, 'KEEPCASE')) return false;
      if (checkExact(lower)) return true;
    }
    return false;
  };
}
