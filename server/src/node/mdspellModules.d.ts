// Types for the parts of npm markdown-spellcheck 1.3.1 (mdspell), its marked 0.3.19 and hunspell-spellchecker 1.0.2
// the spelling adapter uses; none of them ships types.
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
declare module 'marked' {
  /** marked 0.3.19, as mdspell's Markdown parser uses it: the part the plain-text shortcut replaces. */
  const marked: { InlineLexer: { prototype: { output(src: string): string } } };
  export = marked;
}
declare module 'hunspell-spellchecker' {
  interface DictionaryData {
    dictionaryTable: Record<string, unknown>;
    flags: Record<string, string>;
    compoundRules: RegExp[];
  }
  class Spellchecker {
    dict: DictionaryData;
    parse(files: { aff: Buffer; dic: Buffer }): DictionaryData;
    use(dictionary: DictionaryData): void;
    check(word: string): boolean;
  }
  export = Spellchecker;
}
declare module 'hunspell-spellchecker/lib/dictionary' {
  interface AffixRule {
    type: 'PFX' | 'SFX';
    combineable: boolean;
  }
  /** The parts of the library's parser that server/src/node/hunspell.ts reuses. */
  class Dictionary {
    rules: Record<string, AffixRule | undefined>;
    flags: Record<string, string>;
    compoundRules: unknown[];
    compoundRuleCodes: Record<string, string[]>;
    _parseAFF(data: string): Record<string, AffixRule | undefined>;
    _removeDicComments(data: string): string;
    parseRuleCodes(textCodes: string): string[];
    _applyRule(word: string, rule: AffixRule): string[];
  }
  export = Dictionary;
}
