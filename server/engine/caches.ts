/**
 * State the engine keeps between requests lives in an owner with a lifetime, never in a module: the language
 * service (its `Caches`, reachable from every `DocumentContext`) or one site index (`SiteIndex.caches`), as
 * vscode-markdown-languageservice's language service owns its workspace cache. Two services (two tests, the server
 * and the preview) therefore share nothing, and dropping the owner drops its caches.
 *
 * A feature declares what it caches with a `CacheKey`: a module constant that holds no state, only a name and the
 * type of the value, so the feature's cache stays private to it while the owner holds the value.
 */
export interface CacheKey<T> {
  readonly name: string;
  /** Never set: carries the value's type, so `get` returns what the key was declared with. */
  readonly valueType?: T;
}

export function cacheKey<T>(name: string): CacheKey<T> {
  return { name };
}

export class Caches {
  private readonly values = new Map<CacheKey<unknown>, unknown>();

  /** The owner's value under `key`, made by `create` on first use. */
  get<T>(key: CacheKey<T>, create: () => T): T {
    if (this.values.has(key)) {
      // Only `get` stores under `key`, and always a value `create` made for the same key: the value is a `T`.
      return this.values.get(key) as T;
    }
    const value = create();
    this.values.set(key, value);
    return value;
  }
}
