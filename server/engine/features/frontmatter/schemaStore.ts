import { Ajv, type Options, type ValidateFunction } from 'ajv';
import type { FrontmatterSchemaSetting } from '../../settings';
import blogPost from '../../../data/schemas/blog-post.schema.json';
import blogSection from '../../../data/schemas/blog-section.schema.json';
import boilerplate from '../../../data/schemas/boilerplate.schema.json';
import common from '../../../data/schemas/common.schema.json';
import defaultPage from '../../../data/schemas/default.schema.json';
import docsPage from '../../../data/schemas/docs-page.schema.json';
import glossaryTerm from '../../../data/schemas/glossary-term.schema.json';
import news from '../../../data/schemas/news.schema.json';
import { pageKindOf, type PageKind } from '../../site/pageKinds';
import { join } from '../../site/paths';
import { SchemaFields } from './schemaFields';
import { isObject, stringList, type JsonObject } from './schemaModel';

export { fieldOf } from './schemaFields';

/** The built-in schemas, by file name (as `kinds.json` names them; each schema's `$id` is its file name). */
export const BUILT_IN: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['blog-post.schema.json', blogPost],
  ['blog-section.schema.json', blogSection],
  ['boilerplate.schema.json', boilerplate],
  ['default.schema.json', defaultPage],
  ['docs-page.schema.json', docsPage],
  ['glossary-term.schema.json', glossaryTerm],
  ['news.schema.json', news],
]);

const COMMON_ID = 'common.schema.json';

/** Annotation keywords of our schemas: ajv must know them (strict mode) but they validate nothing. */
export const ANNOTATION_KEYWORDS = [
  'x-severity',
  'x-message',
  'x-placeholder',
  'x-completion',
  'x-quote-number',
  'x-bundle-file',
  'x-year-folder',
  'x-spellings',
  'x-recommended',
  'x-applies-to',
  'x-rendered-only',
] as const;

/**
 * The built-in schemas' validators compiled at build time (ajv's standalone code, made by the bundler: see
 * scripts/build/frontmatterValidators.ts), by schema file. Compiling them at run time took 80-100 ms in every process,
 * 20-30 ms of them in the first check of a page.
 */
export type BuiltInValidators = Readonly<Record<string, ValidateFunction>>;

/**
 * The ajv instance the schemas are compiled with (`code`: the build's, for standalone code). Not strict: workspace
 * schemas may carry keywords of their own. The built-in ones are compiled strictly in the tests. Not `verbose`: the
 * diagnostics read an error's keyword, path, parameters and message, never the schema or data it adds (they made the
 * standalone code 15 % larger).
 */
export function schemaAjv(code?: Options['code']): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateSchema: false, ...(code ? { code } : {}) });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  ajv.addSchema(common as object, COMMON_ID);
  return ajv;
}

/** A problem with a workspace schema file named by `istio.frontmatter.schemas`. */
export interface SchemaFileProblem {
  readonly file: string;
  readonly message: string;
}

/** The schema that applies to one page: built-in, possibly extended or replaced by workspace files. */
export interface PageSchema {
  readonly kind: string;
  /** "blog post", "docs page"…: the schema's `title`. */
  readonly label: string;
  readonly schema: JsonObject;
  readonly problems: readonly SchemaFileProblem[];
  /** The compiled validator, compiled on first use and cached. */
  validator(): ValidateFunction | undefined;
  /** The schema's fields, `$ref`s resolved, and its "did you mean" keys; cached with the schema. */
  readonly fields: SchemaFields;
}

/** Reads workspace files for the schema settings; `undefined` when the file cannot be read. */
export type SchemaFileReader = (path: string) => string | undefined;

/**
 * The frontmatter schemas: which one a page gets, the effective schema after the user's settings, and
 * ajv validators compiled once each, lazily (ajv compiles a schema to a function; that takes milliseconds).
 * One store per language service (a cache of its `Caches`): workspace schemas and validators are its own.
 */
export class SchemaStore {
  private ajvInstance: Ajv | undefined;
  private readonly validators = new Map<string, ValidateFunction | null>();
  private readonly merged = new Map<string, { schema: JsonObject; problems: SchemaFileProblem[] }>();
  /** Per schema object this store hands out: weak, so a merged schema dropped from `merged` takes its fields along. */
  private readonly fieldsBySchema = new WeakMap<JsonObject, SchemaFields>();

  /** `precompiled`: the bundles' validators of the built-in schemas; without them (sources, tests) ajv compiles them. */
  constructor(private readonly precompiled: BuiltInValidators = {}) {}

  /** The kind of page for a path relative to its language folder (`blog/2023/x/index.md` → `blog-post`). */
  kindOf(relPath: string): PageKind {
    return pageKindOf(relPath);
  }

