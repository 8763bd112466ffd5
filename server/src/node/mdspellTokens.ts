/**
 * markdown-spellcheck 1.3.1's Markdown parser (`es5/markdown-parser.js`, with its `tracking-replacement.js`), ported
 * line for line with one change: after a replacement, its tracker searched the whole page again from its start for
 * the next match of the same pattern (and copied the page), which made each of its eleven patterns cost the page's
 * length once per match (code spans are many). Here the search resumes where the replacement was made, for the
 * patterns where no earlier match can appear (below, pattern by pattern); the other two search from the start as
 * the library does. test/unit/node/mdspellWords.test.ts compares the tokens with the library's on every page and on
 * random strings of the characters these patterns use.
 *
 * Why no match can start before the replacement at `m` (the leftmost match in the old text) for the patterns marked
 * `resume`: a new match starting at `p < m` must reach past `m` (a match inside the unchanged text before `m` would
 * have been a match of the old text, left of the leftmost one). For the fence, code span, `<style` and `<script`
 * patterns, an opener wholly before `m` would have matched in the old text, with the old match's closer; an opener
 * across `m` would need the replacement (nothing, or a space) to be part of it, or (for backtick runs) the backticks
 * before `m` and the old match's own would have made an earlier match. `{%.*%}` and `{{.*}}` cannot cross a line end,
 * so an opener before `m` on the same line would have matched with the old match's closer; `&…;` and the space cannot
 * meet. The `{% highlight` pattern (`\s*` can take the space) and the HTML tag pattern (its ` ?` can) can match across
 * a replacement, so they search from the start.
 */

import { fastFrontmatter } from '../../engine';

/* eslint-disable @typescript-eslint/no-require-imports */
// The same modules the library requires: marked 0.3.19 (hoisted next to it) and its own js-yaml 3.
const marked = require('marked') as MarkedModule;
type JsYaml = { safeLoad(text: string): unknown };
let jsYamlModule: JsYaml | undefined;
/** js-yaml, loaded for the first frontmatter `surelyYamlMap` leaves to it (none on most sites). */
const jsYaml = (): JsYaml => (jsYamlModule ??= require('markdown-spellcheck/node_modules/js-yaml') as JsYaml);
/* eslint-enable @typescript-eslint/no-require-imports */

interface MarkedModule {
  lexer(src: string, options: object): ({ type: string; text?: string } | undefined)[] & { links: object };
  InlineLexer: new (links: object, options: object) => { output(src: string): string };
}

export interface TextToken {
  text: string;
  index: number;
}

interface IndexMap {
  newIndex: number;
  index: number;
}

/** `tracking-replacement.js`: the text after replacements, and a way back to the original offsets. */
class Tracker {
  private readonly maps: IndexMap[] = [];

  constructor(public src: string) {}

  getOriginalIndex(newIndex: number): number {
    let firstMapBefore: IndexMap | undefined;
    for (const map of this.maps) {
      if (map.newIndex <= newIndex && (!firstMapBefore || firstMapBefore.newIndex < map.newIndex)) firstMapBefore = map;
    }
    return firstMapBefore ? firstMapBefore.index + (newIndex - firstMapBefore.newIndex) : newIndex;
  }

  /**
   * Replaces every match as the library does: the leftmost match of the text as it is after the last replacement,
   * again and again. With `resume` (see above) no match starts before the last replacement, and none inside it (no
   * pattern starts with a space), so the matches are those of one left-to-right pass over the text before the first
   * replacement, and the text is built once.
   */
  replaceAll(target: RegExp | string, replacement: string, resume = false): string {
    if (resume && typeof target !== 'string') return this.replaceInOnePass(target, replacement);
    const pattern = typeof target === 'string' ? undefined : new RegExp(target.source, `${target.flags}g`);
    for (;;) {
      let index: number;
      let length: number;
      if (pattern) {
        pattern.lastIndex = 0;
        const m = pattern.exec(this.src);
        if (!m) break;
        index = m.index;
        length = m[0].length;
      } else {
        index = this.src.indexOf(target as string);
        if (index === -1) break;
        length = (target as string).length;
      }
      this.track(index, length, replacement);
      this.src = this.src.substring(0, index) + replacement + this.src.slice(index + length);
    }
    return this.src;
  }

  private replaceInOnePass(target: RegExp, replacement: string): string {
    const old = this.src;
    const pattern = new RegExp(target.source, `${target.flags}g`);
    const pieces: string[] = [];
    let copied = 0;
    // Old text offset minus the offset in the text after the replacements so far.
    let shift = 0;
    for (let m = pattern.exec(old); m; m = pattern.exec(old)) {
      const length = m[0].length;
      this.track(m.index - shift, length, replacement);
      pieces.push(old.slice(copied, m.index), replacement);
      copied = m.index + length;
      shift += length - replacement.length;
    }
    if (pieces.length === 0) return old;
    pieces.push(old.slice(copied));
    this.src = pieces.join('');
    return this.src;
  }

