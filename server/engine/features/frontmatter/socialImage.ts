import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import { CLOSEST_KEYS, didYouMean } from '../didYouMean';
import type { DocumentContext } from '../documentContext';
import { dirname, extname } from '../../site/paths';
import type { PageFrontmatter } from './pageFrontmatter';
import { boolProp } from './schemaModel';

/**
 * `social_image:` names a file of the page's own bundle (the template reads it with `.Resources.Get`):
 * a name that is not there gives the page no preview image.
 */
export function checkBundleFiles(ctx: DocumentContext, page: PageFrontmatter): Diagnostic[] {
  const site = ctx.site;
  if (!site) return [];
  const out: Diagnostic[] = [];
  for (const field of page.schema.fields.all()) {
    if (!boolProp(field.schema, 'x-bundle-file')) continue;
    const entry = page.fm.byKey.get(field.key);
    if (!entry || typeof entry.value !== 'string' || entry.value === '') continue;
    const name = entry.value;
    if (page.location.kind === 'leaf') {
      out.push(
        diagnostic(ctx, entry.valueRange, 'frontmatter.bundle-file', `\`${entry.key}\` needs a page bundle (\`<name>/index.md\` with the image beside it); a single-file page has no resources.`),
      );
      continue;
    }
    const dir = dirname(ctx.path);
    const path = `${dir}/${name.replace(/^\.\//, '')}`;
    ctx.dependsOn(path);
    if (!/^[a-z]+:/i.test(name) && site.exists(path)) continue;
    const files = site.filesIn(dir).filter((f) => !/\.(md|markdown)$/i.test(f) && (extname(f) !== '' || f === name));
    const suggestions = didYouMean(name, files, CLOSEST_KEYS);
    out.push(
      diagnostic(
        ctx,
        entry.valueRange,
        'frontmatter.bundle-file',
        `\`${name}\` is not a file of this page's bundle (\`${dir.slice(dir.lastIndexOf('/') + 1)}/\`).${suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : ''}`,
        suggestions.length > 0
          ? { fixes: suggestions.map((s) => ({ title: `Use \`${s}\``, edits: [{ range: ctx.range(entry.valueRange), newText: s }] })) }
          : {},
      ),
    );
  }
  return out;
}
