import { lintCopy, type LintCopy } from '../parser/lintCopy';
import type { ParsedDocument } from '../parser/parsedDocument';
import type { DocumentContext } from './documentContext';
import { type LongLine, longLines } from './lintLongLines';

/**
 * What `make lint` (scripts/lint_site.sh) looks at, shared by the families that reproduce it (lint, style, spelling):
 * `.md` pages under `content/<lang>/` for the languages of `istio.lint.languages`, and the edited copy of each.
 */
export interface LintPage {
  readonly lang: string;
  /** The page as the script's `sed` edits leave it. */
  readonly copy: LintCopy;
  /** The copy's lines too long for the spelling and style checks (lintLongLines.ts). */
  readonly longLines: readonly LongLine[];
}

interface Copy {
  readonly copy: LintCopy;
  readonly longLines: readonly LongLine[];
}

/** The copy of each parse, made once for the three families that read it. */
const copies = new WeakMap<ParsedDocument, Copy>();

export function lintPage(ctx: DocumentContext): LintPage | undefined {
  const loc = ctx.location;
  // The script's tools take `*.md` only (`find -name '*.md'`, `grep --include "*.md"`, mdl's `**/*.{md,markdown}`).
  if (!loc || loc.kind === 'resource' || !ctx.path.endsWith('.md')) return undefined;
  if (!ctx.settings.lint.languages.includes(loc.lang)) return undefined;
  let made = copies.get(ctx.parsed);
  if (!made) {
    const copy = lintCopy(ctx.parsed.text);
    made = { copy, longLines: longLines(copy.text) };
    copies.set(ctx.parsed, made);
  }
  return { lang: loc.lang, ...made };
}

/**
 * The page's over-long lines (lintLongLines.ts) as ranges of the page, not of the copy: where the spelling and style
 * rules say what they left out.
 */
export function longLineRanges(page: LintPage): { start: number; end: number }[] {
  return page.longLines.map(([s, e]) => {
    const start = page.copy.toOriginal(s);
    return { start, end: Math.max(start, page.copy.toOriginal(e)) };
  });
}
