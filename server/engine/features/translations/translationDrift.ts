import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_LANGUAGE } from '../../site/siteLayout';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import type { DiagnosticRule } from '../feature';
import { replaceFix } from '../quickFix';
import { driftFacts } from './driftFacts';
import { sourceOf } from './matching';
import { rememberSourceFacts, sourceFacts } from './sourceFacts';

/**
 * Where a translation has drifted from its source-language page: an image the source does not show (or the other
 * way round), a heading `{#id}` the source has no heading for (so `#id` links from other languages break), a
 * different `publishdate` (a warning: the post is dated and ordered differently per language). The rest is
 * information: a translation may lag its source on purpose.
 * Whether an image file is present in the translation's bundle is the images-and-links feature's business.
 */
export const translationDriftRule: DiagnosticRule = {
  name: 'translation-drift',
  check(ctx: DocumentContext): Diagnostic[] {
    const { site, location, parsed } = ctx;
    if (!site || !location || location.kind === 'resource') return [];
    if (location.lang === DEFAULT_LANGUAGE) {
      // A source page: what its translations compare against comes from this parse (not from another one).
      rememberSourceFacts(site, ctx.catalog, ctx.path, parsed);
      return [];
    }
    const key = parsed.frontmatter?.byKey.get('translationkey')?.value;
    const source = sourceOf(site, ctx.path, { translationKey: typeof key === 'string' ? key : undefined });
    if (!source) return [];
    ctx.dependsOn(source.candidate);
    if (source.path === undefined) return [];
    if (source.path !== source.candidate) ctx.dependsOn(source.path);
    const facts = sourceFacts(site, ctx.catalog, source.path);
    if (!facts) return [];
    const mine = driftFacts(parsed, location.lang, location.pageDir);
    const sourceName = `the ${DEFAULT_LANGUAGE} version`;
    const out: Diagnostic[] = [];

    const sourceImages = new Set(facts.images.map((i) => i.key));
    const myImages = new Set(mine.images.map((i) => i.key));
    for (const img of mine.images) {
      if (sourceImages.has(img.key)) continue;
      out.push(
        diagnostic(ctx, img.range, 'translation.image-not-in-source', `${sourceName} does not show the image "${img.link}".`, { data: { image: img.key, source: source.path } }),
      );
    }
    const reported = new Set<string>();
    for (const img of facts.images) {
      if (myImages.has(img.key) || reported.has(img.key)) continue;
      reported.add(img.key);
      const at = parsed.frontmatter?.openRange ?? { start: 0, end: 0 };
      out.push(
        diagnostic(ctx, at, 'translation.image-missing', `${sourceName} shows the image "${img.link}"; this translation does not.`, { data: { image: img.key, link: img.link, source: source.path } }),
      );
    }

    for (const h of parsed.markdown.headings) {
      // Case is ignored: zh writes `{#generate-the-Istio-manifest}` for the en auto id `generate-the-istio-manifest`,
      // a faithful translation whose only difference no reader of the page notices.
      if (!h.explicitId || !h.idRange || facts.headingIds.has(h.id.toLowerCase())) continue;
      out.push(
        diagnostic(ctx, h.idRange, 'translation.heading-id-not-in-source', `${sourceName} has no heading with the id "${h.id}", so links to #${h.id} from it do not land here.`, { data: { id: h.id, source: source.path } }),
      );
    }

    if (mine.publishdate && facts.publishdate && mine.publishdate.value !== facts.publishdate.value) {
      out.push(
        diagnostic(ctx, mine.publishdate.range, 'translation.publishdate-differs', `publishdate differs from ${sourceName} (${facts.publishdate.value}).`, {
          data: { sourceValue: facts.publishdate.value, source: source.path },
          fixes: [replaceFix(`Use the source's publishdate (${facts.publishdate.value})`, undefined, facts.publishdate.value, true)],
        }),
      );
    }
    return out;
  },
};
