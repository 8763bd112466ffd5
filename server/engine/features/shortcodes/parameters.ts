import type { Diagnostic } from 'vscode-languageserver-types';
import { findParam, paramLabel } from '../../catalog/shortcodeCatalog';
import { diagnostic } from '../diagnostic';
import { didYouMean, NEAR_NAMES } from '../didYouMean';
import type { DiagnosticRule } from '../feature';
import { appliesTo } from './lookup';
import { replaceFix } from '../quickFix';

/**
 * Parameters match what the template reads: an unknown one is silently ignored by Hugo (warning); a missing required
 * one fails the build or renders wrong (as the catalog says); named and positional values in one tag fail the build.
 * `text`'s syntax has its own check (`text.missing-syntax`).
 */
export const parametersRule: DiagnosticRule = {
  name: 'shortcode-parameters',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!appliesTo(ctx)) return out;
    for (const tag of ctx.parsed.shortcodes.tags) {
      if (tag.kind !== 'open' || tag.unterminated) continue;
      const info = ctx.catalog.get(tag.name);
      if (!info) continue;

      const first = tag.params[0];
      const mixed = first ? tag.params.find((p) => (p.name === undefined) !== (first.name === undefined)) : undefined;
      if (mixed) {
        out.push(
          diagnostic(ctx, mixed.nameRange ?? mixed.valueRange, 'shortcode.mixed-parameters',
            `\`${tag.name}\` mixes named (\`name="…"\`) and positional values: Hugo cannot mix them and fails the build.`),
        );
      }

      if (!info.anyParams) {
        for (const p of tag.params) {
          if (findParam(info, p.name, p.index)) continue;
          if (p.name !== undefined) {
            // Only for an unknown name: most tags give known ones, and this ran for each of the site's 11,000 tags.
            const names = (info.params ?? []).flatMap((q) => (q.name ? [q.name] : []));
            // A name the tag already gives is no fix: renaming to it would give that parameter twice.
            const given = new Set(tag.params.map((q) => q.name));
            const suggestions = didYouMean(p.name, names.filter((n) => !given.has(n)), NEAR_NAMES);
            const range = ctx.range(p.nameRange ?? p.valueRange);
            out.push(
              diagnostic(ctx, p.nameRange ?? p.valueRange, 'shortcode.unknown-parameter',
                `\`${tag.name}\` has no parameter \`${p.name}\`: it is ignored.${suggestions.length ? ` Did you mean \`${suggestions[0]}\`?` : ''}`,
                { data: { name: p.name, suggestions }, fixes: suggestions.map((s, i) => replaceFix(`Change to \`${s}\``, range, s, i === 0)) }),
            );
          } else {
            out.push(
              diagnostic(ctx, p.valueRange, 'shortcode.unknown-parameter',
                !info.params?.length
                  ? `\`${tag.name}\` takes no parameters: this value is ignored.`
                  : info.params.some((q) => q.position !== undefined)
                    ? `\`${tag.name}\` takes no positional value #${p.index + 1}: it is ignored.`
                    : `\`${tag.name}\` takes no positional values (only \`name="value"\` ones): it is ignored.`,
                { data: { name: undefined, suggestions: [] } }),
            );
          }
        }
      }

      for (const p of info.params ?? []) {
        if (!p.required || p.kind === 'syntax') continue;
        const given = tag.params.some((u) => (u.name !== undefined ? u.name === p.name : u.index === p.position));
        if (given) continue;
        const how = p.name !== undefined ? `\`${p.name}="…"\`` : `a ${paramLabel(p)} (positional value #${(p.position ?? 0) + 1})`;
        out.push(
          diagnostic(ctx, tag.nameRange, 'shortcode.missing-parameter', `\`${tag.name}\` needs ${how}: ${p.description}`, {
            // The shortcode catalog says where a missing value renders wrong rather than failing the build.
            ...(p.missing ? { severity: p.missing } : {}),
            data: { name: tag.name, parameter: paramLabel(p) },
          }),
        );
      }
    }
    return out;
  },
};
