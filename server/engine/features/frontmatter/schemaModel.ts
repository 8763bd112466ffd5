import type { Severity } from '../diagnostic';

/**
 * The part of a JSON Schema the editor features read directly (hover, completion, quick fixes, the site rules).
 * Validation itself is ajv's job; these are plain reads of the schema objects, defensive because
 * a workspace may supply its own schema files.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One key of a page schema, with its `$ref` to the shared definitions already followed. */
export interface FieldInfo {
  /** The key as the schema spells it (lower-case for the built-in schemas). */
  readonly key: string;
  readonly schema: JsonObject;
}

/** How bad a wrong value of this field is; the built-in schemas say `warning` where Hugo copes. */
export function fieldSeverity(f: JsonObject): Severity {
  const s = f['x-severity'];
  return s === 'warning' || s === 'information' || s === 'hint' ? s : 'error';
}

export function stringProp(f: JsonObject, name: string): string | undefined {
  const v = f[name];
  return typeof v === 'string' ? v : undefined;
}

export function boolProp(f: JsonObject, name: string): boolean {
  return f[name] === true;
}

export function stringList(f: JsonObject, name: string): readonly string[] {
  const v = f[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The JSON types a field accepts (`type` as a string or a list), empty when it does not say. */
export function fieldTypes(f: JsonObject): readonly string[] {
  const t = f['type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** The values a field enumerates: its `enum`, or those of the branches of its `anyOf` (`owner`: a team, or a list). */
export function fieldEnum(f: JsonObject): readonly unknown[] {
  const e = f['enum'];
  if (Array.isArray(e)) return e;
  const any = f['anyOf'];
  return Array.isArray(any) ? any.flatMap((b) => (isObject(b) && Array.isArray(b['enum']) ? b['enum'] : [])) : [];
}

/**
 * Whether the site reads the field on this page (`x-applies-to`, a regular expression over `<lang>/<relPath>`): `test`
 * matters on English docs only, where `make lint` and the doc tests read it. Elsewhere it takes any value.
 */
export function fieldApplies(f: JsonObject, langPath: string): boolean {
  const where = stringProp(f, 'x-applies-to');
  if (where === undefined) return true;
  try {
    return new RegExp(where).test(langPath);
  } catch {
    return true;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a map of keys',
  null: 'empty',
};

/** "text", "a list of text", "`yes`, `no`…": the expected type in words, for hover and messages. */
export function describeExpected(f: JsonObject): string {
  const values = fieldEnum(f).filter((v) => typeof v === 'string');
  if (values.length > 0) return `one of ${values.map((v) => `\`${String(v)}\``).join(', ')}`;
  const types = fieldTypes(f);
  if (types.length === 0) return 'any value';
  const items = isObject(f['items']) ? fieldTypes(f['items']) : [];
  return types
    .map((t) => (t === 'array' && items.length === 1 ? `a list of ${TYPE_WORDS[items[0]!] ?? items[0]}` : (TYPE_WORDS[t] ?? t)))
    .join(' or ');
}
