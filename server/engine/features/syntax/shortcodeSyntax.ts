import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DiagnosticRule } from '../feature';
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
      out.push(diagnostic(ctx, p.range, p.code, p.message));
    }
    for (const p of ctx.parsed.tree.problems) {
      out.push(diagnostic(ctx, p.range, p.code, p.message, { data: { name: p.name }, fixes: p.open ? [closingTagFix(ctx, p.open)] : [] }));
    }
    return out;
  },
};
