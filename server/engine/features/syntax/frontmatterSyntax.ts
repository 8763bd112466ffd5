import type { Diagnostic } from 'vscode-languageserver-types';
import { LineEnds } from '../../parser/textScan';
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
      // Any LSP line end, a lone `\r` too: the range is the first line, not the whole file.
      const firstLineEnd = new LineEnds(text).end(0);
      const toml = text.startsWith('+++');
      out.push(
        diagnostic(
          ctx,
          { start: 0, end: firstLineEnd },
          'frontmatter.missing',
          'error',
          toml
            ? 'istio.io pages use YAML frontmatter between `---` lines, not TOML (`+++`).'
            : 'This page has no frontmatter: start the file with `---`, the page\'s `title:` and other keys, and `---`.',
        ),
      );
      return out;
    }
    for (const p of fm.problems) {
      out.push(diagnostic(ctx, p.range, p.code, p.code === 'frontmatter.duplicate-key' ? 'warning' : 'error', p.message));
    }
    return out;
  },
};
