import type { Diagnostic } from 'vscode-languageserver-types';
import { boilerplateDir, boilerplateNames, findBoilerplate, hasBoilerplates } from '../../site/boilerplates';
import { findGlossaryTerm, glossaryDir, glossaryPathFor, glossaryTerms, type GlossaryTerm } from '../../site/glossary';
import { DEFAULT_LANGUAGE } from '../../site/siteLayout';
import { pageFacts } from '../../site/pageFacts';
import { diagnostic } from '../diagnostic';
import { didYouMean, NEAR_NAMES } from '../didYouMean';
import type { DiagnosticRule } from '../feature';
import { appliesTo, glossEntry, positional } from './lookup';
import { replaceFix } from '../quickFix';

/**
 * `boilerplate` and `gloss` find their file in the page's own language, or the build fails ("Could not find …").
 * A language without the boilerplates bundle or the glossary at all (a new language, such as es) fails the same way
 * when the source language has them. Nothing is said in an excerpt of the site (no Hugo configuration at its root):
 * there a missing file may simply not have been copied, as with the link checks. Which shortcodes read their
 * language's content is the catalog's `languageFolder` (`site/languageFiles.ts`; a unit test holds this rule to it).
 */
export const siteReferencesRule: DiagnosticRule = {
  name: 'shortcode-site-references',
  check(ctx) {
    const out: Diagnostic[] = [];
    const site = ctx.site;
    const loc = ctx.location;
    if (!appliesTo(ctx) || !site || !loc || !pageFacts(site).isFullCheckout()) return out;
    let terms: readonly GlossaryTerm[] | undefined | null = null;
    for (const node of ctx.parsed.tree.all) {
      const tag = node.open;
      if (tag.name === 'boilerplate') {
        const p0 = positional(tag, 0);
        if (!p0 || p0.value === '' || p0.unterminated) continue;
        if (!hasBoilerplates(site, loc.lang)) {
          ctx.dependsOn(`${boilerplateDir(site, loc.lang)}/index.md`);
          if (!hasBoilerplates(site, DEFAULT_LANGUAGE) || loc.lang === DEFAULT_LANGUAGE) continue;
          out.push(
            diagnostic(ctx, p0.innerRange, 'boilerplate.not-found',
              `\`content/${loc.lang}/\` has no boilerplates (\`content/${loc.lang}/boilerplates/\`): \`${p0.value}\` cannot be found and the build fails.`,
              { data: { name: p0.value, noFolder: true } }),
          );
          continue;
        }
        const found = findBoilerplate(site, loc.lang, p0.value);
        ctx.dependsOn(`${boilerplateDir(site, loc.lang)}/${p0.value}.md`);
        if (found) {
          ctx.dependsOn(found);
          continue;
        }
        const suggestions = didYouMean(p0.value, boilerplateNames(site, loc.lang), NEAR_NAMES);
        const range = ctx.range(p0.innerRange);
        out.push(
          diagnostic(ctx, p0.innerRange, 'boilerplate.not-found',
            `No boilerplate \`${p0.value}\` in \`content/${loc.lang}/boilerplates/\`: the build fails.${suggestions.length ? ` Did you mean \`${suggestions[0]}\`?` : ''}`,
            { data: { name: p0.value }, fixes: suggestions.map((s, i) => replaceFix(`Change to \`${s}\``, range, s, i === 0)) }),
        );
      } else if (tag.name === 'gloss') {
        const entry = glossEntry(ctx.parsed, node);
        if (!entry || entry.entry === '') continue;
        if (terms === null) {
          terms = glossaryTerms(site, loc.lang);
          for (const t of terms ?? []) ctx.dependsOn(t.path);
          if (!terms) ctx.dependsOn(`${glossaryDir(site, loc.lang)}/index.md`);
        }
        if (!terms) {
          if (loc.lang === DEFAULT_LANGUAGE || !glossaryTerms(site, DEFAULT_LANGUAGE)) continue;
          out.push(
            diagnostic(ctx, entry.range, 'gloss.not-found',
              `\`content/${loc.lang}/\` has no glossary (\`content/${loc.lang}/docs/reference/glossary/\`): \`${entry.entry}\` cannot be found and the build fails.`,
              { data: { entry: entry.entry, noFolder: true } }),
          );
          continue;
        }
        if (findGlossaryTerm(terms, entry.entry)) continue;
        ctx.dependsOn(glossaryPathFor(site, loc.lang, entry.entry));
        const suggestions = didYouMean(entry.entry, terms.map((t) => t.title), NEAR_NAMES);
        const fromParam = positional(tag, 0) !== undefined;
        const range = ctx.range(entry.range);
        out.push(
          diagnostic(ctx, entry.range, 'gloss.not-found',
            `No glossary entry titled \`${entry.entry}\` in \`content/${loc.lang}/docs/reference/glossary/\`: the build fails.${suggestions.length ? ` Did you mean \`${suggestions[0]}\`?` : ''}`,
            {
              data: { entry: entry.entry },
              // The displayed inner text stays as written: a parameter names the entry instead.
              fixes: fromParam
                ? suggestions.map((s, i) => replaceFix(`Change to \`${s.toLowerCase()}\``, range, s.toLowerCase(), i === 0))
                : suggestions.map((s, i) =>
                    replaceFix(`Look up \`${s}\``, ctx.range({ start: tag.nameRange.end, end: tag.nameRange.end }), ` "${s.toLowerCase()}"`, i === 0),
                  ),
            }),
        );
      }
    }
    return out;
  },
};