  /**
   * The schema for a page. `siteRoot` anchors relative schema paths of the settings; `read` reads them
   * (and records the dependency). Without settings for this kind, the built-in schema is returned as is.
   */
  forPage(relPath: string, settings: readonly FrontmatterSchemaSetting[], siteRoot: string, read: SchemaFileReader): PageSchema {
    const rule = this.kindOf(relPath);
    const builtIn = BUILT_IN.get(rule.schema);
    let schema: JsonObject = isObject(builtIn) ? builtIn : {};
    let problems: SchemaFileProblem[] = [];
    let cacheKey = rule.kind;

    const applicable = settings.filter((s) => s.kind === rule.kind || s.kind === '*');
    if (applicable.length > 0) {
      const texts: { setting: FrontmatterSchemaSetting; path: string; text: string | undefined }[] = applicable.map((s) => {
        const path = s.file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(s.file) ? s.file.replace(/\\/g, '/') : join(siteRoot, s.file.replace(/\\/g, '/'));
        return { setting: s, path, text: read(path) };
      });
      cacheKey = `${rule.kind}\u0000${texts.map((t) => `${t.setting.mode}\u0000${t.path}\u0000${t.text ?? ''}`).join('\u0000')}`;
      let cached = this.merged.get(cacheKey);
      if (!cached) {
        cached = mergeUserSchemas(schema, texts);
        if (this.merged.size > 32) this.merged.clear();
        this.merged.set(cacheKey, cached);
      }
      schema = cached.schema;
      problems = cached.problems;
    }

    const label = typeof schema['title'] === 'string' ? schema['title'] : rule.kind;
    let fields = this.fieldsBySchema.get(schema);
    if (!fields) {
      fields = new SchemaFields(schema);
      this.fieldsBySchema.set(schema, fields);
    }
    return {
      kind: rule.kind,
      label,
      schema,
      problems,
      // A schema the workspace's settings extend is compiled here; a built-in one comes compiled with the bundle.
      validator: () => (applicable.length === 0 ? this.precompiled[rule.schema] : undefined) ?? this.compile(cacheKey, schema, problems, applicable.length > 0),
      fields,
    };
  }

  private compile(key: string, schema: JsonObject, problems: SchemaFileProblem[], fromWorkspace: boolean): ValidateFunction | undefined {
    const known = this.validators.get(key);
    if (known !== undefined) return known ?? undefined;
    let fn: ValidateFunction | null;
    try {
      const ajv = this.ajv();
      // Only a workspace schema is checked against JSON Schema's meta-schema: compiling that meta-schema takes about a
      // third of the first check of a page, and the built-in schemas are checked by the tests.
      if (fromWorkspace && !ajv.validateSchema(schema)) throw new Error(ajv.errorsText(ajv.errors));
      fn = ajv.compile(schema);
    } catch (e) {
      // A workspace schema ajv rejects: say so once and check nothing rather than everything wrongly.
      problems.push({ file: '', message: `The frontmatter schema does not compile: ${e instanceof Error ? e.message : String(e)}` });
      fn = null;
    }
    if (this.validators.size > 64) this.validators.clear();
    this.validators.set(key, fn);
    return fn ?? undefined;
  }

  private ajv(): Ajv {
    return (this.ajvInstance ??= schemaAjv());
  }
}

export function requiredKeys(schema: JsonObject): readonly string[] {
  return stringList(schema, 'required');
}

export function recommendedKeys(schema: JsonObject): readonly string[] {
  return stringList(schema, 'x-recommended');
}

/** Whether keys that are not declared are accepted (JSON Schema's default). */
export function allowsUnknownKeys(schema: JsonObject): boolean {
  return schema['additionalProperties'] !== false;
}

function mergeUserSchemas(
  builtIn: JsonObject,
  files: readonly { setting: FrontmatterSchemaSetting; path: string; text: string | undefined }[],
): { schema: JsonObject; problems: SchemaFileProblem[] } {
  const problems: SchemaFileProblem[] = [];
  let schema: JsonObject = withoutId(builtIn);
  for (const f of files) {
    if (f.text === undefined) {
      problems.push({ file: f.path, message: `The frontmatter schema \`${f.setting.file}\` (setting \`istio.frontmatter.schemas\`) cannot be read.` });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(f.text);
    } catch (e) {
      problems.push({ file: f.path, message: `The frontmatter schema \`${f.setting.file}\` is not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    if (!isObject(parsed)) {
      problems.push({ file: f.path, message: `The frontmatter schema \`${f.setting.file}\` must be a JSON object.` });
      continue;
    }
    const user = lowerCaseKeys(withoutId(parsed));
    schema = f.setting.mode === 'replace' ? user : extend(schema, user);
  }
  return { schema, problems };
}

/** Adds a workspace schema's keys to a built-in one: properties (theirs win), `required` and `x-recommended`. */
function extend(base: JsonObject, ext: JsonObject): JsonObject {
  const props: Record<string, unknown> = { ...(isObject(base['properties']) ? base['properties'] : {}) };
  if (isObject(ext['properties'])) Object.assign(props, ext['properties']);
  const out: Record<string, unknown> = { ...base, properties: props };
  const required = union(stringList(base, 'required'), stringList(ext, 'required'));
  if (required.length > 0) out['required'] = required;
  const recommended = union(stringList(base, 'x-recommended'), stringList(ext, 'x-recommended'));
  if (recommended.length > 0) out['x-recommended'] = recommended;
  if (ext['additionalProperties'] !== undefined) out['additionalProperties'] = ext['additionalProperties'];
  return out;
}

/** Instances are checked with lower-cased keys (Hugo's keys are case-insensitive), so schema keys are too. */
function lowerCaseKeys(s: JsonObject): JsonObject {
  const out: Record<string, unknown> = { ...s };
  if (isObject(s['properties'])) {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s['properties'])) props[k.toLowerCase()] = v;
    out['properties'] = props;
  }
  for (const list of ['required', 'x-recommended']) {
    if (Array.isArray(s[list])) out[list] = stringList(s, list).map((k) => k.toLowerCase());
  }
  return out;
}

/** ajv refuses two schemas with one `$id`; merged and workspace schemas are compiled anonymously. */
function withoutId(s: JsonObject): JsonObject {
  const out: Record<string, unknown> = { ...s };
  delete out['$id'];
  delete out['$schema'];
  return out;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
