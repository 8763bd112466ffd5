import type { OffsetRange } from '../../parser/offsetRange';
import type { ParsedDocument } from '../../parser/parsedDocument';

/** Where a reference is written; each kind resolves by its own rule (see `site/resolve.ts`). */
export type ReferenceKind = 'image-shortcode' | 'markdown-image' | 'markdown-link' | 'social-image';

/** One image or link reference of a document, with the exact span of its target as written. */
export interface Reference {
  readonly kind: ReferenceKind;
  readonly target: string;
  /** The target's span in the document, without quotes or `<…>`. */
  readonly range: OffsetRange;
  /** `{{< image ratio=… >}}`: the template then neither measures nor checks the file. */
  readonly hasRatio: boolean;
}

/** Every reference of the document: image shortcodes, Markdown links/images/definitions and `social_image:`. */
export function collectReferences(parsed: ParsedDocument): Reference[] {
  const out: Reference[] = [];
  for (const tag of parsed.shortcodes.tags) {
    // A tag still being typed (no `>}}` yet) is the syntax check's business.
    if (tag.kind !== 'open' || tag.name !== 'image' || tag.unterminated) continue;
    const link = tag.params.find((p) => p.name === 'link');
    if (!link || link.unterminated) continue;
    out.push({ kind: 'image-shortcode', target: link.value, range: link.innerRange, hasRatio: tag.params.some((p) => p.name === 'ratio') });
  }
  for (const l of parsed.markdown.links) {
    if (l.hasShortcode) continue;
    out.push({ kind: l.kind === 'image' ? 'markdown-image' : 'markdown-link', target: l.target, range: l.targetRange, hasRatio: false });
  }
  const social = parsed.frontmatter?.byKey.get('social_image');
  if (social && typeof social.value === 'string' && social.value !== '') {
    const raw = parsed.text.slice(social.valueRange.start, social.valueRange.end);
    const quoted = raw.startsWith('"') || raw.startsWith("'");
    const range = quoted ? { start: social.valueRange.start + 1, end: social.valueRange.end - 1 } : social.valueRange;
    out.push({ kind: 'social-image', target: social.value, range, hasRatio: false });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** The reference whose target holds `offset` (ends inclusive, so the cursor right after the target counts). */
export function referenceAt(refs: readonly Reference[], offset: number): Reference | undefined {
  return refs.find((r) => offset >= r.range.start && offset <= r.range.end);
}
