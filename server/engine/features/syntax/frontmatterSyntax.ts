import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DiagnosticRule } from '../feature';

/**
 * The frontmatter is there and parses: a page without it has no title and no description,
 * and broken YAML fails the site's build.
 */
export const frontmatterSyntaxRule: DiagnosticRule = {
  name: 'frontmatter-syntax',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!ctx.location || ctx.location.kind === 'resource') return out;
    const fm = ctx.parsed.frontmatter;
    if (!fm) {
      const text = ctx.parsed.text;
      const firstLineEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
      const toml = text.startsWith('+++');
      out.push(
        diagnostic(
          ctx,
          { start: 0, end: firstLineEnd },
          'frontmatter.missing',
          toml
            ? 'istio.io pages use YAML frontmatter between `---` lines, not TOML (`+++`).'
            : 'This page has no frontmatter: start the file with `---`, the page\'s `title:` and other keys, and `---`.',
        ),
      );
      return out;
    }
    for (const p of fm.problems) {
      out.push(diagnostic(ctx, p.range, p.code, p.message));
    }
    return out;
  },
};
