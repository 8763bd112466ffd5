import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import { replaceFix } from '../quickFix';
import type { DiagnosticRule } from '../feature';

/**
 * A `}` or `>` right after a tag's `>}}` (`{{< /tip >}}}`): what an editor's auto-closing leaves behind. Hugo ends the
 * tag at the first `>}}` and prints the rest on the page. Inside code bodies (`{{< text >}}`) it may be the code's own
 * brace, so only Markdown is checked.
 */
export const strayBraceRule: DiagnosticRule = {
  name: 'stray-brace',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!ctx.location || ctx.location.kind === 'resource') return out;
    const { text, shortcodes, nonMarkdown } = ctx.parsed;
    for (const tag of shortcodes.tags) {
      if (tag.unterminated) continue;
      const end = tag.range.end;
      const region = nonMarkdown.find(tag.range.start);
      if (region && region.start < tag.range.start && end < region.end) continue;
      let stop = end;
      while (stop < text.length && stop - end < 8 && (text[stop] === '}' || text[stop] === '>')) stop++;
      if (stop === end) continue;
      const stray = text.slice(end, stop);
      const span = { start: end, end: stop };
      out.push(
        diagnostic(ctx, span, 'shortcode.stray-brace', `Hugo prints this \`${stray}\` on the page: the tag already ended with \`${tag.delimiter === '%' ? '%}}' : '>}}'}\`.`, {
          fixes: [replaceFix(`Remove the stray \`${stray}\``, ctx.range(span), '', true)],
        }),
      );
    }
    return out;
  },
};
