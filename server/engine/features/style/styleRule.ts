import type { Diagnostic } from 'vscode-languageserver-types';
import { isDiagnosticCode } from '../../diagnostics/catalog';
import { diagnostic, type DiagnosticCode } from '../diagnostic';
import type { DiagnosticRule } from '../feature';
import { MAX_CHECKED_LINE, STYLE_KEPT, truncated } from '../lintLongLines';
import { lintPage } from '../lintScope';
import { mdlDoc } from './mdlDoc';
import { parseMdlStyle } from './mdlStyle';

/**
 * `mdl --ignore-front-matter --style mdl.rb` of `make lint`, on the page as the script edits it, with the site's own
 * `mdl.rb` (read from the site root; a site without one gets no style check). Each finding sits on the page's line:
 * mdl itself prints a page whose frontmatter is followed by a blank line one line too low.
 */
export const styleRule: DiagnosticRule = {
  name: 'mdl-style',
  check(ctx) {
    const page = lintPage(ctx);
    if (!page || !ctx.site) return [];
    const stylePath = `${ctx.site.layout.root === '/' ? '' : ctx.site.layout.root}/mdl.rb`;
    ctx.dependsOn(stylePath);
    const text = ctx.site.readText(stylePath);
    if (text === undefined) return [];
    // A dozen lines of Ruby: parsed on each check rather than cached in module state.
    const style = parseMdlStyle(text);
    const doc = mdlDoc(truncated(page.copy.text, page.longLines));
    const lines = ctx.parsed.text.split('\n');
    const starts: number[] = [];
    let at = 0;
    for (const l of lines) {
      starts.push(at);
      at += l.length + 1;
    }
    const out: Diagnostic[] = [];
    for (const [s, e] of page.longLines) {
      const start = page.copy.toOriginal(s);
      const end = Math.max(start, page.copy.toOriginal(e));
      out.push(
        diagnostic(ctx, { start, end }, 'style.line-too-long', `This line of ${(end - start).toLocaleString('en-US')} characters is longer than ${MAX_CHECKED_LINE.toLocaleString('en-US')}: the mdl style checks read only its first ${STYLE_KEPT} here (\`make lint\` reads all of it).`),
      );
    }
    for (const { rule, params } of style.rules) {
      for (const n of new Set(rule.check(doc, params))) {
        const index = n - 1 + doc.removed;
        const start = starts[Math.min(index, starts.length - 1)] ?? 0;
        const end = start + (lines[index] ?? '').replace(/\r$/, '').length;
        out.push(diagnostic(ctx, { start, end }, styleCode(rule.id), `${rule.id} ${rule.description} (fails \`make lint\`: mdl with the site's mdl.rb).`, { data: { mdlLine: n + doc.offset } }));
      }
    }
    return out;
  },
};

/** `MD009` → `style.md009`, a code of the catalog (whose unit test holds every mdl rule to one). */
function styleCode(id: string): DiagnosticCode {
  const code = `style.${id.toLowerCase()}`;
  if (!isDiagnosticCode(code)) throw new Error(`mdl rule ${id} has no code in server/data/diagnostics.json`);
  return code;
}
