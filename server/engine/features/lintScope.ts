import { lintCopy, type LintCopy } from '../parser/lintCopy';
import type { ParsedDocument } from '../parser/parsedDocument';
import type { DocumentContext } from './documentContext';

/**
 * What `make lint` (scripts/lint_site.sh) looks at, shared by the families that reproduce it (lint, style, spelling):
 * `.md` pages under `content/<lang>/` for the languages of `istio.lint.languages`, and the edited copy of each.
 */
export interface LintPage {
  readonly lang: string;
  /** The page as the script's `sed` edits leave it. */
  readonly copy: LintCopy;
}

/** The copy of each parse, made once for the three families that read it. */
const copies = new WeakMap<ParsedDocument, LintCopy>();

export function lintPage(ctx: DocumentContext): LintPage | undefined {
  const loc = ctx.location;
  // The script's tools take `*.md` only (`find -name '*.md'`, `grep --include "*.md"`, mdl's `**/*.{md,markdown}`).
  if (!loc || loc.kind === 'resource' || !ctx.path.endsWith('.md')) return undefined;
  if (!ctx.settings.lint.languages.includes(loc.lang)) return undefined;
  let copy = copies.get(ctx.parsed);
  if (!copy) {
    copy = lintCopy(ctx.parsed.text);
    copies.set(ctx.parsed, copy);
  }
  return { lang: loc.lang, copy };
}
