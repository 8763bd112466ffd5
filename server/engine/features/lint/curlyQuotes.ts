import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';

/**
 * English pages may not hold `“` anywhere ("Ensure content only uses standard quotation marks and not “"), in code
 * too: the script greps the file itself. The fix straightens it, and the `”` that closes it on the same line.
 */
export function curlyQuoteDiagnostics(ctx: DocumentContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = ctx.parsed.text;
  let k = text.indexOf('“');
  while (k >= 0) {
    const lineEnd = text.indexOf('\n', k) < 0 ? text.length : text.indexOf('\n', k);
    const close = text.indexOf('”', k);
    const edits = [{ range: ctx.range({ start: k, end: k + 1 }), newText: '"' }];
    if (close > k && close < lineEnd) edits.push({ range: ctx.range({ start: close, end: close + 1 }), newText: '"' });
    out.push(
      diagnostic(ctx, { start: k, end: k + 1 }, 'lint.curly-quote', 'Fails `make lint`: English pages use straight quotes `"`, never `“`.', {
        fixes: [{ title: 'Use straight quotes', edits, isPreferred: true }],
      }),
    );
    k = text.indexOf('“', k + 1);
  }
  return out;
}
