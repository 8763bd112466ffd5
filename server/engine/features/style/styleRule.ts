import type { Diagnostic } from 'vscode-languageserver-types';
import { isDiagnosticCode } from '../../diagnostics/catalog';
import { diagnostic, type DiagnosticCode } from '../diagnostic';
import type { DiagnosticRule } from '../feature';
import { MAX_CHECKED_LINE, STYLE_KEPT, truncated } from '../lintLongLines';
import { lintPage, longLineRanges } from '../lintScope';
import { mdlDoc } from './mdlDoc';
import { type MdlStyle, parseMdlStyle } from './mdlStyle';
import { cacheKey } from '../../caches';

/**
 * `mdl --ignore-front-matter --style mdl.rb` of `make lint`, on the page as the script edits it, with the site's own
 * `mdl.rb` (read from the site root; a site without one gets no style check). Each finding sits on the page's line:
 * mdl itself prints a page whose frontmatter is followed by a blank line one line too low.
 */
/** The last `mdl.rb` parsed, per site. */
interface ParsedStyle {
  text?: string;
  style?: MdlStyle;
}
const PARSED = cacheKey<ParsedStyle>('mdl.rb parse');

export const styleRule: DiagnosticRule = {
  name: 'mdl-style',
  families: ['style'],
  check(ctx) {
    const page = lintPage(ctx);
    if (!page || !ctx.site) return [];
    const stylePath = `${ctx.site.layout.root === '/' ? '' : ctx.site.layout.root}/mdl.rb`;
    ctx.dependsOn(stylePath);
    const text = ctx.site.readStamped(stylePath);
    if (text === undefined) return [];
    // Parsed once per text of the file, in the site's caches (not module state): every page reads the same mdl.rb.
    const box = ctx.site.caches.get(PARSED, (): ParsedStyle => ({}));
    if (box.text !== text || !box.style) {
      box.text = text;
      box.style = parseMdlStyle(text);
    }
    const style = box.style;
    const doc = mdlDoc(truncated(page.copy.text, page.longLines));
    // The page's lines, only for a page with findings (most have none).
    let lines: string[] | undefined;
    const starts: number[] = [];
    const out: Diagnostic[] = [];
    for (const r of longLineRanges(page)) out.push(diagnostic(ctx, r, 'style.line-too-long', `This line of ${(r.end - r.start).toLocaleString('en-US')} characters is longer than ${MAX_CHECKED_LINE.toLocaleString('en-US')}: the mdl style checks read only its first ${STYLE_KEPT} here (\`make lint\` reads all of it).`));
    for (const { rule, params } of style.rules) {
      const code = styleCode(rule.id);
      for (const n of new Set(rule.check(doc, params))) {
        if (!lines) {
          lines = ctx.parsed.text.split('\n');
          let at = 0;
          for (const l of lines) {
            starts.push(at);
            at += l.length + 1;
          }
        }
        const index = n - 1 + doc.removed;
        const start = starts[Math.min(index, starts.length - 1)] ?? 0;
        // Past the cap a finding is counted, not built (a page of 80,000 quotes has as many MD028s).
        if (ctx.tally?.countPastCap(code, start)) continue;
        const end = start + (lines[index] ?? '').replace(/\r$/, '').length;
        out.push(diagnostic(ctx, { start, end }, code, `${rule.id} ${rule.description} (fails \`make lint\`: mdl with the site's mdl.rb).`, { data: { mdlLine: n + doc.offset } }));
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
