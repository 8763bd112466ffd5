import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, type Severity } from '../diagnostic';
import type { DiagnosticRule } from '../feature';

/** How bad each structural problem is. A malformed `{< … >}}` renders as text rather than failing the build. */
const SEVERITY: Record<string, Severity> = {
  'shortcode.unterminated': 'error',
  'shortcode.missing-name': 'error',
  'shortcode.malformed-delimiter': 'warning',
  'shortcode.unterminated-string': 'error',
  'shortcode.unterminated-comment': 'error',
  'shortcode.unclosed': 'error',
  'shortcode.mismatched-closing': 'error',
  'shortcode.stray-closing': 'error',
  'shortcode.closing-not-allowed': 'error',
};

/** Shortcode tags are well formed and opening and closing tags match, as Hugo's parser requires. */
export const shortcodeSyntaxRule: DiagnosticRule = {
  name: 'shortcode-syntax',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!ctx.location || ctx.location.kind === 'resource') return out;
    for (const p of ctx.parsed.shortcodes.problems) {
      out.push(diagnostic(ctx, p.range, p.code, SEVERITY[p.code] ?? 'error', p.message));
    }
    for (const p of ctx.parsed.tree.problems) {
      out.push(diagnostic(ctx, p.range, p.code, SEVERITY[p.code] ?? 'error', p.message, { name: p.name }));
    }
    return out;
  },
};
