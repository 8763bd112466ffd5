import common from '../../../data/schemas/common.schema.json';
import { CLOSEST_KEYS, didYouMean } from '../didYouMean';
import { isObject, type FieldInfo, type JsonObject } from './schemaModel';

const COMMON_REF = /^common\.schema\.json#\/\$defs\/([^/]+)$/;
const COMMON_DEFS: JsonObject = isObject(common) && isObject(common['$defs']) ? common['$defs'] : {};

/** Bound on the "did you mean" answers kept per schema (one per undeclared key seen). */
const MAX_CLOSEST = 1000;

/** A field of a schema, with a `$ref` to the shared definitions resolved (sibling keys override the definition). */
export function fieldOf(schema: JsonObject, key: string): FieldInfo | undefined {
  const props = schema['properties'];
  if (!isObject(props)) return undefined;
  const raw = props[key];
  return isObject(raw) ? { key, schema: resolveRef(raw) } : undefined;
}

/**
 * One schema's fields, resolved once each, and its "did you mean" answers. The rules ask for fields of every page,
 * and resolving a `$ref` copies the definition; the same few undeclared keys (`test`, `owner`) recur on every page
 * of a site, and each look-up is an edit distance to every key. Schemas are never modified once built (a merge makes
 * new objects), so what is resolved stays right; the schema store keeps one per schema it hands out.
 */
export class SchemaFields {
  private readonly byKey = new Map<string, FieldInfo | null>();
  private allFields: readonly FieldInfo[] | undefined;
  private readonly closestByKey = new Map<string, readonly string[]>();

  constructor(private readonly schema: JsonObject) {}

  field(key: string): FieldInfo | undefined {
    const known = this.byKey.get(key);
    if (known !== undefined) return known ?? undefined;
    const field = fieldOf(this.schema, key);
    this.byKey.set(key, field ?? null);
    return field;
  }

  /** Every field the schema declares, in its order. */
  all(): readonly FieldInfo[] {
    const props = this.schema['properties'];
    this.allFields ??= isObject(props)
      ? Object.keys(props)
          .map((k) => this.field(k))
          .filter((f): f is FieldInfo => f !== undefined)
      : [];
    return this.allFields;
  }

  /** The declared keys closest to the undeclared `lower`, among all of them. */
  closestKeys(lower: string): readonly string[] {
    let found = this.closestByKey.get(lower);
    if (!found) {
      found = didYouMean(
        lower,
        this.all().map((f) => f.key),
        CLOSEST_KEYS,
      );
      if (this.closestByKey.size > MAX_CLOSEST) this.closestByKey.clear();
      this.closestByKey.set(lower, found);
    }
    return found;
  }
}

function resolveRef(f: JsonObject): JsonObject {
  const ref = f['$ref'];
  if (typeof ref !== 'string') return f;
  const m = COMMON_REF.exec(ref);
  const def = m ? COMMON_DEFS[m[1]!] : undefined;
  if (!isObject(def)) return f;
  const rest: Record<string, unknown> = { ...def };
  for (const [k, v] of Object.entries(f)) if (k !== '$ref') rest[k] = v;
  return rest;
}
