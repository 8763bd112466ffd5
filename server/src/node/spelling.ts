import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SpellCheckerFactory, WordChecker } from '../../engine';
import { loadDictionaryFiles, loadDictionaryFilesAsync } from './dictionaryCache';
import { hunspellCheck, type HunspellDictionary } from './hunspell';
import { installPlainTextShortcut } from './markedPlainText';
import { mdspellTokens } from './mdspellTokens';
import { mdspellWords } from './mdspellWords';

/* eslint-disable @typescript-eslint/no-require-imports */
// The `marked` mdspell's parser requires (0.3.19, hoisted next to it), with its shortcut for plain text.
const marked = require('marked') as typeof import('marked');
const markedVersion = (require('marked/package.json') as { version: string }).version;
/* eslint-enable @typescript-eslint/no-require-imports */
installPlainTextShortcut(marked, markedVersion);

/**
 * mdspell as `make lint` runs it (`--en-us --ignore-acronyms --ignore-numbers`), for the engine: markdown-spellcheck's
 * own Markdown parser on its marked (ported in mdspellTokens.ts), its word parser and filters (mdspellWords.ts), and
 * hunspell-spellchecker over the en_US dictionary the package ships,
 * so that a word the editor accepts is a word CI accepts. The dictionary is found next to the bundle
 * (`dist/dictionaries/`) or in an installed markdown-spellcheck (this repository's dev dependency, or one installed
 * globally or in the site); without it the spelling check is off, and `dictionaryPath()` says so.
 */
const DICTIONARY = 'en_US-large';

export function dictionaryPath(siteRoots: readonly string[] = []): string | undefined {
  const candidates = [path.join(__dirname, 'dictionaries')];
  try {
    candidates.push(path.join(path.dirname(require.resolve('markdown-spellcheck/package.json')), 'data'));
  } catch {
    // not installed next to the code
  }
  for (const root of siteRoots) candidates.push(path.join(root, 'node_modules', 'markdown-spellcheck', 'data'));
  for (const g of ['/usr/local/lib/node_modules', '/usr/lib/node_modules']) candidates.push(path.join(g, 'markdown-spellcheck', 'data'));
  return candidates.find((d) => fs.existsSync(path.join(d, `${DICTIONARY}.dic`)));
}

/** Dictionaries by folder, for the whole process: every service (and every test) shares one parse. */
const loaded = new Map<string, HunspellDictionary>();

function dictionaryIn(dir: string): HunspellDictionary {
  let dict = loaded.get(dir);
  if (!dict) {
    dict = loadDictionaryFiles(path.join(dir, DICTIONARY));
    loaded.set(dir, dict);
  }
  return dict;
}

/**
 * Loads the dictionary of `dir` for `dictionaryIn`: off the thread as far as it can, or at once without `pause`.
 * A file that cannot be read rejects, as the synchronous load threw from its timer: the server logs it.
 */
async function loadInBackground(dir: string, pause: (() => Promise<void>) | undefined): Promise<void> {
  if (!pause) {
    dictionaryIn(dir);
    return;
  }
  const dict = await loadDictionaryFilesAsync(path.join(dir, DICTIONARY), pause);
  if (!loaded.has(dir)) loaded.set(dir, dict);
}

export interface SpellingOptions {
  /**
   * The language server's way: the first page that needs the dictionary does not wait for it. The factory answers
   * `undefined` (no spelling findings yet, every other check as usual), loads the dictionary once that page's
   * diagnostics are out, and then calls `onReady`, for the pages to be checked again. Without it (the CLI, tests) the
   * first page waits for the load.
   */
  readonly onReady?: () => void;
  /** With `onReady`: called when the load begins (then `onReady` when it ends). */
  readonly onLoad?: () => void;
  /**
   * With `onReady`: the dictionary is read off the thread and decoded in chunks, with this between them (the server's
   * `yieldToRequests`), so that the load never holds a completion back for more than a chunk.
   */
  readonly pause?: () => Promise<void>;
}

