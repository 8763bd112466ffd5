import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import type { PageFrontmatter } from './pageFrontmatter';
import { boolProp } from './schemaModel';

/**
 * `target_release: 1.10` is the number 1.1 to YAML (and to Hugo): a version must be quoted. A bare number that
 * loses nothing (`1.5`) is reported as information only; one that changes (`1.10`, `1.0`) is a warning.
 */
export function checkVersionNumbers(ctx: DocumentContext, page: PageFrontmatter): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of page.fm.entries) {
    if (typeof entry.value !== 'number' || entry.rawValue === undefined || !entry.plain) continue;
    const field = page.schema.fields.field(entry.key.toLowerCase());
    if (!field || !boolProp(field.schema, 'x-quote-number')) continue;
    const raw = entry.rawValue;
    const read = String(entry.value);
    const lossy = read !== raw;
    const message = lossy
      ? `\`${entry.key}: ${raw}\` is read as the number ${read}: quote it (\`"${raw}"\`).`
      : `\`${entry.key}\` is written as a bare number; quote it (\`"${raw}"\`) so that a version such as \`1.10\` is not read as 1.1.`;
    out.push(
      diagnostic(
        ctx,
        entry.valueRange,
        'frontmatter.version-number',
        message,
        {
          // A number that reads back as written is only a risk for the next edit.
          severity: lossy ? 'warning' : 'information',
          fixes: [{ title: `Quote it: \`"${raw}"\``, edits: [{ range: ctx.range(entry.valueRange), newText: `"${raw}"` }], isPreferred: true }],
        },
      ),
    );
  }
  return out;
}
