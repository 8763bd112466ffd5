import type { Diagnostic } from 'vscode-languageserver-types';
import { validId } from '../../parser/headingIds';
import { diagnostic } from '../diagnostic';
import { replaceFix } from '../quickFix';
import type { DiagnosticRule } from '../feature';

/**
 * A heading's `{#…}` that Goldmark does not parse (`{#am-i-impacted?}`, `{#sidecar=mode}`, `{#two words}`): Hugo
 * prints it on the live page and gives the heading its automatic id, so links and translations that rely on the
 * written id break. Found on published istio.io pages; the rule mirrors Goldmark's attribute parser (headingIds.ts).
 */
export const headingIdSyntaxRule: DiagnosticRule = {
  name: 'heading-id-syntax',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!ctx.location || ctx.location.kind === 'resource') return out;
    const text = ctx.parsed.text;
    for (const h of ctx.parsed.markdown.headings) {
      const literal = h.literalAttributes;
      if (!literal) continue;
      const written = text.slice(literal.start, literal.end);
      const inner = /^\{[ \t]*#([^}]*)\}$/.exec(written);
      const id = inner ? validId(inner[1]!) : '';
      const message =
        `Hugo does not read \`${written.length > 60 ? written.slice(0, 57) + '…' : written}\` as the heading's id: it prints it on the page, ` +
        `and the heading's id is \`${h.id}\`. An id holds letters, digits, \`-\`, \`_\`, \`:\` and \`.\` only, and nothing may follow it.`;
      const fixes = id ? [replaceFix(`Use the id \`${id}\``, ctx.range(literal), `{#${id}}`, true)] : [];
      out.push(diagnostic(ctx, literal, 'heading.invalid-id', message, { fixes, data: { id: h.id } }));
    }
    return out;
  },
};