  /** The library's bookkeeping for one replacement at `index` (an offset in the current text). */
  private track(index: number, length: number, replacement: string): void {
    const cutTo = index + length;
    const originalIndex = this.getOriginalIndex(cutTo);
    const changeInLength = length - replacement.length;
    for (let i = this.maps.length - 1; i >= 0; i--) {
      const map = this.maps[i]!;
      if (map.newIndex >= index) {
        if (map.newIndex < cutTo) this.maps.splice(i, 1);
        else map.newIndex -= changeInLength;
      }
    }
    this.maps.push({ newIndex: index + replacement.length, index: originalIndex });
    if (replacement.length) this.maps.push({ newIndex: index, index: NaN });
  }
}

/**
 * js-yaml's control and unpaired-surrogate characters (`PATTERN_NON_PRINTABLE` of its loader), which make it throw
 * where the YAML library the fast path follows may not.
 */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/**
 * `true` when js-yaml surely reads `yaml` as an object without being asked: the engine's fast frontmatter path reads
 * it as one or more top-level keys with one-line values or lists of strings (it gives up on comments, escapes,
 * duplicate keys, CRLF and anything else), with no tab and no character js-yaml refuses. `undefined`: ask js-yaml.
 * Every page's frontmatter on the bench site and the corpus is such; js-yaml's load and its (cold) parses were about
 * 1 % of a CLI run. mdspellWords.test.ts compares the port with the library on every page, and surelyYamlMap.test.ts
 * this verdict with js-yaml's on random blocks.
 */
export function surelyYamlMap(yaml: string): true | undefined {
  if (yaml.includes('\t') || NON_PRINTABLE.test(yaml)) return undefined;
  const entries = fastFrontmatter(yaml, 0);
  return entries !== undefined && entries.length > 0 ? true : undefined;
}

/** The library's `getJekyllFrontMatter`: the fenced block when js-yaml reads it as an object. */
function jekyllFrontMatter(src: string): string | undefined {
  const matches = src.match(/^\r?\n?---\r?\n([\w\W]+?)\r?\n---\r?\n/);
  if (matches) {
    if (surelyYamlMap(matches[1]!)) return matches[0];
    try {
      const parsed = jsYaml().safeLoad(matches[1]!);
      return typeof parsed === 'object' ? matches[0] : undefined;
    } catch {
      // not valid yaml
    }
  }
  return undefined;
}

/** The text tokens mdspell checks in a Markdown text, with their offsets in it. */
export function mdspellTokens(input: string): TextToken[] {
  const textTokens: TextToken[] = [];
  let currentIndex = 0;
  const tracker = new Tracker(input);

  const frontMatter = jekyllFrontMatter(input);
  if (frontMatter) tracker.replaceAll(frontMatter, ' ');
  tracker.replaceAll(/```[\w\W]*?```/, '', true);
  tracker.replaceAll(/~~~[\w\W]*?~~~/, '', true);
  tracker.replaceAll(/``[\w\W]*?``/, '', true);
  tracker.replaceAll(/`[^`]*`/, '', true);
  tracker.replaceAll(/<style[\w\W]*?<\/style>/, ' ', true);
  tracker.replaceAll(/<script[\w\W]*?<\/script>/, ' ', true);
  tracker.replaceAll(/\{%\s*highlight[\w\W]*?\{%\s*endhighlight\s*%\}/, ' ');
  tracker.replaceAll(/\{%.*%\}/, ' ', true);
  tracker.replaceAll(/\{\{.*\}\}/, ' ', true);
  tracker.replaceAll(/&[#a-z0-9]{1,5};/, ' ', true);
  const src = tracker.replaceAll(/<\/?[a-z0-9]+ ?([a-z]+="[^"]*" ?)*\/?>/i, ' ');

  const addToken = (text: string): void => {
    const newIndex = src.indexOf(text, currentIndex);
    if (newIndex === -1) {
      throw new Error(`Markdown Parser : Inline Lexer : Could not find index of text - \n${text}\n\n**In**\n\n${src.substring(currentIndex, 30)}\n`);
    }
    currentIndex = newIndex + text.length;
    textTokens.push({ text, index: tracker.getOriginalIndex(newIndex) });
  };
  const noop = (): void => undefined;
  const options = {
    gfm: true,
    renderer: {
      strong: noop,
      em: noop,
      codespan: noop,
      br: noop,
      del: noop,
      link: noop,
      image: noop,
      text(text: string): void {
        // The capture group makes `split` return the URL's scheme too (or undefined): the library adds it as a word.
        const roughSplit = text.replace(/&#39;/g, "'").split(/(https?|ftp):\/\/[^\s/$.?#].[^\s]*|[\s\xa0\r\n]|&[a-z#0-9]+;|[&<>]/);
        for (const split of roughSplit as (string | undefined)[]) if (split) addToken(split);
      },
    },
  };

  const tokens = marked.lexer(src, options);
  const inlineLexer = new marked.InlineLexer(tokens.links, options);
  for (const token of tokens) {
    if (token?.text && token.type !== 'code') inlineLexer.output(token.text);
  }
  return textTokens;
}
