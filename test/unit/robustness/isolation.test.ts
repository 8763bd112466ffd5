// Two language services share nothing: every cache the engine keeps belongs to a service or to one of its site
// indexes (docs/architecture.md, "The engine at run time"). Both services here see a site at the same path, /site,
// in two in-memory file systems whose files also get the same modification times: a cache keyed by path (and
// mtime) in a module would hand one service the other's answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, type IstioSettings } from '../../../server/engine';
import { LanguageService } from '../../../server/engine/languageService';
import { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import { doc, withCursor } from '../../support/fixtures';

const POST = '/site/content/en/blog/2024/post/index.md';
const POST_TEXT = '---\ntitle: A post\ndescription: A post.\npublishdate: 2024-05-01\nattribution: Someone\nkeywords: [KEYWORD]\n---\n\nText.\n';
const SCHEMA = '/site/schemas/blog.json';
/** The same setting in both services: the file it names differs. */
const settings: IstioSettings = { ...DEFAULT_SETTINGS, frontmatter: { schemas: [{ kind: 'blog-post', file: 'schemas/blog.json', mode: 'extend' }] } };

/** A small site whose files are written in the same order in every call, so their modification times are equal. */
function site(version: string, requiredKey: string, keyword: string): LanguageService {
  const fs = new MemoryFileSystem({
    [POST]: POST_TEXT.replace('KEYWORD', keyword),
    '/site/data/args.yml': `version: "${version}"\n`,
    [SCHEMA]: JSON.stringify({ properties: { [requiredKey]: { type: 'string' } }, required: [requiredKey] }),
  });
  return new LanguageService({ fs, scan: { sliceMs: 1_000_000, pause: () => Promise.resolve() } });
}

const missingRequired = (service: LanguageService, s?: IstioSettings): string[] =>
  service
    .diagnostics(POST, doc(POST, POST_TEXT.replace('KEYWORD', 'x')), s)
    .diagnostics.filter((d) => d.code === 'frontmatter.missing-required')
    .map((d) => d.message);

describe('two language services', () => {
  it('read each its own site\u2019s data/args.yml', () => {
    const a = site('1.22', 'owner', 'alpha');
    const b = site('1.23', 'team', 'beta');
    assert.equal(a.siteValues(a.siteOf(POST))['version'], '1.22');
    assert.equal(b.siteValues(b.siteOf(POST))['version'], '1.23');
    assert.equal(a.siteValues(a.siteOf(POST))['version'], '1.22');
    assert.equal(b.siteValues(b.siteOf(POST))['source_branch_name'], 'master', 'the defaults fill in the rest');
  });

  it('apply each its own workspace schema file, and none where the setting is absent', () => {
    const a = site('1.22', 'owner', 'alpha');
    const b = site('1.23', 'team', 'beta');
    assert.deepEqual(missingRequired(a, settings), ['This blog post needs `owner:` in its frontmatter.']);
    assert.deepEqual(missingRequired(b, settings), ['This blog post needs `team:` in its frontmatter.']);
    const c = site('1.24', 'owner', 'gamma');
    assert.deepEqual(missingRequired(c), []);
    assert.deepEqual(missingRequired(a, settings), ['This blog post needs `owner:` in its frontmatter.']);
  });

  it('offer each its own site\u2019s keywords', async () => {
    const a = site('1.22', 'owner', 'alpha');
    const b = site('1.23', 'team', 'beta');
    const keywords = async (service: LanguageService): Promise<string[]> => {
      await service.contentLocation(POST);
      await service.indexStatus({ wait: true });
      const { text, offset } = withCursor(POST_TEXT.replace('keywords: [KEYWORD]', 'keywords: [|]'));
      const d = doc(POST, text);
      return service.completions(POST, d, d.positionAt(offset)).map((i) => i.label);
    };
    assert.deepEqual(await keywords(a), ['alpha']);
    assert.deepEqual(await keywords(b), ['beta']);
  });
});
