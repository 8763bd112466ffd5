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

import { countBelow, fastFrontmatter, lastStartingAtOrBefore } from '../../engine';

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

  /** The maps by `newIndex`, each the first of its `newIndex` in `maps`: made for the look-ups after the last replacement. */
  private byPosition: IndexMap[] | undefined;

  /**
   * `getOriginalIndex` by binary search: the library's scan of every map, for each token of the page, made a page of
   * many replacements quadratic. The map it picks is the one with the greatest `newIndex` not past `newIndex`, the
   * first of them in `maps` on a tie, which is the entry kept for that `newIndex` here (a stable sort).
   */
  originalIndex(newIndex: number): number {
    const found = lastStartingAtOrBefore(this.mapsByPosition(), newIndex, (map) => map.newIndex);
    return found ? found.index + (newIndex - found.newIndex) : newIndex;
  }

  /** The maps by `newIndex`, the first in `maps` of each (a stable sort), kept until the maps change. */
  private mapsByPosition(): IndexMap[] {
    return (this.byPosition ??= firstOfEach([...this.maps].sort((a, b) => a.newIndex - b.newIndex)));
  }

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

  /**
   * `replaceAll` with `resume`: every match of one left-to-right pass, replaced in one copy, with the bookkeeping the
   * library's `track` would leave, computed in one merge. Calling `track` per match cost every map for each match,
   * and a page of many `{{…}}` lines came to seconds. What `track` does, match after match (`k`, in the text as it
   * was before the pass, with `shift` the length removed by the matches before it):
   * - it first looks up the original offset of the match's end. The map it picks is the one at the greatest position
   *   up to that end: a map of an earlier pass that lies between the previous match's end and this match's end (the
   *   first in `maps` of those at its position; it comes before this pass's maps in `maps`, so it wins a tie), or
   *   else the end map this pass made for the previous match (every map of an earlier pass before the previous
   *   match's end is before that end map's position), or else, for the first match, none;
   * - it removes the maps inside the match and moves those after it. A map of an earlier pass is thus removed when
   *   it lies inside any match and moved by what the matches before it removed; the end map made for a match is
   *   removed by the next match when that one starts where it ended, and nothing else of this pass's is touched;
   * - it appends the match's end map, and its start map when the replacement is not empty.
   * test/unit/node/mdspellWords.test.ts compares the tokens and their offsets with the library's.
   */
  private replaceInOnePass(target: RegExp, replacement: string): string {
    const old = this.src;
    const pattern = new RegExp(target.source, `${target.flags}g`);
    const starts: number[] = [];
    const ends: number[] = [];
    for (let m = pattern.exec(old); m; m = pattern.exec(old)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    const count = starts.length;
    if (count === 0) return old;
    const r = replacement.length;
    // The earlier passes' maps by position, the first in `maps` of each position.
    const earlier = this.mapsByPosition();
    let next = 0;
    // This pass's maps in the order `track` appends them; an end map a later match removes becomes undefined.
    const made: (IndexMap | undefined)[] = [];
    let previousEnd = -1;
    // What the matches before each one removed from the text (and, last, all of them).
    const removedBefore: number[] = [];
    const pieces: string[] = [];
    let copied = 0;
    let shift = 0;
    let previousOriginal = 0;
    for (let k = 0; k < count; k++) {
      const start = starts[k]!;
      const end = ends[k]!;
      removedBefore.push(shift);
      // The last earlier map at or before this match's end, if it is not before the previous match's end.
      while (next < earlier.length && earlier[next]!.newIndex <= end) next++;
      const candidate = next > 0 ? earlier[next - 1]! : undefined;
      let original: number;
      if (candidate && (k === 0 || candidate.newIndex >= ends[k - 1]!)) original = candidate.index + (end - candidate.newIndex);
      else if (k > 0) original = previousOriginal + (end - ends[k - 1]!);
      else original = end;
      if (k > 0 && start === ends[k - 1]!) made[previousEnd] = undefined;
      const newStart = start - shift;
      previousEnd = made.length;
      made.push({ newIndex: newStart + r, index: original });
      if (r > 0) made.push({ newIndex: newStart, index: NaN });
      previousOriginal = original;
      pieces.push(old.slice(copied, start), replacement);
      copied = end;
      shift += end - start - r;
    }
    removedBefore.push(shift);
    pieces.push(old.slice(copied));
    // The earlier maps no match covers, moved by what the matches that end at or before them removed.
    const kept: IndexMap[] = [];
    for (const map of this.maps) {
      const q = map.newIndex;
      // How many matches end at or before q (offsets are whole numbers: below q + 1); q is inside the next one when
      // it starts at or before q.
      const lo = countBelow(ends, q + 1);
      if (lo < count && starts[lo]! <= q) continue;
      map.newIndex = q - removedBefore[lo]!;
      kept.push(map);
    }
    this.byPosition = undefined;
    this.maps.length = 0;
    this.maps.push(...kept);
    for (const map of made) if (map) this.maps.push(map);
    this.src = pieces.join('');
    return this.src;
  }

  /** The library's bookkeeping for one replacement at `index` (an offset in the current text). */
  private track(index: number, length: number, replacement: string): void {
    this.byPosition = undefined;
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

/** The first map of each `newIndex` in a list sorted by it. */
function firstOfEach(sorted: readonly IndexMap[]): IndexMap[] {
  const out: IndexMap[] = [];
  for (const map of sorted) if (out.length === 0 || out[out.length - 1]!.newIndex !== map.newIndex) out.push(map);
  return out;
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
    textTokens.push({ text, index: tracker.originalIndex(newIndex) });
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
