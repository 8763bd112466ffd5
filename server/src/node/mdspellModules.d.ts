// Types for the parts of npm markdown-spellcheck 1.3.1 (mdspell) and hunspell-spellchecker 1.0.2 the spelling
// adapter uses; neither package ships types.
declare module 'markdown-spellcheck/es5/markdown-parser' {
  const parse: { default(src: string): { text: string; index: number }[] };
  export = parse;
}
declare module 'markdown-spellcheck/es5/word-parser' {
  const words: { default(tokens: { text: string; index: number }[]): { word: string; index: number }[] };
  export = words;
}
declare module 'markdown-spellcheck/es5/filters' {
  const filters: { default: { filter(words: { word: string; index: number }[], options: { ignoreAcronyms?: boolean; ignoreNumbers?: boolean }): { word: string; index: number }[] } };
  export = filters;
}
declare module 'hunspell-spellchecker' {
  interface DictionaryData {
    dictionaryTable: Record<string, unknown>;
  }
  class Spellchecker {
    dict: DictionaryData;
    parse(files: { aff: Buffer; dic: Buffer }): DictionaryData;
    use(dictionary: DictionaryData): void;
    check(word: string): boolean;
  }
  export = Spellchecker;
}
