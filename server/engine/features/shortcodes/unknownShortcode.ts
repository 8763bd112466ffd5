import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { templatePath } from '../../catalog/siteCatalog';
import { diagnostic } from '../diagnostic';
import { didYouMean, NEAR_NAMES } from '../didYouMean';
import type { DiagnosticRule } from '../feature';
import { appliesTo, nodeOf } from './lookup';
import type { Fix } from '../quickFix';

/**
 * Every shortcode exists: Hugo fails the build on a name without a template ("template for shortcode … not found").
 * Deprecated Hugo built-ins get a hint.
 */
export const unknownShortcodeRule: DiagnosticRule = {
  name: 'shortcode-unknown',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!appliesTo(ctx)) return out;
    let names: readonly string[] | undefined;
    for (const tag of ctx.parsed.shortcodes.tags) {
      if (tag.kind !== 'open') continue;
      const info = ctx.catalog.get(tag.name);
      // A template created for this name on disk must make the diagnostic go away.
      if (ctx.location) ctx.dependsOn(templatePath(ctx.location.siteRoot, tag.name));
      if (info) {
        if (info.status === 'deprecated') {
          const d = diagnostic(ctx, tag.nameRange, 'shortcode.deprecated', `\`${tag.name}\` is deprecated. ${info.description}`);
          d.tags = [DiagnosticTag.Deprecated];
          out.push(d);
        }
        continue;
      }
      names ??= ctx.catalog.names().filter((n) => ctx.catalog.get(n)?.status !== 'deprecated');
      const suggestions = didYouMean(tag.name, names, NEAR_NAMES);
      const hint = suggestions.length ? ` Did you mean \`${suggestions[0]}\`?` : '';
      const range = ctx.range(tag.nameRange);
      const closing = nodeOf(ctx.parsed, tag)?.close;
      const fixes = suggestions.map((s, i): Fix => ({
        title: `Change to \`${s}\``,
        // Both tags: renaming only the opening one would leave a stray closing tag.
        edits: closing ? [{ range, newText: s }, { range: ctx.range(closing.nameRange), newText: s }] : [{ range, newText: s }],
        isPreferred: i === 0,
      }));
      out.push(
        diagnostic(ctx, tag.nameRange, 'shortcode.unknown', `Unknown shortcode \`${tag.name}\`: the site has no template for it, so Hugo fails the build.${hint}`, {
          data: { name: tag.name, suggestions },
          fixes,
        }),
      );
    }
    return out;
  },
};
