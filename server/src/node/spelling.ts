import * as fs from 'node:fs';
import * as path from 'node:path';
import Spellchecker from 'hunspell-spellchecker';
import type { SpellCheckerFactory, WordChecker } from '../../engine';

// Babel-compiled CommonJS with `exports.default`: required as such, so that the bundle and tsx read it alike.
/* eslint-disable @typescript-eslint/no-require-imports */
const filters = require('markdown-spellcheck/es5/filters') as typeof import('markdown-spellcheck/es5/filters');
const markdownParser = require('markdown-spellcheck/es5/markdown-parser') as typeof import('markdown-spellcheck/es5/markdown-parser');
const wordParser = require('markdown-spellcheck/es5/word-parser') as typeof import('markdown-spellcheck/es5/word-parser');
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * mdspell as `make lint` runs it (`--en-us --ignore-acronyms --ignore-numbers`), for the engine: markdown-spellcheck's
 * own Markdown and word parsers and filters, and hunspell-spellchecker over the en_US dictionary the package ships,
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

/** Loads the dictionary once (about 0.8 s and 60 MB), when the first page is checked. */
export function mdspellFactory(dir: string): SpellCheckerFactory {
  let base: Spellchecker | undefined;
  const byWords = new Map<string, WordChecker>();
  return (extra) => {
    const key = extra.join('\n');
    let checker = byWords.get(key);
    if (checker) return checker;
    if (!base) {
      base = new Spellchecker();
      base.use(base.parse({ aff: fs.readFileSync(path.join(dir, `${DICTIONARY}.aff`)), dic: fs.readFileSync(path.join(dir, `${DICTIONARY}.dic`)) }));
    }
    // mdspell adds each .spelling word to the dictionary table (`[[]]`: a word without affixes); a table inheriting
    // from the shared one does the same per word list without copying 167,000 entries.
    const sc = new Spellchecker();
    sc.use(base.dict);
    const table: Record<string, unknown> = Object.create(base.dict.dictionaryTable) as Record<string, unknown>;
    for (const w of extra) table[normaliseApos(w)] = [[]];
    sc.dict.dictionaryTable = table;
    checker = wordChecker(sc);
    // One site has one .spelling; a few entries cover edits to it without growing without bound.
    if (byWords.size > 4) byWords.clear();
    byWords.set(key, checker);
    return checker;
  };
}

/** The checker while the dictionary loads: it finds no word, so the spelling check says nothing yet. */
const LOADING: WordChecker = { words: () => [], correct: () => true, suggest: () => [] };

/**
 * For the language server: the first page's diagnostics do not wait for the dictionary. Loading it is most of the
 * first check (0.7 s of CPU on the corpus, about 3 s on a busy machine: `npm run bench`, "Start-up"), so the first
 * check runs without it; the load starts once that check's diagnostics are sent, and `onLoaded` checks the pages
 * again, spelling included. The CLI keeps `mdspellFactory` as it is: it waits for the whole result anyway.
 */
export function loadAfterFirstCheck(factory: SpellCheckerFactory, onLoaded: () => void): SpellCheckerFactory {
  let state: 'idle' | 'scheduled' | 'loaded' = 'idle';
  return (extra) => {
    if (state === 'loaded') return factory(extra);
    if (state === 'idle') {
      state = 'scheduled';
      // A timer, so the check that asked (and the sending of its diagnostics) finishes first.
      setTimeout(() => {
        factory(extra);
        state = 'loaded';
        onLoaded();
      }, 0);
    }
    return LOADING;
  };
}

/** mdspell's spellcheck.js normalises only the first `’`. */
function normaliseApos(word: string): string {
  return word.replace(/\u2019/, "'");
}

function wordChecker(sc: Spellchecker): WordChecker {
  const correct = (raw: string): boolean => {
    // mdspell's checkWord, step by step.
    const word = normaliseApos(raw);
    if (sc.check(word)) return true;
    if (/'s$/.test(word) && sc.check(word.slice(0, -2))) return true;
    if (sc.check(`${word}.`)) return true;
    // `word.indexOf('-')` is truthy unless the word starts with `-`: every other word is split, hyphen or not.
    if (word.indexOf('-') !== 0 && word.split('-').every((w) => sc.check(w))) return true;
    return false;
  };
  return {
    words: (markdown) => filters.default.filter(wordParser.default(markdownParser.default(markdown)), { ignoreAcronyms: true, ignoreNumbers: true }),
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
          if (correct(w)) out.push(w);
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
