import { cacheKey } from '../../caches';
import type { ShortcodeCatalog } from '../../catalog/shortcodeCatalog';
import { parseDocument, type ParsedDocument } from '../../parser/parsedDocument';
import type { SiteIndex } from '../../site/siteIndex';
import { locate } from '../../site/siteLayout';
import { driftFacts, type DriftFacts } from './driftFacts';

/** What a source page's facts were computed from: the open editor's text, or the file's mtime and size on disk. */
interface Stamp {
  readonly open: string | undefined;
  readonly mtimeMs: number;
  readonly size: number;
}

interface Cached {
  readonly stamp: Stamp;
  readonly catalog: ShortcodeCatalog;
  readonly facts: DriftFacts;
}

/**
 * Bound on the cached source pages of one site: istio.io has about 1,100 English pages, each a few hundred bytes
 * of facts, so a check of the whole site keeps every source once.
 */
const MAX_CACHED = 4096;

/** Per site, kept by its index: source path → facts, least recently used first. */
const SOURCE_FACTS = cacheKey<Map<string, Cached>>('translation source facts');

/**
 * The drift facts of a source-language page, cached per site by modification time and size (as page anchors and
 * summaries are). Every translation of a page (zh, uk) compares against it: without the cache each one read and
 * parsed the English page again, the largest cost of checking a translated site.
 */
export function sourceFacts(site: SiteIndex, catalog: ShortcodeCatalog, path: string): DriftFacts | undefined {
  const stamp = stampOf(site, path);
  if (!stamp) return undefined;
  const cache = site.caches.get(SOURCE_FACTS, () => new Map<string, Cached>());
  const cached = cache.get(path);
  if (cached && cached.catalog === catalog && sameStamp(cached.stamp, stamp)) return cached.facts;
  const text = stamp.open ?? site.readText(path);
  if (text === undefined) return undefined;
  const location = locate(site.layout, path);
  if (!location) return undefined;
  const facts = driftFacts(parseDocument(text, catalog), location.lang, location.pageDir);
  remember(cache, path, { stamp, catalog, facts });
  return facts;
}

/**
 * Called with the parse of a source-language page being checked: its drift facts, kept for its translations when
 * the parse is of its current text, so that they do not read and parse it again (each page parsed once per run).
 */
export function rememberSourceFacts(site: SiteIndex, catalog: ShortcodeCatalog, path: string, parsed: ParsedDocument): void {
  const stamp = stampOf(site, path);
  if (!stamp || (stamp.open ?? site.readText(path)) !== parsed.text) return;
  const cache = site.caches.get(SOURCE_FACTS, () => new Map<string, Cached>());
  const cached = cache.get(path);
  if (cached && cached.catalog === catalog && sameStamp(cached.stamp, stamp)) return;
  const location = locate(site.layout, path);
  if (!location) return;
  remember(cache, path, { stamp, catalog, facts: driftFacts(parsed, location.lang, location.pageDir) });
}

function remember(cache: Map<string, Cached>, path: string, entry: Cached): void {
  cache.delete(path);
  cache.set(path, entry);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
}

function stampOf(site: SiteIndex, path: string): Stamp | undefined {
  const open = site.openTextOf(path);
  if (open !== undefined) return { open, mtimeMs: -1, size: open.length };
  const st = site.stat(path);
  return st?.isFile ? { open: undefined, mtimeMs: st.mtimeMs, size: st.size } : undefined;
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.open === b.open && a.mtimeMs === b.mtimeMs && a.size === b.size;
}
