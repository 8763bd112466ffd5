import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_LANGUAGE } from '../../site/siteLayout';
import type { DiagnosticRule } from '../feature';
import { lintPage } from '../lintScope';
import { blockquoteDiagnostics } from './blockquotes';
import { curlyQuoteDiagnostics } from './curlyQuotes';
import { englishPathDiagnostics } from './englishPaths';
import { fenceDiagnostics } from './fences';
import { urlDiagnostics } from './urlRules';

/** The grep rules of istio.io's `make lint` (scripts/lint_site.sh), on the pages of the languages it checks. */
export const lintRule: DiagnosticRule = {
  name: 'make-lint',
  families: ['lint'],
  check(ctx) {
    const page = lintPage(ctx);
    if (!page) return [];
    const out: Diagnostic[] = [...urlDiagnostics(ctx, page), ...fenceDiagnostics(ctx), ...blockquoteDiagnostics(ctx)];
    // The script greps content/en only for `“`.
    if (page.lang === DEFAULT_LANGUAGE) out.push(...curlyQuoteDiagnostics(ctx));
    // …and content/zh only for English paths (the languages of links.json's `languagePrefixLint`).
    else out.push(...englishPathDiagnostics(ctx, page.lang));
    return out;
  },
};
