import type { ErrorObject } from 'ajv';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Frontmatter } from '../../parser/frontmatter';
import { diagnostic } from '../diagnostic';
import { MAX_FINDINGS_PER_DOCUMENT } from '../findingsLimit';
import type { DocumentContext } from '../documentContext';
import type { DiagnosticRule } from '../feature';
import { keyRangeIn, rangeAtPointer, schemaInstance } from './instance';
import { keySuggestions, nearKnownKey } from './keySuggestions';
import { isHeadless, pageFrontmatter, type PageFrontmatter } from './pageFrontmatter';
import { placeholderFor } from './placeholders';
import type { Fix } from '../quickFix';
import { boolProp, describeExpected, fieldApplies, fieldSeverity, fieldTypes, stringList, stringProp } from './schemaModel';
import { allowsUnknownKeys, recommendedKeys } from './schemaStore';

/**
 * The page's frontmatter against the JSON Schema of its kind (blog post, docs page…): missing keys,
 * wrong types and formats, unknown or misspelt keys. Each diagnostic sits on the exact key or value.
 */
export function frontmatterSchemaRule(now: () => Date = () => new Date()): DiagnosticRule {
  return {
    name: 'frontmatter-schema',
    check(ctx) {
      const page = pageFrontmatter(ctx);
      if (!page || !page.valid) return [];
      return checkSchema(ctx, page, now());
    },
  };
}

function checkSchema(ctx: DocumentContext, page: PageFrontmatter, now: Date): Diagnostic[] {
  const { fm, schema } = page;
  const out: Diagnostic[] = [];
  const validate = schema.validator();
  for (const p of schema.problems) out.push(diagnostic(ctx, fm.openRange, 'frontmatter.schema-file', p.message));
  const lineEnd = ctx.parsed.text.includes('\r\n') ? '\r\n' : '\n';

  const addKeyFix = (key: string): Fix => {
    const at = ctx.range({ start: fm.contentRange.end, end: fm.contentRange.end });
    const value = placeholderFor(schema.fields.field(key)?.schema, now);
    return { title: `Add \`${key}:\``, edits: [{ range: at, newText: `${key}: ${value}${lineEnd}` }], isPreferred: true };
  };

  // Keys the site reads only on some pages (`test` on English docs) take any value elsewhere and are never expected.
  const langPath = `${page.location.lang}/${page.location.relPath}`;
  const applies = (key: string): boolean => {
    const field = schema.fields.field(key)?.schema;
    return !field || fieldApplies(field, langPath);
  };
  // A headless bundle is never rendered: the keys only a rendered page needs (`title`) may be missing.
  const headless = isHeadless(fm);
  const needed = (key: string): boolean => applies(key) && !(headless && boolProp(schema.fields.field(key)?.schema ?? {}, 'x-rendered-only'));

  const reported = new Set<string>();
  // The keys the page has, for "did you mean": made once, not once per unknown key (quadratic over many keys).
  let present: ReadonlySet<string> | undefined;
  const keysPresent = (): ReadonlySet<string> => (present ??= new Set(fm.byKey.keys()));
  let unknownKeys = 0;
  if (validate) {
    const instance = schemaInstance(fm);
    for (const key of Object.keys(instance)) if (!applies(key)) delete instance[key];
    validate(instance);
    const errors = validate.errors ?? [];
    for (const e of errors) {
      if (e.keyword === 'required') {
        const key = String(e.params['missingProperty'] ?? '');
        if (e.instancePath !== '' || key === '' || !needed(key)) continue;
        out.push(
          diagnostic(ctx, fm.openRange, 'frontmatter.missing-required', `This ${schema.label} needs \`${key}:\` in its frontmatter.`, { fixes: [addKeyFix(key)] }),
        );
      } else if (e.keyword === 'additionalProperty' || e.keyword === 'additionalProperties') {
        const name = String(e.params['additionalProperty'] ?? '');
        if (e.instancePath === '') {
          // "Did you mean" compares the key with every known one: past the findings a page can show, the key is
          // still counted but not compared (10,000 unknown keys spent most of their check on suggestions unseen).
          const suggest = unknownKeys++ < MAX_FINDINGS_PER_DOCUMENT;
          out.push(suggest ? unknownKey(ctx, page, name, true, keysPresent()) : plainUnknownKey(ctx, page, name));
        }
        else {
          const range = keyRangeIn(fm, e.instancePath, name);
          if (range) out.push(diagnostic(ctx, range, 'frontmatter.unknown-key', `\`${name}\` is not a key of \`${e.instancePath.slice(1)}\`.`));
        }
      } else if (!reported.has(e.instancePath) && !isContainerOfReported(e.instancePath, reported)) {
        const d = invalidValue(ctx, fm, page, e);
        if (d) {
          reported.add(e.instancePath);
          out.push(d);
        }
      }
    }
  }

  // Expected keys: a warning, not an error (three real CNCF posts have no description).
  for (const key of recommendedKeys(schema.schema)) {
    if (!needed(key)) continue;
    const entry = fm.byKey.get(key);
    if ((entry && entry.value !== null && entry.value !== '') || reported.has(`/${key}`)) continue;
    const range = entry ? entry.keyRange : fm.openRange;
    out.push(
      diagnostic(
        ctx,
        range,
        'frontmatter.missing-recommended',
        entry ? `\`${entry.key}\` is empty; a ${schema.label} is expected to have one.` : `A ${schema.label} is expected to have \`${key}:\`.`,
        entry ? {} : { fixes: [addKeyFix(key)] },
      ),
    );
  }

  // Schemas that accept any key still catch near-misses of known keys.
  if (allowsUnknownKeys(schema.schema)) {
    for (const entry of fm.entries) {
      const lower = entry.key.toLowerCase();
      if (fm.byKey.get(lower) !== entry || schema.fields.field(lower) || !nearKnownKey(schema, lower)) continue;
      const d = unknownKey(ctx, page, lower, false, keysPresent());
      if (d) out.push(d);
    }
  }

  // Case variants of known keys: Hugo reads them, the site spells them in lower case.
  for (const entry of fm.entries) {
    const lower = entry.key.toLowerCase();
    // A duplicate (`Title` after `title`) is already reported by the parser.
    if (entry.key === lower || fm.byKey.get(lower) !== entry) continue;
    const field = schema.fields.field(lower);
    if (!field || stringList(field.schema, 'x-spellings').includes(entry.key)) continue;
    out.push(
      diagnostic(
        ctx,
        entry.keyRange,
        'frontmatter.key-case',
        `Hugo reads \`${entry.key}\` as \`${lower}\`; the site writes \`${lower}\`.`,
        { fixes: [{ title: `Rename to \`${lower}\``, edits: [{ range: ctx.range(entry.keyRange), newText: lower }], isPreferred: true }] },
      ),
    );
  }
  return out;
}

