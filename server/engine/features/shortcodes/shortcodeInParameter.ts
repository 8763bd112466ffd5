import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DiagnosticRule } from '../feature';
import { appliesTo } from './lookup';

/** A `{{<` or `{{%` in a value, up to its `>}}`/`%}}` (or the value's end). */
const TAG_IN_VALUE = /\{\{[<%][^]*?(?:[>%]\}\}|$)/g;

/**
 * Hugo's lexer reads a quoted parameter to its closing quote as plain text, so a shortcode written inside one is never
 * run: `caption="… pointed to {{< istio_full_version_revision >}}"` (content/*\/boilerplates/revision-tags-prologue.md)
 * builds, and the figure's caption shows the tag as written (Hugo 0.131, test/hugo/shortcodeTags.test.ts).
 */
export const shortcodeInParameterRule: DiagnosticRule = {
  name: 'shortcode-in-parameter',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!appliesTo(ctx)) return out;
    const text = ctx.parsed.text;
    for (const tag of ctx.parsed.shortcodes.tags) {
      for (const param of tag.params) {
        if (param.quote === undefined || param.unterminated) continue;
        const { start, end } = param.innerRange;
        const written = text.slice(start, end);
        if (!written.includes('{{')) continue;
        const where = param.name ? `\`${param.name}\`` : `parameter ${param.index + 1}`;
        for (const m of written.matchAll(TAG_IN_VALUE)) {
          const span = { start: start + m.index, end: start + m.index + m[0].length };
          out.push(
            diagnostic(
              ctx,
              span,
              'shortcode.in-parameter',
              `Hugo does not run a shortcode inside a quoted parameter: \`${m[0]}\` is printed as written in ${where} of \`${tag.name}\`.`,
            ),
          );
        }
      }
    }
    return out;
  },
};
