/**
 * The spelling port: what `mdspell` (npm markdown-spellcheck) does with a Markdown text and a word, injected by the
 * Node adapters, which load its hunspell en_US dictionary and its own Markdown and word parsers. The engine owns the
 * site's side: which pages, the script's edits, the site's `.spelling`, the positions, the fixes.
 */
export interface SpellingWord {
  readonly word: string;
  /** UTF-16 offset in the text given to `words`. */
  readonly index: number;
}

export interface WordChecker {
  /** The words mdspell checks in a Markdown text, after its acronym and number filters, in order. */
  words(markdown: string): readonly SpellingWord[];
  /** mdspell's verdict: the dictionary, plus the extra words it was made with. */
  correct(word: string): boolean;
  /** Replacements, best first (may be slow: asked for by a quick fix only). */
  suggest(word: string): readonly string[];
}

/**
 * A checker that also accepts `extraWords` (the site's `.spelling`), as mdspell adds them to its dictionary; or
 * `undefined` while the dictionary is still loading (the adapter has the pages checked again once it is ready).
 */
export type SpellCheckerFactory = (extraWords: readonly string[]) => WordChecker | undefined;
