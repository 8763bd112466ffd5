import { CLOSEST_KEYS, didYouMean } from '../didYouMean';
import type { PageSchema } from './schemaStore';

/**
 * The "did you mean" keys for `lower`: the declared keys closest to it that the page does not already have.
 * Taken from the schema's cached answer over all keys when none of those is on the page (the closest of a subset that
 * holds every closest key of the whole set are those same keys, in the same order); computed otherwise.
 */
export function keySuggestions(schema: PageSchema, lower: string, present: ReadonlySet<string>): readonly string[] {
  const all = schema.fields.closestKeys(lower);
  if (!all.some((k) => present.has(k))) return all;
  return didYouMean(
    lower,
    schema.fields
      .all()
      .map((f) => f.key)
      .filter((k) => !present.has(k)),
    CLOSEST_KEYS,
  );
}

/** Whether any declared key is close to `lower`: when none is, no subset of them is either, and there is no fix. */
export function nearKnownKey(schema: PageSchema, lower: string): boolean {
  return schema.fields.closestKeys(lower).length > 0;
}
