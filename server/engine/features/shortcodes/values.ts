import { TEXT_SYNTAXES, type ShortcodeInfo, type ShortcodeParamInfo } from '../../catalog/shortcodeCatalog';
import { boilerplateNames } from '../../site/boilerplates';
import { glossaryTerms } from '../../site/glossary';
import type { DocumentContext } from '../documentContext';
import type { ParamContext, ValueContext } from './completionContext';
import { namedParam, nodeOf } from './lookup';

export interface ValueCandidate {
  readonly value: string;
  readonly label?: string;
  readonly detail?: string;
  readonly documentation?: string;
}

/** The values to suggest for a parameter, by its kind. Paths (`link=`) are the images-and-links feature's. */
export function valueCandidates(ctx: DocumentContext, tc: ParamContext | ValueContext, _info: ShortcodeInfo, p: ShortcodeParamInfo): ValueCandidate[] {
  const fixed = (p.values ?? []).map((value) => ({ value }));
  const site = ctx.site;
  const lang = ctx.location?.lang;
  switch (p.kind) {
    case 'syntax':
      return dedupe([...fixed, ...TEXT_SYNTAXES.common.map((value) => ({ value, detail: 'syntax' }))]);
    case 'boilerplate':
      if (!site || !lang) return [];
      return boilerplateNames(site, lang).map((value) => ({ value, detail: `content/${lang}/boilerplates/${value}.md` }));
    case 'glossary-term':
      if (!site || !lang) return [];
      return (glossaryTerms(site, lang) ?? []).map((t) => ({ value: t.title.toLowerCase(), label: t.title, detail: 'glossary entry' }));
    case 'tab-category-value':
      return dedupe([...tabValues(ctx, tc, 'category-value'), ...fixed]);
    case 'tab-name':
      return dedupe([...tabValues(ctx, tc, 'name'), ...fixed]);
    case 'tab-category-name':
      return dedupe([...docValues(ctx, 'tabset', 'category-name'), ...fixed]);
    case 'path':
      return [];
    default:
      return fixed;
  }
}

function dedupe(list: ValueCandidate[]): ValueCandidate[] {
  const seen = new Set<string>();
  return list.filter((c) => (seen.has(c.value) ? false : (seen.add(c.value), true)));
}

/** Values every `<shortcode> <param>=` of the document uses, in order of appearance. */
function docValues(ctx: DocumentContext, shortcode: string, param: string): ValueCandidate[] {
  const out: ValueCandidate[] = [];
  for (const t of ctx.parsed.shortcodes.tags) {
    if (t.kind !== 'open' || t.name !== shortcode) continue;
    const v = namedParam(t, param)?.value;
    if (v) out.push({ value: v, detail: `used in this page` });
  }
  return out;
}

/**
 * For a `tab`'s `category-value` (or `name`): the values of its sibling tabs and of the tabs of other tabsets with the
 * same `category-name`, the ones this tabset does not use yet first.
 */
function tabValues(ctx: DocumentContext, tc: ParamContext | ValueContext, param: string): ValueCandidate[] {
  const tag = ctx.parsed.shortcodes.tags.find((t) => t.range.start === tc.tagStart);
  const node = tag && nodeOf(ctx.parsed, tag);
  const tabset = node?.parent;
  const category = tabset ? namedParam(tabset.open, 'category-name')?.value : undefined;
  const inThisSet = new Set<string>();
  for (const sib of tabset?.children ?? []) {
    if (sib === node) continue;
    const v = namedParam(sib.open, param)?.value;
    if (v) inThisSet.add(v);
  }
  const elsewhere: ValueCandidate[] = [];
  if (category) {
    for (const ts of ctx.parsed.tree.all) {
      if (ts === tabset || ts.open.name !== 'tabset' || namedParam(ts.open, 'category-name')?.value !== category) continue;
      for (const t of ts.children) {
        const v = namedParam(t.open, param)?.value;
        if (v && !inThisSet.has(v)) elsewhere.push({ value: v, detail: `used by other \`${category}\` tabsets` });
      }
    }
  }
  return [...elsewhere, ...[...inThisSet].map((value) => ({ value, detail: 'used by a sibling tab' }))];
}
