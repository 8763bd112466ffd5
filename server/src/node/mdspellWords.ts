import type { SpellingWord } from '../../engine';

/**
 * markdown-spellcheck 1.3.1's word parser (`es5/word-parser.js`) and its filters (`es5/filters.js`, with
 * `ignoreAcronyms` and `ignoreNumbers` as `make lint` passes them), in one pass and without their copies: the library
 * matches its word pattern on `text.slice(end of the last word)` and filters the list twice, which made one new string
 * per word and two arrays per page. The pattern has no anchor, lookbehind or `\b`, so matching it from `lastIndex`
 * finds what matching the rest of the text finds. test/unit/node/mdspellWords.test.ts proves the same words and indexes
 * as the library's on every page of the sample site.
 */

// The library's pattern, verbatim; global only to be matched from a position.
const WORD = /(\w+(\.\w+)+\.?)|[\u00c0-\u01bf\u01d0-\u029f\w'\u2018-\u2019][\-#\u00c0-\u01bf\u01d0-\u029f\w'\u2018-\u2019]*|[\u0400-\u04FF\w'\u2018-\u2019][\-#\u0400-\u04FF\w'\u2018-\u2019]*/g;
// The filters' patterns, verbatim: a word either matches is not checked.
const NUMBER = /^[0-9,\.\-#]+(th|st|nd|rd)?$/;
const ACRONYM = /^[A-Z0-9]{2,}(['\u2018-\u2019]s)?$/;

/** `^[#'\u2018]+` of the library: characters cut from a word's start. */
function badStart(c: number): boolean {
  return c === 0x23 || c === 0x27 || c === 0x2018;
}

/** `['\u2019\-#]+$` of the library: characters cut from a word's end. */
function badEnd(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d || c === 0x23;
}

/** The words mdspell checks in its text tokens, in order, with their indexes. */
export function mdspellWords(tokens: readonly { readonly text: string; readonly index: number }[]): SpellingWord[] {
  const out: SpellingWord[] = [];
  for (const token of tokens) {
    const text = token.text;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      const matched = m[0];
      let from = 0;
      while (from < matched.length && badStart(matched.charCodeAt(from))) from++;
      let to = matched.length;
      // The library cuts the start first, then the end of what is left.
      while (to > from && badEnd(matched.charCodeAt(to - 1))) to--;
      const word = from === 0 && to === matched.length ? matched : matched.slice(from, to);
      if (ACRONYM.test(word) || NUMBER.test(word)) continue;
      out.push({ word, index: token.index + m.index + from });
    }
  }
  return out;
}
