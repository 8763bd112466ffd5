import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../server/engine';
import { planTranslation } from '../../../server/engine/features/translations/createPlan';
import { LanguageService } from '../../../server/engine/languageService';
import { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import { copyFileSafely } from '../../../server/src/node/copyFile';
import { NodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { doc } from '../../support/fixtures';

const noPause = { sliceMs: 1e9, pause: () => Promise.resolve() };
const PAGE = '---\ntitle: Post\npublishdate: 2024-01-01\n---\n\nText.\n';

describe('sites lie inside the workspace folders', () => {
  const fs = new MemoryFileSystem({
    '/ws/site/content/en/blog/a.md': PAGE,
    '/ws/site/content/zh/blog/a.md': PAGE,
    '/elsewhere/site/content/en/blog/b.md': PAGE,
  });

  it('finds no site outside the folders, and the site inside them', () => {
    const service = new LanguageService({ fs, scan: noPause, workspaceFolders: ['/ws'] });
    assert.equal(service.siteOf('/elsewhere/site/content/en/blog/b.md'), undefined);
    assert.equal(service.siteOf('/ws/site/content/en/blog/a.md')?.layout.root, '/ws/site');
  });

  it('climbs above a folder only to the site whose content/ holds it (a translator who opened content/zh)', () => {
    const translator = new LanguageService({ fs, scan: noPause, workspaceFolders: ['/ws/site/content/zh'] });
    assert.equal(translator.siteOf('/ws/site/content/zh/blog/a.md')?.layout.root, '/ws/site');
    const notes = new LanguageService({ fs, scan: noPause, workspaceFolders: ['/ws/site/notes'] });
    assert.equal(notes.siteOf('/ws/site/notes/todo.md'), undefined, 'a folder beside content/ does not make its parent a site');
  });

  it('without folders (a single file opened), finds the site above an open document only', () => {
    const service = new LanguageService({ fs, scan: noPause, workspaceFolders: [] });
    assert.equal(service.siteOf('/elsewhere/site/content/en/blog/b.md'), undefined, 'a path a request names');
    const path = '/elsewhere/site/content/en/blog/b.md';
    service.openDocument(path, doc(path, PAGE));
    assert.equal(service.siteOf(path)?.layout.root, '/elsewhere/site');
    // Once known, its other files belong to it.
    assert.equal(service.siteOf('/elsewhere/site/content/zh/blog/b.md')?.layout.root, '/elsewhere/site');
  });

  it('drops a site when its folder is closed', () => {
    const service = new LanguageService({ fs, scan: noPause, workspaceFolders: ['/ws', '/elsewhere'] });
    assert.ok(service.siteOf('/elsewhere/site/content/en/blog/b.md'));
    service.setWorkspaceFolders(['/ws']);
    assert.equal(service.siteOf('/elsewhere/site/content/en/blog/b.md'), undefined);
    assert.deepEqual(service.allSites().map((s) => s.layout.root), []);
  });

  it('keeps the old behaviour without the option (tests and embedders)', () => {
    const service = new LanguageService({ fs, scan: noPause });
    assert.equal(service.siteOf('/elsewhere/site/content/en/blog/b.md')?.layout.root, '/elsewhere/site');
  });
});

describe('Create Translation honours istio.maxFileSize', () => {
  it('refuses to plan a page over the limit instead of answering with its text', async () => {
    const big = PAGE + 'x'.repeat(2_000_000);
    const fs = new MemoryFileSystem({ '/site/content/en/blog/big.md': big, '/site/content/zh/blog/_index.md': PAGE });
    const service = new LanguageService({ fs, scan: noPause });
    const site = service.siteOf('/site/content/en/blog/big.md')!;
    await site.scan();
    const r = planTranslation(site, '/site/content/en/blog/big.md', 'zh');
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'too-large');
    assert.match(!r.ok ? r.message : '', /big\.md is 2,000 KB, over the 1,000 KB limit of `istio\.maxFileSize`/);
    // The service keeps the limit in step with the settings it is given.
    const path = '/site/content/en/blog/big.md';
    service.diagnostics(path, doc(path, big), { ...DEFAULT_SETTINGS, maxFileSize: 3_000_000 });
    assert.equal(planTranslation(site, path, 'zh').ok, true);
  });
});

/** A site on disk with symbolic links out of it, as a cloned repository can arrange. */
describe('nothing is written or read through a link out of content/', () => {
  let tmp: string;
  let site: string;
  let outside: string;

  before(() => {
    tmp = nodeFs.realpathSync(nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), 'istio-bounds-')));
    site = `${tmp}/site`;
    outside = `${tmp}/outside`;
    nodeFs.mkdirSync(outside);
    nodeFs.writeFileSync(`${outside}/secret.png`, 'secret');
    for (const dir of ['en/blog/2024/post', 'en/blog/2024/linked', 'zh/blog/2024']) nodeFs.mkdirSync(`${site}/content/${dir}`, { recursive: true });
    nodeFs.writeFileSync(`${site}/content/en/blog/2024/post/index.md`, PAGE);
    nodeFs.writeFileSync(`${site}/content/en/blog/2024/post/pic.png`, 'pic');
    // An English resource that is a link to a file outside the site.
    nodeFs.symlinkSync(`${outside}/secret.png`, `${site}/content/en/blog/2024/post/leak.png`);
    // The zh bundle folder of `linked` is a link to a folder outside the site.
    nodeFs.writeFileSync(`${site}/content/en/blog/2024/linked/index.md`, PAGE);
    nodeFs.symlinkSync(outside, `${site}/content/zh/blog/2024/linked`);
    // A dangling link where the zh page of `post` would go.
    nodeFs.mkdirSync(`${site}/content/zh/blog/2024/post`);
    nodeFs.symlinkSync(`${outside}/planted.md`, `${site}/content/zh/blog/2024/post/index.md`);
  });

  after(() => nodeFs.rmSync(tmp, { recursive: true, force: true }));

  async function siteIndex(): Promise<ReturnType<LanguageService['siteOf']>> {
    const service = new LanguageService({ fs: new NodeFileSystem(), scan: noPause, workspaceFolders: [tmp] });
    const s = service.siteOf(`${site}/content/en/blog/2024/post/index.md`)!;
    await s.scan();
    return s;
  }

  it('refuses a plan whose page would land outside through a linked folder', async () => {
    const s = (await siteIndex())!;
    const r = planTranslation(s, `${site}/content/en/blog/2024/linked/index.md`, 'zh');
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'not-content');
    assert.match(!r.ok ? r.message : '', /outside the site's content\/ folder/);
  });

  it('refuses a plan whose page would replace a dangling link, and never lists a linked resource to copy', async () => {
    const s = (await siteIndex())!;
    assert.equal(planTranslation(s, `${site}/content/en/blog/2024/post/index.md`, 'zh').ok, false);
    const uk = planTranslation(s, `${site}/content/en/blog/2024/post/index.md`, 'uk');
    assert.ok(uk.ok);
    assert.deepEqual(uk.plan.copies.map((c) => nodePath.basename(c.from)), ['pic.png']);
  });

  it('the copy fix refuses a target folder that is a link out, and a source that is one', () => {
    const contentDirOf = (p: string): string | undefined => (p.startsWith(`${site}/`) ? `${site}/content` : undefined);
    const into = copyFileSafely({ source: `${site}/content/en/blog/2024/post/pic.png`, target: `${site}/content/zh/blog/2024/linked/pic.png` }, contentDirOf);
    assert.equal(into.ok, false);
    assert.match(into.message, /symbolic link leads outside/);
    assert.ok(!nodeFs.existsSync(`${outside}/pic.png`), 'nothing was written outside');
    const from = copyFileSafely({ source: `${site}/content/en/blog/2024/post/leak.png`, target: `${site}/content/zh/blog/2024/leak.png` }, contentDirOf);
    assert.equal(from.ok, false);
    assert.ok(!nodeFs.existsSync(`${site}/content/zh/blog/2024/leak.png`), 'nothing was copied in');
    const plain = copyFileSafely({ source: `${site}/content/en/blog/2024/post/pic.png`, target: `${site}/content/zh/blog/2024/pic.png` }, contentDirOf);
    assert.equal(plain.ok, true, plain.message);
    assert.equal(nodeFs.readFileSync(`${site}/content/zh/blog/2024/pic.png`, 'utf8'), 'pic');
    const again = copyFileSafely({ source: `${site}/content/en/blog/2024/post/pic.png`, target: `${site}/content/zh/blog/2024/pic.png` }, contentDirOf);
    assert.match(again.message, /already exists; it was not overwritten/);
    const dangling = copyFileSafely({ source: `${site}/content/en/blog/2024/post/pic.png`, target: `${site}/content/zh/blog/2024/post/index.md` }, contentDirOf);
    assert.equal(dangling.ok, false);
    assert.ok(!nodeFs.existsSync(`${outside}/planted.md`), 'a dangling link is not followed');
  });
});