/**
 * mdspell's checker for a page, from the dictionary in `dir`, loaded on the first page of a language `make lint`
 * checks (not before: a site without `.spelling`, or a session on other pages, never pays for it).
 */
export function mdspellFactory(dir: string, options: SpellingOptions = {}): SpellCheckerFactory {
  const byWords = new Map<string, WordChecker>();
  // The engine passes the same array for every page of a site without per-file words: found without joining its
  // 1,500 words into a key for each page (3 % of a check of istio.io).
  let last: { extra: readonly string[]; checker: WordChecker } | undefined;
  let scheduled = false;
  return (extra) => {
    if (last?.extra === extra) return last.checker;
    const key = extra.join('\n');
    const checker = byWords.get(key);
    if (checker) {
      last = { extra, checker };
      return checker;
    }
    const onReady = options.onReady;
    if (onReady && !loaded.has(dir)) {
      if (!scheduled) {
        scheduled = true;
        options.onLoad?.();
        // A timer, not a microtask: the diagnostics being computed now are sent first.
        setTimeout(() => {
          void loadInBackground(dir, options.pause).finally(onReady);
        }, 0);
      }
      return undefined;
    }
    const made = wordChecker(dictionaryIn(dir), extra);
    // One site has one .spelling; a few entries cover edits to it without growing without bound.
    if (byWords.size > 4) byWords.clear();
    byWords.set(key, made);
    last = { extra, checker: made };
    return made;
  };
}

/** mdspell's spellcheck.js normalises only the first `’`. */
function normaliseApos(word: string): string {
  return word.replace(/\u2019/, "'");
}

function wordChecker(dict: HunspellDictionary, extra: readonly string[]): WordChecker {
  // mdspell adds each .spelling word to the dictionary table (`[[]]`: a word without affixes).
  const check = hunspellCheck(dict, new Set(extra.map(normaliseApos)));
  const checkWord = (raw: string): boolean => {
    // mdspell's checkWord, step by step.
    const word = normaliseApos(raw);
    if (check(word)) return true;
    if (/'s$/.test(word) && check(word.slice(0, -2))) return true;
    if (check(`${word}.`)) return true;
    // `word.indexOf('-')` is truthy unless the word starts with `-`: every other word is split, hyphen or not.
    if (word.indexOf('-') !== 0 && word.split('-').every((w) => check(w))) return true;
    return false;
  };
  // A site repeats its words: each is looked up once (bounded, for a long session).
  const verdicts = new Map<string, boolean>();
  const correct = (word: string): boolean => {
    let verdict = verdicts.get(word);
    if (verdict === undefined) {
      verdict = checkWord(word);
      if (verdicts.size >= 100_000) verdicts.clear();
      verdicts.set(word, verdict);
    }
    return verdict;
  };
  return {
    words: (markdown) => mdspellWords(mdspellTokens(markdown)),
    correct,
    suggest(word) {
      // hunspell-spellchecker's own suggest tries every edit of every edit (seconds per word); one edit is enough
      // for a typo and answers at once.
      const letters = 'abcdefghijklmnopqrstuvwxyz';
      const seen = new Set<string>();
      const out: string[] = [];
      const tryWord = (w: string): void => {
        if (w && !seen.has(w) && w !== word) {
          seen.add(w);
          if (checkWord(w)) out.push(w);
        }
      };
      for (let i = 0; i <= word.length; i++) {
        const a = word.slice(0, i);
        const b = word.slice(i);
        if (b) tryWord(a + b.slice(1));
        if (b.length > 1) tryWord(a + b[1] + b[0] + b.slice(2));
        for (const c of letters) {
          if (b) tryWord(a + c + b.slice(1));
          tryWord(a + c + b);
        }
      }
      return out.slice(0, 5);
    },
  };
}
