/**
 * The answers of `istio/translations` and `istio/planTranslation`, in the shape the protocol sends: the matching and
 * planning results with their paths written as URIs by the service's `toUri`.
 */
import type { ShortcodeCatalog } from '../../catalog/shortcodeCatalog';
import type { SiteIndex } from '../../site/siteIndex';
import { DEFAULT_LANGUAGE } from '../../site/siteLayout';
import { planTranslation } from './createPlan';
import { positionAt } from './languageEdit';
import { planNewLanguage } from './newLanguage';
import { findTranslations } from './matching';
import type { PlanNewLanguageResult, PlanTranslationResult, TranslationsResult } from './types';

/**
 * The versions of the content file at `path` in every language; `null` outside `content/<lang>/`. The file's own
 * version keeps `uri`, the URI it was asked by, so a client finds it equal to its open document's.
 */
export function translationsAnswer(site: SiteIndex, path: string, uri: string | undefined, toUri: (path: string) => string): TranslationsResult | null {
  const t = findTranslations(site, path);
  if (!t) return null;
  return {
    path: t.relPath,
    lang: t.lang,
    sourceLang: DEFAULT_LANGUAGE,
    kind: t.kind,
    languages: t.versions.map((v) => ({
      lang: v.lang,
      uri: v.path === path && uri !== undefined ? uri : toUri(v.path),
      exists: v.exists,
      ...(v.title !== undefined ? { title: v.title } : {}),
      ...(v.byTranslationKey ? { byTranslationKey: true } : {}),
    })),
  };
}

/** Said of a file outside every site (no `content/<lang>/` above it). */
export const NOT_IN_A_SITE: PlanTranslationResult = { ok: false, reason: 'not-content', message: 'This file is not in a Hugo site (no content/<language>/ above it).' };

/** The files Create Translation will create for the page at `path` in `lang`, or why it will not. */
export function planAnswer(site: SiteIndex, path: string, lang: string, catalog: ShortcodeCatalog, toUri: (path: string) => string): PlanTranslationResult {
  const r = planTranslation(site, path, lang, catalog);
  if (!r.ok) return { ok: false, reason: r.reason, message: r.message, ...(r.target !== undefined ? { targetUri: toUri(r.target) } : {}) };
  const { plan } = r;
  return {
    ok: true,
    plan: {
      fromUri: toUri(plan.from),
      targetUri: toUri(plan.target),
      text: plan.text,
      changes: plan.changes,
      copies: plan.copies.map((c) => ({ from: toUri(c.from), to: toUri(c.to) })),
      kept: plan.kept.map(toUri),
      // Absent when there is nothing to say, as in an excerpt of the site.
      ...(plan.warnings.length ? { warnings: plan.warnings } : {}),
    },
  };
}

/** Start a New Language's plan, its paths written as URIs and its offsets as positions in each file's text. */
export function newLanguageAnswer(site: SiteIndex, lang: string, name: string, toUri: (path: string) => string): PlanNewLanguageResult {
  const r = planNewLanguage(site, lang, name);
  if (!r.ok) return r;
  const { plan } = r;
  return {
    ok: true,
    plan: {
      lang: plan.lang,
      name: plan.name,
      edits: plan.edits.map((f) => ({
        uri: toUri(f.path),
        edits: f.edits.map((e) => ({ range: { start: positionAt(f.text, e.offset), end: positionAt(f.text, e.offset + e.length) }, newText: e.newText })),
      })),
      creates: plan.creates.map((c) => ({ uri: toUri(c.path), text: c.text })),
      summary: plan.summary,
    },
  };
}
