import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { CLOSEST_KEYS, didYouMean } from '../../../../server/engine/features/didYouMean';
import { ANNOTATION_KEYWORDS, fieldOf, SchemaStore } from '../../../../server/engine/features/frontmatter/schemaStore';
import { toFrontmatterSchemaSettings } from '../../../../server/engine';
import { doc, lc, MEM_ROOT, rangeOf, sample } from '../../../support/fixtures';
import { fmDiagnostics, settingsWith, siteService, summary } from './support';

const SCHEMAS = path.resolve(__dirname, '../../../../server/data/schemas');
const CHINA = 'content/en/blog/2023/istiocon-china/index.md';

describe('built-in frontmatter schemas', () => {
  it('are valid JSON Schemas that ajv compiles in strict mode, and every field has a description', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
    const common = JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'common.schema.json'), 'utf8')) as { $defs: Record<string, { description?: string }> };
    ajv.addSchema(common);
    for (const [key, def] of Object.entries(common.$defs)) assert.ok(def.description, key);
    const files = fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json') && f !== 'common.schema.json');
    assert.equal(files.length, 7);
    for (const f of files) ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, f), 'utf8')) as object);
  });

  it('are chosen by path under the language folder', () => {
    const store = new SchemaStore();
    const kinds = [
      'blog/2023/istiocon-china/index.md',
      'blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do.md',
      'blog/_index.md',
      'blog/2019/_index.md',
      // Any _index.md is a list page in Hugo, never a post, even in a folder that is not a year.
      'blog/events/_index.md',
      'docs/reference/glossary/envoy.md',
      'docs/reference/glossary/index.md',
      'docs/ops/deployment/platform-requirements/index.md',
      'news/releases/1.22.x/announcing-1.22.1/index.md',
      'boilerplates/experimental-feature-warning.md',
      'about/case-studies/x/index.md',
    ].map((p) => store.kindOf(p).kind);
    assert.deepEqual(kinds, ['blog-post', 'blog-post', 'blog-section', 'blog-section', 'blog-section', 'glossary-term', 'docs-page', 'docs-page', 'news', 'boilerplate', 'default']);
  });

  it('resolve a field through its $ref to the shared definitions', () => {
    const store = new SchemaStore();
    const schema = store.forPage('blog/2023/x/index.md', [], MEM_ROOT, () => undefined).schema;
    assert.equal(fieldOf(schema, 'publishdate')?.schema['x-completion'], 'today');
    assert.equal(fieldOf(schema, 'owner'), undefined);
  });

  it('did you mean: a typo, a swap, nothing for a far word', () => {
    const keys = ['title', 'publishdate', 'description', 'keywords', 'attribution'];
    const closest = (word: string, candidates: string[]) => didYouMean(word, candidates, CLOSEST_KEYS);
    assert.deepEqual(closest('pubishdate', keys), ['publishdate']);
    assert.deepEqual(closest('descirption', keys), ['description']);
    assert.deepEqual(closest('keyword', keys), ['keywords']);
    assert.deepEqual(closest('banana', keys), []);
  });
});

