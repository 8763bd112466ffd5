import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DiagnosticRule } from '../feature';
import { appliesTo, namedParam } from './lookup';
import { replaceFix } from '../quickFix';

/** `image.html` fails the build when a caption ends with `.` ("Image caption ends with a period"); `。` is fine. */
export const imageCaptionRule: DiagnosticRule = {
  name: 'image-caption',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!appliesTo(ctx)) return out;
    const text = ctx.parsed.text;
    for (const tag of ctx.parsed.shortcodes.tags) {
      if (tag.kind !== 'open' || tag.name !== 'image') continue;
      const caption = namedParam(tag, 'caption');
      if (!caption || caption.unterminated || !caption.value.endsWith('.')) continue;
      // The period as written (the value is unescaped, the text is not).
      const end = caption.innerRange.end;
      if (text[end - 1] !== '.') continue;
      let start = end - 1;
      while (start > caption.innerRange.start && text[start - 1] === '.') start--;
      out.push(
        diagnostic(ctx, caption.innerRange, 'image.caption-period', 'An image caption must not end with a period: the build fails.', {
          fixes: [replaceFix('Remove the trailing period', ctx.range({ start, end }), '', true)],
        }),
      );
    }
    return out;
  },
};
