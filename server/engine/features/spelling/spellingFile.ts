/**
 * The site's `.spelling`, read as mdspell's spell-config.js reads it: a line starting with `#` (first character) is
 * a comment, empty lines are skipped, `  - path` starts the words of one file, any other line is a word (trimmed).
 * The words before the first file section apply to every page.
 */
export interface SpellingFile {
  readonly global: readonly string[];
  /** File path as written after `- ` → its own words. */
  readonly files: ReadonlyMap<string, readonly string[]>;
  /** 0-based line index of each global word, to insert a new one in order. */
  readonly globalLines: readonly { readonly word: string; readonly line: number }[];
  /** The line where the file sections start (or the line count). */
  readonly globalEnd: number;
}

export function parseSpelling(text: string): SpellingFile {
  const lines = text.replace(/\r/g, '').split('\n');
  const global: string[] = [];
  const globalLines: { word: string; line: number }[] = [];
  const files = new Map<string, string[]>();
  let current: string[] | undefined;
  let globalEnd = lines.length;
  lines.forEach((line, i) => {
    if (!line || line.startsWith('#')) return;
    const file = /^\s*-\s+(.*)/.exec(line);
    if (file) {
      if (!current) globalEnd = i;
      current = [];
      files.set(file[1]!, current);
      return;
    }
    const word = line.trim();
    if (current) current.push(word);
    else {
      global.push(word);
      globalLines.push({ word, line: i });
    }
  });
  return { global, files, globalLines, globalEnd };
}

/** The words of `.spelling` for one page (`lang/rel` as the script's copy names it: `./en/blog/…`). */
export function wordsFor(file: SpellingFile, lang: string, relPath: string): readonly string[] {
  const own = file.files.get(`./${lang}/${relPath}`) ?? file.files.get(`${lang}/${relPath}`) ?? [];
  return own.length ? [...file.global, ...own] : file.global;
}

/**
 * Where "Add 'word' to .spelling" puts the word: among the global words, in the file's order (istio.io keeps them
 * sorted as `LC_ALL=C sort -f` sorts), or after the last global word when they are not sorted.
 * Returns the 0-based line to insert before.
 */
export function insertionLine(file: SpellingFile, word: string): number {
  const words = file.globalLines;
  // `sort -f` in the C locale folds to upper case: `_` sorts after the letters.
  const key = (w: string): string => w.toUpperCase();
  const sorted = words.every((w, i) => i === 0 || key(words[i - 1]!.word) <= key(w.word));
  if (sorted) {
    const next = words.find((w) => key(w.word) > key(word));
    if (next) return next.line;
  }
  const last = words[words.length - 1];
  return last ? last.line + 1 : Math.min(file.globalEnd, 0);
}
