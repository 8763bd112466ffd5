/**
 * A shortcut in the old `marked` (0.3.19) that mdspell's Markdown parser runs (markdown-spellcheck 1.3.1,
 * `es5/markdown-parser.js`): its inline lexer tries thirteen patterns at each step, the last being a lazy
 * `[\s\S]+?` whose lookahead is tried at every character; that was the largest part of a spelling check, and the
 * spelling check the largest part of a CLI run. Most block texts mdspell hands it (list items, headings, plain
 * paragraphs: its parser has already removed code spans and HTML tags) hold no character any inline pattern starts
 * with, and then the lexer's whole work is one `text` match of the whole string, rendered as `escape(text)`. That
 * case is answered directly; any other text goes through the lexer unchanged.
 *
 * Why the answer is the same, pattern by pattern, for the GFM rules (`gfm: true`, no `breaks`, no `pedantic`, which
 * is how mdspell calls it): `escape` needs `\`, `autolink` and `tag` need `<`, `url` needs `://`, `www.` or `@`,
 * `link`, `reflink` and `nolink` need `[`, `strong` and `em` need `*` or `_`, `code` needs a backtick, `br` needs two
 * spaces before a line break, `del` needs `~`; and `text`'s lookahead (`[\\<!\[`*~]`, `https?://`, `ftp://`, `www.`,
 * a run before `@`, `\b_`, two spaces before a line break, or the end) then holds only at the end of the string.
 * test/unit/node/mdspellWords.test.ts compares the library's parser with and without the shortcut on every page.
 */

/** The characters an inline pattern of marked 0.3.19 (GFM) can start with, or its `text` pattern stop at. */
const SPECIAL = /[\\<!\[`*~_@]|:\/\/|www\.| {2}\n/;

interface InlineLexerLike {
  options: { gfm?: boolean; breaks?: boolean; pedantic?: boolean; smartypants?: boolean };
  renderer: { text(text: string): unknown };
}

/** marked 0.3.19's `escape(html)` (`encode` unset), which the lexer applies to text before rendering it. */
function escapeHtml(html: string): string {
  return html
    .replace(/&(?!#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const PATCHED = Symbol.for('istio-authoring.marked-plain-text');

/** Installs the shortcut on marked's inline lexer (once; only on the version it was proven for). */
export function installPlainTextShortcut(marked: { InlineLexer: { prototype: { output(src: string): string } } }, version: string): boolean {
  if (version !== '0.3.19') return false;
  const proto = marked.InlineLexer.prototype as { output(src: string): string; [PATCHED]?: true };
  if (proto[PATCHED]) return true;
  const original = proto.output;
  proto.output = function (this: InlineLexerLike, src: string): string {
    const o = this.options;
    if (src && o.gfm && !o.breaks && !o.pedantic && !o.smartypants && !SPECIAL.test(src)) {
      // `out += this.renderer.text(…)` on an empty `out`, as the lexer builds its result.
      return '' + String(this.renderer.text(escapeHtml(src)));
    }
    return original.call(this, src);
  };
  proto[PATCHED] = true;
  return true;
}
