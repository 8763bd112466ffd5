import type { Diagnostic } from 'vscode-languageserver-types';
import { LineEnds } from '../../parser/textScan';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import type { DiagnosticRule } from '../feature';
import { newFrontmatter, titleOfPage } from '../newPage';
import type { Fix } from '../quickFix';

/**
 * The frontmatter is there and parses: a page without it has no title and no description,
 * and broken YAML fails the site's build. `now` dates the frontmatter the quick fix inserts.
 */
export function frontmatterSyntaxRuleAt(now: () => Date): DiagnosticRule {
  return {
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
            toml
              ? 'istio.io pages use YAML frontmatter between `---` lines, not TOML (`+++`).'
              : 'This page has no frontmatter: start the file with `---`, the page\'s `title:` and other keys, and `---`.',
            // TOML frontmatter is converted by hand: YAML put before it would leave it in the body.
            toml ? {} : { fixes: [insertFrontmatter(ctx, now())] },
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
}

export const frontmatterSyntaxRule: DiagnosticRule = frontmatterSyntaxRuleAt(() => new Date());

/** The frontmatter of a new page of the kind the path says, before the text (after a blank line). */
function insertFrontmatter(ctx: DocumentContext, today: Date): Fix {
  const text = ctx.parsed.text;
  const { relPath, lang } = ctx.location!;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const fm = newFrontmatter({ relPath, lang, title: titleOfPage(text, relPath), today, eol });
  const blank = text.trim() === '' || text.startsWith(eol) ? '' : eol;
  const at = ctx.range({ start: 0, end: 0 });
  return { title: `Insert frontmatter for a ${fm.label}`, edits: [{ range: at, newText: fm.text + blank }], isPreferred: true };
}
