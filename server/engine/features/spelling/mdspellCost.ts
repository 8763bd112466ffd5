/**
 * An upper estimate of the work mdspell's Markdown parser (markdown-spellcheck 1.3 over marked 0.3) does on a text,
 * computed in one pass. Its time grows with the square of the input in three places, each a product counted here:
 * - its tracking replacement removed each code span, `{{…}}`, `{%…%}`, entity and HTML tag by searching the page
 *   again from the start and rebuilding it: (backticks, `&`, `<`, `~`) × the page's length. The port
 *   (server/src/node/mdspellTokens.ts) does most of them in one pass, but still restarts for HTML tags and
 *   `{% highlight`, as the library must; the estimate keeps the library's bound;
 * - marked's inline rules (links, images, HTML, code, emphasis) retry from every opener to the end of the paragraph:
 *   (openers in a block) × the block's length, for each block between blank lines;
 * - `\{\{.*\}\}` and `\{%.*%\}` retry from every `{` to the end of the line: (`{` in a line) × the line's length.
 * On istio.io's pages it stays under 40 million (the largest page, 63 KB, 38 million, checked in 20 ms); a page of
 * 40 KB of `![a](` on short lines comes to a billion, and took 1.6 s (a minute at 300 KB).
 */
export function mdspellCost(text: string): number {
  const n = text.length;
  let global = 0;
  let blocks = 0;
  let lines = 0;
  let blockOpeners = 0;
  let blockLength = 0;
  let lineBraces = 0;
  let lineLength = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === NL) {
      lines += lineBraces * lineLength;
      lineBraces = 0;
      lineLength = 0;
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
      if (j < n && text.charCodeAt(j) === NL) {
        blocks += blockOpeners * blockLength;
        blockOpeners = 0;
        blockLength = 0;
      }
      blockLength++;
      continue;
    }
    lineLength++;
    blockLength++;
    const kind = c < 128 ? KIND[c]! : 0;
    if (kind === 0) continue;
    if (kind & TRACKED) global++;
    if (kind & BRACE) lineBraces++;
    if (kind & OPENER) blockOpeners++;
  }
  return global * n + blocks + blockOpeners * blockLength + lines + lineBraces * lineLength;
}

/**
 * Above this the page is not spell-checked in the editor: four times the largest real page's estimate, a fraction of
 * a second at the slowest rate measured (1.6 ms per million).
 */
export const MAX_MDSPELL_COST = 150_000_000;

const NL = 10;
const SPACE = 32;
const TAB = 9;
/** Bits of KIND. */
const TRACKED = 1;
const BRACE = 2;
const OPENER = 4;
/**
 * What each ASCII character counts for (a table: a `Set` look-up per character made the pass 10× slower).
 * TRACKED: characters every match of the tracking replacement's patterns contains, `` ` `` `&` `<` `~`.
 * OPENER: characters marked's inline rules start at, `[` `<` `` ` `` `*` `_` `!` `\` `&` `(`.
 */
const KIND = new Uint8Array(128);
for (const c of '`&<~') KIND[c.charCodeAt(0)]! |= TRACKED;
KIND['{'.charCodeAt(0)]! |= BRACE;
for (const c of '[<`*_!\\&(') KIND[c.charCodeAt(0)]! |= OPENER;
