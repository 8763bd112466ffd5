import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DiagnosticRule } from '../feature';
import { MAX_FINDINGS_PER_DOCUMENT } from '../findingsLimit';
import { replaceFix } from '../quickFix';
import { closingTagFix } from './closingTag';

/**
 * Shortcode tags are well formed and opening and closing tags match, as Hugo's parser requires. How bad each problem
 * is comes from the catalog: a malformed `{< … >}}` renders as text rather than failing the build.
 */
export const shortcodeSyntaxRule: DiagnosticRule = {
  name: 'shortcode-syntax',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!ctx.location || ctx.location.kind === 'resource') return out;
    for (const p of ctx.parsed.shortcodes.problems) {
      const fixes = p.fix ? [replaceFix(p.fix.title, ctx.range(p.fix.range), p.fix.newText, true)] : [];
      out.push(diagnostic(ctx, p.range, p.code, p.message, { fixes }));
    }
    // A closing-tag fix looks ahead for where the shortcode ends: made for as many problems as a page can show
    // (the findings cap), so a page of thousands of unclosed tags does not cost a look-ahead each.
    let fixable = MAX_FINDINGS_PER_DOCUMENT;
    for (const p of ctx.parsed.tree.problems) {
      const fixes = p.rename
        ? [replaceFix(`Write \`{{< /${p.rename.name} >}}\``, ctx.range(p.rename.range), p.rename.name, true)]
        : p.open && fixable-- > 0
          ? [closingTagFix(ctx, p.open)]
          : [];
      out.push(diagnostic(ctx, p.range, p.code, p.message, { data: { name: p.name }, fixes }));
    }
    return out;
  },
};