describe('istio.frontmatter.schemas (workspace schema files)', () => {
  it('reads the setting as the client sends it, dropping malformed entries', () => {
    assert.deepEqual(toFrontmatterSchemaSettings([{ kind: 'blog-post', file: 'a.json' }, { file: 'b.json', mode: 'replace' }, { kind: 'x' }, 'junk', null]), [
      { kind: 'blog-post', file: 'a.json', mode: 'extend' },
      { kind: '*', file: 'b.json', mode: 'replace' },
    ]);
    assert.deepEqual(toFrontmatterSchemaSettings(undefined), []);
  });

  it('extends the blog post schema with a field of the workspace: no false unknown key, its own required key, and the file is a dependency', async () => {
    const schemaFile = JSON.stringify({
      properties: { series: { type: 'string', description: 'The series this post belongs to.' } },
      required: ['series'],
    });
    const service = await siteService({ 'schemas/blog.json': schemaFile });
    const settings = settingsWith([{ kind: 'blog-post', file: 'schemas/blog.json', mode: 'extend' }]);
    const text = sample(CHINA);
    assert.deepEqual(summary(fmDiagnostics(service, CHINA, text)), []);
    assert.deepEqual(summary(fmDiagnostics(service, CHINA, text, settings)), [['frontmatter.missing-required', 1, lc(1, 1, 1, 4)]]);
    const withSeries = text.replace('keywords:', 'series: IstioCon\nkeywords:');
    assert.deepEqual(fmDiagnostics(service, CHINA, withSeries, settings), []);
    assert.deepEqual(summary(fmDiagnostics(service, CHINA, withSeries)), [['frontmatter.unknown-key', 2, rangeOf(withSeries, 'series')]]);
    const p = `${MEM_ROOT}/${CHINA}`;
    const result = service.diagnostics(p, doc(p, withSeries), settings);
    assert.ok(result.dependencies.has(`${MEM_ROOT}/schemas/blog.json`));
  });

  it('puts an error inside a nested map of a workspace field on the nested key or value', async () => {
    const schemaFile = JSON.stringify({
      properties: { author: { type: 'object', properties: { name: { type: 'string' }, image: { type: 'string' } }, additionalProperties: false } },
    });
    const service = await siteService({ 'schemas/author.json': schemaFile });
    const settings = settingsWith([{ kind: 'blog-post', file: 'schemas/author.json', mode: 'extend' }]);
    const text = sample(CHINA).replace('keywords:', 'author:\n  name: 42\n  imgae: me.png\nkeywords:');
    assert.deepEqual(summary(fmDiagnostics(service, CHINA, text, settings)), [
      ['frontmatter.unknown-key', 2, rangeOf(text, 'imgae')],
      ['frontmatter.invalid-value', 1, rangeOf(text, '42')],
    ]);
  });

  it('replaces a schema entirely, and may refer to the shared definitions', async () => {
    const schemaFile = JSON.stringify({
      type: 'object',
      properties: { title: { $ref: 'common.schema.json#/$defs/title' }, Publishdate: { type: 'string' } },
      required: ['title'],
      additionalProperties: true,
    });
    const service = await siteService({ 'schemas/loose.json': schemaFile });
    const settings = settingsWith([{ kind: '*', file: 'schemas/loose.json', mode: 'replace' }]);
    const text = sample(CHINA).replace('publishdate: 2023-09-29\n', '').replace('keywords:', 'anything: 1\nkeywords:');
    assert.deepEqual(fmDiagnostics(service, CHINA, text, settings), []);
  });

  it('warns once, on the opening line, when a schema file is missing or not JSON, and keeps the built-in checks', async () => {
    const service = await siteService({ 'schemas/broken.json': '{ not json' });
    const text = sample(CHINA).replace('title: "IstioCon China 2023 wrap-up"\n', '');
    const missing = fmDiagnostics(service, CHINA, text, settingsWith([{ kind: 'blog-post', file: 'schemas/nope.json', mode: 'extend' }]));
    assert.deepEqual(summary(missing), [
      ['frontmatter.schema-file', 2, lc(1, 1, 1, 4)],
      ['frontmatter.missing-required', 1, lc(1, 1, 1, 4)],
    ]);
    assert.match(missing[0]!.message, /`schemas\/nope.json` .* cannot be read/);
    const broken = fmDiagnostics(service, CHINA, text, settingsWith([{ kind: 'blog-post', file: 'schemas/broken.json', mode: 'extend' }]));
    assert.match(broken[0]!.message, /is not valid JSON/);
  });

  it('warns when a workspace schema does not compile, and checks nothing rather than everything wrongly', async () => {
    const service = await siteService({ 'schemas/bad.json': JSON.stringify({ type: 'object', properties: { title: { type: 'no-such-type' } } }) });
    const ds = fmDiagnostics(service, CHINA, sample(CHINA), settingsWith([{ kind: 'blog-post', file: 'schemas/bad.json', mode: 'replace' }]));
    assert.deepEqual(ds.map((d) => d.code), ['frontmatter.schema-file']);
    assert.match(ds[0]!.message, /does not compile/);
  });
});
