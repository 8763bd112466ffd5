import { CLOSEST_KEYS, didYouMean } from '../didYouMean';
import type { JsonObject } from './schemaModel';
import { fieldsOf } from './schemaStore';

/**
 * Per schema, the closest declared keys to an undeclared one, among all the schema's keys. The same few undeclared
 * keys (`test`, `owner`) recur on every page of a site, and each look-up is an edit distance to every key.
 */
const bySchema = new WeakMap<JsonObject, Map<string, readonly string[]>>();
const MAX_KEYS = 1000;

function closestOfAll(schema: JsonObject, lower: string): readonly string[] {
  let known = bySchema.get(schema);
  if (!known) {
    known = new Map();
    bySchema.set(schema, known);
  }
  let found = known.get(lower);
  if (!found) {
    found = didYouMean(lower, fieldsOf(schema).map((f) => f.key), CLOSEST_KEYS);
    if (known.size > MAX_KEYS) known.clear();
    known.set(lower, found);
  }
  return found;
}

/**
 * The "did you mean" keys for `lower`: the declared keys closest to it that the page does not already have.
 * Taken from the cached answer over all keys when none of those is on the page (the closest of a subset that
 * holds every closest key of the whole set are those same keys, in the same order); computed otherwise.
 */
export function keySuggestions(schema: JsonObject, lower: string, present: ReadonlySet<string>): readonly string[] {
  const all = closestOfAll(schema, lower);
  if (!all.some((k) => present.has(k))) return all;
  return didYouMean(
    lower,
    fieldsOf(schema)
      .map((f) => f.key)
      .filter((k) => !present.has(k)),
    CLOSEST_KEYS,
  );
}

/** Whether any declared key is close to `lower`: when none is, no subset of them is either, and there is no fix. */
export function nearKnownKey(schema: JsonObject, lower: string): boolean {
  return closestOfAll(schema, lower).length > 0;
}