/** An undeclared top-level key, without looking for what it may be a misspelling of. */
function plainUnknownKey(ctx: DocumentContext, page: PageFrontmatter, lower: string): Diagnostic {
  const entry = page.fm.byKey.get(lower);
  const message = `\`${entry?.key ?? lower}\` is not a known key of a ${page.schema.label}: Hugo ignores it.`;
  return diagnostic(ctx, entry?.keyRange ?? page.fm.openRange, 'frontmatter.unknown-key', message);
}

/** An undeclared top-level key, with "did you mean" fixes. With `always` false, only a near-miss is reported. */
function unknownKey(ctx: DocumentContext, page: PageFrontmatter, lower: string, always: true, present: ReadonlySet<string>): Diagnostic;
function unknownKey(ctx: DocumentContext, page: PageFrontmatter, lower: string, always: false, present: ReadonlySet<string>): Diagnostic | undefined;
function unknownKey(ctx: DocumentContext, page: PageFrontmatter, lower: string, always: boolean, present: ReadonlySet<string>): Diagnostic | undefined {
  const { fm, schema } = page;
  const entry = fm.byKey.get(lower);
  const range = entry?.keyRange ?? fm.openRange;
  const written = entry?.key ?? lower;
  const suggestions = keySuggestions(schema, lower, present);
  const fixes: Fix[] = suggestions.map((s, i) => ({
    title: `Rename to \`${s}\``,
    edits: [{ range: ctx.range(range), newText: s }],
    isPreferred: i === 0 && suggestions.length === 1,
  }));
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : '';
  const message = `\`${written}\` is not a known key of a ${schema.label}: Hugo ignores it.${hint}`;
  if (!always && fixes.length === 0) return undefined;
  return diagnostic(ctx, range, 'frontmatter.unknown-key', message, { fixes });
}

function invalidValue(ctx: DocumentContext, fm: Frontmatter, page: PageFrontmatter, e: ErrorObject): Diagnostic | undefined {
  const at = rangeAtPointer(fm, e.instancePath);
  if (!at) return undefined;
  const top = e.instancePath.split('/')[1] ?? '';
  const field = page.schema.fields.field(top)?.schema;
  const severity = field ? fieldSeverity(field) : 'error';
  const custom = field ? stringProp(field, 'x-message') : undefined;
  let message: string;
  if (custom) message = custom;
  else if (e.keyword === 'enum' && field) message = `\`${at.entry.key}\` must be ${describeExpected(field)}.`;
  else if (e.keyword === 'type' && field && e.instancePath.split('/').length === 2 && fieldTypes(field).length > 0) {
    message = `\`${at.entry.key}\` must be ${describeExpected(field)}.`;
  } else message = `\`${at.entry.key}\`${e.instancePath.split('/').length > 2 ? ` (item \`${e.instancePath.split('/').slice(2).join('/')}\`)` : ''} ${humanize(e)}.`;
  return diagnostic(ctx, at.range, 'frontmatter.invalid-value', message, { severity });
}

/** ajv's "must be string" in the words of the hover text. */
function humanize(e: ErrorObject): string {
  if (e.keyword === 'type') {
    const t = String(e.params['type'] ?? '');
    return `must be ${t.split(',').map((x) => ({ string: 'text', array: 'a list', boolean: '`true` or `false`', number: 'a number', integer: 'a whole number', object: 'a map', null: 'empty' })[x] ?? x).join(' or ')}`;
  }
  return e.message ?? 'is not valid';
}

/**
 * One diagnostic per value: an error inside a list already reported as a whole is not repeated. Each of the
 * pointer's ancestors is looked up, rather than every reported pointer compared (quadratic over a long list).
 */
function isContainerOfReported(pointer: string, reported: ReadonlySet<string>): boolean {
  for (let slash = pointer.lastIndexOf('/'); slash > 0; slash = pointer.lastIndexOf('/', slash - 1)) {
    if (reported.has(pointer.slice(0, slash))) return true;
  }
  return false;
}
