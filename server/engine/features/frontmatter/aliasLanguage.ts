import { isScalar, isSeq } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_LANGUAGE } from '../../site/siteLayout';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import type { PageFrontmatter } from './pageFrontmatter';

/** English paths that a translation's aliases must not use: `make lint` rejects them in zh. */
const ENGLISH_ROOTS = /^\/(docs|about|blog|faq|news)(\/|$)/;

/** A translated page's `aliases` redirect old URLs of that language, so they carry its prefix (`/zh/…`). */
export function checkAliasLanguage(ctx: DocumentContext, page: PageFrontmatter): Diagnostic[] {
  const lang = page.location.lang;
  if (lang === DEFAULT_LANGUAGE) return [];
  const entry = page.fm.byKey.get('aliases');
  if (!entry) return [];
  // Most aliases are fine: the values tell, without `valueNode` (which makes the YAML library parse a frontmatter
  // the fast path read). Only a value the nodes could disagree with (an `*alias`, a nested list) goes further.
  if (noEnglishRoot(entry.value)) return [];
  const base = page.fm.contentRange.start;
  const items = isSeq(entry.valueNode) ? entry.valueNode.items : isScalar(entry.valueNode) ? [entry.valueNode] : [];
  const out: Diagnostic[] = [];
  for (const item of items) {
    if (!isScalar(item) || typeof item.value !== 'string' || !item.range || !ENGLISH_ROOTS.test(item.value)) continue;
    const range = { start: base + item.range[0], end: base + item.range[1] };
    const fixed = `/${lang}${item.value}`;
    out.push(
      diagnostic(
        ctx,
        range,
        'frontmatter.alias-language',
        `The alias \`${item.value}\` is an English URL; a ${lang} page redirects \`${fixed}\`${lang === 'zh' ? ' (`make lint` rejects English aliases in zh)' : ''}.`,
        {
          // Only the zh lint rejects it: elsewhere it is a slip, not a failure.
          severity: lang === 'zh' ? 'error' : 'warning',
          fixes: [{ title: `Use \`${fixed}\``, edits: [{ range: ctx.range(range), newText: fixed }], isPreferred: true }],
        },
      ),
    );
  }
  return out;
}

/** Whether a plain value (text, or a list of texts) holds no English alias: then no item is reported. */
function noEnglishRoot(value: unknown): boolean {
  if (typeof value === 'string') return !ENGLISH_ROOTS.test(value);
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && !ENGLISH_ROOTS.test(v));
}
