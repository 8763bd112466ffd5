import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import type { DiagnosticRule } from '../feature';
import { lintPage, longLineRanges } from '../lintScope';
import { cacheKey } from '../../caches';
import { blanked } from '../lintLongLines';
import { MAX_MDSPELL_COST, mdspellCost } from './mdspellCost';
import { parseSpelling, type SpellingFile, wordsFor } from './spellingFile';

/** The last `.spelling` parsed, per site: every page reads the same 1,500 lines. */
interface ParsedSpelling {
  text?: string;
  file?: SpellingFile;
}
const PARSED = cacheKey<ParsedSpelling>('.spelling parse');

/** The site's `.spelling` as mdspell reads it (undefined: the site has none). */
export function siteSpelling(ctx: DocumentContext, path: string): { text: string; file: SpellingFile } | undefined {
  const text = ctx.site?.readStamped(path);
  if (text === undefined || !ctx.site) return undefined;
  const box = ctx.site.caches.get(PARSED, (): ParsedSpelling => ({}));
  if (box.text !== text || !box.file) {
    box.text = text;
    box.file = parseSpelling(text);
  }
  return { text, file: box.file };
}

/** The site's `.spelling`, at the root of the site (as the script copies it next to the content). */
export function spellingPath(ctx: DocumentContext): string | undefined {
  return ctx.site ? `${ctx.site.layout.root === '/' ? '' : ctx.site.layout.root}/.spelling` : undefined;
}

/**
 * `mdspell --en-us --ignore-acronyms --ignore-numbers` of `make lint`, on the page as the script edits it (text
 * blocks are fences, `link=`/`url=` values and heading anchors gone), with the site's `.spelling`. zh pages are
 * checked against the English dictionary as the script does, so only Latin-script words can fail there.
 */
export const spellingRule: DiagnosticRule = {
  name: 'mdspell',
  families: ['spelling'],
  check(ctx) {
    const page = lintPage(ctx);
    const path = spellingPath(ctx);
    if (!page || !ctx.spelling || !path || !ctx.location) return [];
    ctx.dependsOn(path);
    // A site without `.spelling` does not run mdspell (istio.io has one): no list of the site's words, no check.
    const spelling = siteSpelling(ctx, path);
    if (!spelling) return [];
    const file = spelling.file;
    const checker = ctx.spelling(wordsFor(file, page.lang, ctx.location.relPath));
    // Still loading: the other checks go out now, spelling findings when the adapter re-checks.
    if (!checker) return [];
    const out: Diagnostic[] = [];
    for (const r of longLineRanges(page)) out.push(diagnostic(ctx, r, 'spelling.line-too-long', `This line of ${(r.end - r.start).toLocaleString('en-US')} characters is not spell-checked here: mdspell's time on a line grows with the square of its length (\`make lint\` still checks it).`));
    const text = blanked(page.copy.text, page.longLines);
    const cost = mdspellCost(text);
    if (cost > MAX_MDSPELL_COST) {
      // Hostile or generated text: rather than stall every check of the page, say that spelling was left out.
      const end = ctx.parsed.text.indexOf('\n');
      out.push(
        diagnostic(ctx, { start: 0, end: end < 0 ? ctx.parsed.text.length : end }, 'spelling.page-too-costly', `This page is not spell-checked here: mdspell's parser would take too long on it (an estimated ${Math.round(cost / 1e6).toLocaleString('en-US')} million steps, over the ${MAX_MDSPELL_COST / 1e6} million allowed: its time grows with the square of a paragraph's links, code spans and tags). \`make lint\` still checks it.`),
      );
      return out;
    }
    for (const w of checker.words(text)) {
      if (checker.correct(w.word)) continue;
      const start = page.copy.toOriginal(w.index);
      if (ctx.tally?.countPastCap('spelling.unknown-word', start)) continue;
      out.push(
        diagnostic(ctx, { start, end: start + w.word.length }, 'spelling.unknown-word', `Unknown word \`${w.word}\` (fails \`make lint\`: mdspell with the site's .spelling).`, { data: { word: w.word } }),
      );
    }
    return out;
  },
};
