import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticRule } from '../feature';
import { checkAliasLanguage } from './aliasLanguage';
import { checkDescriptionPeriod } from './descriptionPeriod';
import { pageFrontmatter } from './pageFrontmatter';
import { checkBundleFiles } from './socialImage';
import { checkVersionNumbers } from './versionNumber';
import { checkYearFolder } from './yearFolder';

/** The rules of the real site that a JSON Schema cannot say: each lives in its own module. */
export const frontmatterSiteRule: DiagnosticRule = {
  name: 'frontmatter-site-rules',
  check(ctx) {
    const page = pageFrontmatter(ctx);
    if (!page || !page.valid) return [];
    // `concat`, not `push(...list)`: spreading a long list into arguments overflows the stack.
    return ([] as Diagnostic[]).concat(
      checkDescriptionPeriod(ctx, page),
      checkVersionNumbers(ctx, page),
      checkYearFolder(ctx, page),
      checkBundleFiles(ctx, page),
      checkAliasLanguage(ctx, page),
    );
  },
};
