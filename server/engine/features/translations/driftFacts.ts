import type { OffsetRange } from '../../parser/offsetRange';
import type { ParsedDocument } from '../../parser/parsedDocument';

/** One image a page shows, under a key that is the same in every language (see `imageKey`). */
export interface ImageReference {
  readonly key: string;
  /** The link as written. */
  readonly link: string;
  readonly range: OffsetRange;
}

/** What drift checks compare between a translation and its source. */
export interface DriftFacts {
  readonly images: readonly ImageReference[];
  /** Every heading id (explicit `{#id}` or Hugo's auto id), lower-cased. */
  readonly headingIds: ReadonlySet<string>;
  /** `publishdate` exactly as written. */
  readonly publishdate: { readonly value: string; readonly range: OffsetRange } | undefined;
}

/**
 * The images a page shows: `{{< image link=… >}}`, Markdown `![](…)` and `social_image:`. Links built from
 * shortcodes are skipped: their target is only known after rendering.
 */
export function driftFacts(parsed: ParsedDocument, lang: string, pageDir: string): DriftFacts {
  const images: ImageReference[] = [];
  const add = (link: string, range: OffsetRange): void => {
    if (link === '' || link.includes('{{')) return;
    images.push({ key: imageKey(link, lang, pageDir), link, range });
  };
  for (const tag of parsed.shortcodes.tags) {
    if (tag.kind !== 'open' || tag.name !== 'image') continue;
    const link = tag.params.find((p) => p.name === 'link');
    if (link && !link.unterminated) add(link.value, link.innerRange);
  }
  for (const l of parsed.markdown.links) if (l.kind === 'image' && !l.hasShortcode) add(l.target, l.targetRange);
  const social = parsed.frontmatter?.byKey.get('social_image');
  if (social && typeof social.value === 'string') add(social.value, social.valueRange);

  const date = parsed.frontmatter?.byKey.get('publishdate');
  const dateText = date?.rawValue ?? (typeof date?.value === 'string' ? date.value : undefined);
  return {
    images,
    headingIds: new Set(parsed.markdown.headings.map((h) => h.id.toLowerCase())),
    publishdate: date && dateText !== undefined ? { value: dateText.replace(/^["']|["']$/g, ''), range: date.valueRange } : undefined,
  };
}

/**
 * An image link as a path relative to the language root, so that the en `./arch.svg`, the zh `arch.svg` and the
 * zh `/zh/blog/2017/adapter-model/arch.svg` of the same bundle compare equal. The istio `image` shortcode joins a
 * relative link to the page folder after dropping one leading `./` or `../`; a translation's absolute link carries
 * its language prefix. External URLs are their own key.
 */
export function imageKey(link: string, lang: string, pageDir: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  if (link.startsWith('/')) {
    const prefix = `/${lang}/`;
    return link.startsWith(prefix) ? link.slice(prefix.length) : link.slice(1);
  }
  const rest = link.replace(/^\.\.?\//, '');
  return pageDir === '' ? rest : `${pageDir}/${rest}`;
}
