import type { Frontmatter } from '../../parser/frontmatter';
import type { ContentLocation } from '../../site/siteLayout';
import type { DocumentContext } from '../documentContext';
import { cacheKey } from '../../caches';
import type { Caches } from '../../caches';
import { SchemaStore, type BuiltInValidators, type PageSchema } from './schemaStore';

/** The service's schema store: workspace schemas, merged schemas and compiled validators are per service. */
const SCHEMA_STORE = cacheKey<SchemaStore>('frontmatter schemas');

/** Makes the service's schema store with the built-in schemas' validators compiled at build time. */
export function useBuiltInValidators(caches: Caches, validators: BuiltInValidators): void {
  caches.get(SCHEMA_STORE, () => new SchemaStore(validators));
}

/** A content page's frontmatter with the schema that applies to it. */
export interface PageFrontmatter {
  readonly fm: Frontmatter;
  readonly location: ContentLocation;
  readonly schema: PageSchema;
  /** Whether the YAML parsed into a map: schema checks only make sense then (syntax errors are reported elsewhere). */
  readonly valid: boolean;
}

/** The schema for the page of `ctx`, reading workspace schema files (and recording them as dependencies). */
export function pageSchema(ctx: DocumentContext, location: ContentLocation): PageSchema {
  const settings = ctx.settings.frontmatter?.schemas ?? [];
  return ctx.caches.get(SCHEMA_STORE, () => new SchemaStore()).forPage(location.relPath, settings, location.siteRoot, (path) => {
    ctx.dependsOn(path);
    return ctx.site?.readText(path);
  });
}

/** `undefined` for files outside `content/<lang>/`, resources, and pages without a closed frontmatter. */
export function pageFrontmatter(ctx: DocumentContext): PageFrontmatter | undefined {
  const location = ctx.location;
  const fm = ctx.parsed.frontmatter;
  if (!location || location.kind === 'resource' || !fm || !fm.closed) return undefined;
  const valid = !fm.problems.some((p) => p.code === 'frontmatter.yaml-syntax' || p.code === 'frontmatter.not-a-map');
  return { fm, location, schema: pageSchema(ctx, location), valid };
}

/** Whether the page is a draft (`draft: true`): Hugo does not render it. */
export function isDraft(fm: Frontmatter): boolean {
  return fm.byKey.get('draft')?.value === true;
}

/** Whether the page is headless (`headless: true`): Hugo does not render it either. */
export function isHeadless(fm: Frontmatter): boolean {
  return fm.byKey.get('headless')?.value === true;
}
