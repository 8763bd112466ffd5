import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../server/engine';
import { LanguageService } from '../../../server/engine/languageService';
import { parseFrontmatter } from '../../../server/engine/parser/frontmatter';
import { mergeSettings, settingsSection } from '../../../server/engine/settings';
import { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import { RootedFileSystem } from '../../../server/engine/site/rootedFileSystem';
import { SiteIndex } from '../../../server/engine/site/siteIndex';
import { readLayout } from '../../../server/engine/site/siteLayout';
import type { DirEntry, FileStat, FileSystem } from '../../../server/engine/site/fileSystem';
import { NodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { doc, lc, MEM_ROOT, memorySite, sample } from '../../support/fixtures';

const POST = 'content/en/blog/2023/istiocon-china/index.md';

/** Records every path the engine asks the file system for. */
class RecordingFileSystem implements FileSystem {
  readonly seen: string[] = [];
  constructor(private readonly inner: FileSystem) {}
  readText(path: string): string | undefined {
    this.seen.push(path);
    return this.inner.readText(path);
  }
  stat(path: string): FileStat | undefined {
    this.seen.push(path);
    return this.inner.stat(path);
  }
  readDir(path: string): readonly DirEntry[] | undefined {
    this.seen.push(path);
    return this.inner.readDir(path);
  }
}

describe('settings', () => {
  it('merges the editor settings over the defaults, keeping the default for a mistyped value', () => {
    assert.deepEqual(mergeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(mergeSettings({ diagnostics: { enable: false }, maxFileSize: 5 }), { ...DEFAULT_SETTINGS, diagnostics: { enable: false, severity: {} }, maxFileSize: 5 });
    assert.deepEqual(mergeSettings({ diagnostics: 'no', maxFileSize: '5' }), DEFAULT_SETTINGS);
  });

  it('reads the flat keys of a .vscode/settings.json as the istio section', () => {
    const section = settingsSection({ 'istio.diagnostics.enable': false, 'istio.maxFileSize': 2000, 'editor.tabSize': 2 }, 'istio');
    assert.deepEqual(section, { diagnostics: { enable: false }, maxFileSize: 2000 });
    assert.deepEqual(settingsSection({ istio: { maxFileSize: 7 } }, 'istio'), { maxFileSize: 7 });
  });
});

describe('file size limit', () => {
  it('skips a file over istio.maxFileSize with one information diagnostic, and checks it under the limit', () => {
    const text = sample(POST);
    const broken = text.replace('{{< image width="75%"', '{{< image width="75%" caption="x');
    const service = new LanguageService({ fs: memorySite() });
    const d = doc(`${MEM_ROOT}/${POST}`, broken);
    const small = { ...DEFAULT_SETTINGS, maxFileSize: 1000 };
    const skipped = service.diagnostics(d.uri.slice(7), d, small).diagnostics;
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]!.code, 'file.too-large');
    assert.equal(skipped[0]!.severity, 3);
    assert.deepEqual(skipped[0]!.range, lc(1, 1, 1, 4));
    assert.deepEqual(skipped[0]!.data, { size: broken.length, limit: 1000 });
    assert.deepEqual(service.completions(d.uri.slice(7), d, { line: 10, character: 0 }, small), []);
    const checked = service.diagnostics(d.uri.slice(7), d).diagnostics;
    assert.ok(checked.length > 0 && checked.every((x) => x.code !== 'file.too-large'));
  });

  it('does not read a page over the limit into the site index', async () => {
    const fs = memorySite();
    const index = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
    index.maxFileSize = 100;
    await index.scan({ sliceMs: 1_000_000, pause: () => Promise.resolve() });
    assert.equal(index.summary(`${MEM_ROOT}/${POST}`), undefined);
    assert.ok(index.exists(`${MEM_ROOT}/${POST}`));
  });

  describe('reaches the site index through the service', () => {
    // A full checkout where page A links to page B through one of B's aliases, and B is over the small limit.
    const A = '/s/content/en/docs/a/index.md';
    const B = '/s/content/en/docs/b/index.md';
    const A_TEXT = '---\ntitle: Page A\ntest: n/a\n---\n\nSee [the large page](/old-b/).\n';
    const B_TEXT = '---\ntitle: Large page\ntest: n/a\naliases: [/old-b/]\n---\n\n' + 'A long paragraph of the large page.\n'.repeat(200);
    const small = { ...DEFAULT_SETTINGS, maxFileSize: 2_000 };

    async function indexedService(): Promise<LanguageService> {
      const fs = new MemoryFileSystem({ '/s/hugo.toml': '', [A]: A_TEXT, [B]: B_TEXT });
      const service = new LanguageService({ fs, scan: { sliceMs: 1_000_000, pause: () => Promise.resolve() } });
      await service.contentLocation(A);
      await service.indexStatus({ wait: true });
      return service;
    }
    const linkCodes = (service: LanguageService, settings?: typeof small): string[] =>
      service.diagnostics(A, doc(A, A_TEXT), settings).diagnostics.map((d) => String(d.code));
    const titleOfB = async (service: LanguageService, settings?: typeof small): Promise<string | undefined> =>
      (await service.translations(B, undefined, settings))?.languages.find((v) => v.lang === 'en')?.title;

    it('a request\u2019s limit becomes its site\u2019s, and a later request\u2019s limit replaces it', async () => {
      const service = await indexedService();
      assert.deepEqual(linkCodes(service), []);
      assert.equal(await titleOfB(service), 'Large page');
      // Summaries read under the old limit are dropped, and the page facts built over them rebuilt.
      assert.deepEqual(linkCodes(service, small), ['link.page-not-found']);
      assert.equal(await titleOfB(service, small), undefined);
      assert.deepEqual(linkCodes(service, DEFAULT_SETTINGS), []);
      assert.equal(await titleOfB(service), 'Large page');
      service.dispose();
    });

    it('configure() sets the limit of every index and of requests without settings of their own', async () => {
      const service = await indexedService();
      assert.equal(await titleOfB(service), 'Large page');
      service.configure(small);
      assert.equal(await titleOfB(service), undefined);
      assert.deepEqual(linkCodes(service), ['link.page-not-found']);
      assert.equal(service.diagnostics(B, doc(B, B_TEXT)).diagnostics[0]?.code, 'file.too-large');
      service.dispose();
    });

    it('a site created after configure() is scanned under its limit from the start', async () => {
      const fs = new MemoryFileSystem({ '/s/hugo.toml': '', [A]: A_TEXT, [B]: B_TEXT });
      const service = new LanguageService({ fs, scan: { sliceMs: 1_000_000, pause: () => Promise.resolve() } });
      service.configure(small);
      await service.contentLocation(A);
      await service.indexStatus({ wait: true });
      assert.deepEqual(linkCodes(service), ['link.page-not-found']);
      service.dispose();
    });
  });
});

describe('reads stay inside the site', () => {
  it('refuses paths outside the allowed roots, including ../ escapes', () => {
    const mem = new MemoryFileSystem({ '/site/content/en/a.md': 'a', '/etc/passwd': 'root:x:0:0' });
    const rooted = new RootedFileSystem(mem);
    rooted.allow('/site');
    assert.equal(rooted.readText('/site/content/en/a.md'), 'a');
    assert.equal(rooted.readText('/etc/passwd'), undefined);
    assert.equal(rooted.readText('/site/content/en/../../../etc/passwd'), undefined);
    assert.equal(rooted.stat('/etc/passwd'), undefined);
    assert.equal(rooted.readDir('/etc'), undefined);
    assert.equal(rooted.readText('/sitex/a.md'), undefined);
  });

  it('keeps reading a Windows site with folders\' real paths kept: the drive is asked as a whole path, never as `c:`', () => {
    // VS Code writes the drive letter in lower case and the real path gives it in upper case; a bare `c:` names the
    // drive's current folder. An in-memory disk with those two behaviours of Windows' real paths.
    const mem = new MemoryFileSystem({ 'c:/site/content/en/a.md': 'a', 'c:/other/b.md': 'b' });
    const asked: string[] = [];
    const windows: FileSystem = {
      readText: (p) => mem.readText(p),
      stat: (p) => mem.stat(p),
      readDir: (p) => mem.readDir(p),
      realPath: (p) => {
        asked.push(p);
        return /^[a-z]:$/i.test(p) ? 'C:/Users/someone' : p.replace(/^([a-z]):/, (_, d: string) => `${d.toUpperCase()}:`);
      },
    };
    const rooted = new RootedFileSystem(windows, { keepFolderRealPaths: true });
    rooted.allow('c:/site');
    assert.ok(rooted.readDir('c:/site/content/en')?.some((e) => e.name === 'a.md'));
    assert.equal(rooted.readText('c:/site/content/en/a.md'), 'a');
    assert.equal(rooted.readText('c:/other/b.md'), undefined);
    assert.deepEqual(asked.filter((p) => /^[a-z]:$/i.test(p)), []);
  });

  it('the engine reads no file outside the site root while checking a post with ../../.. links', async () => {
    const mem = memorySite();
    mem.write('/etc/passwd', 'root:x:0:0');
    const recording = new RecordingFileSystem(mem);
    const service = new LanguageService({ fs: recording, scan: { sliceMs: 1_000_000, pause: () => Promise.resolve() } });
    const text = sample(POST) + '\n[x](../../../../../../etc/passwd) ![y](../../../../../../../etc/passwd)\n{{< image link="../../../../../../etc/passwd" caption="x" >}}\n';
    const path = `${MEM_ROOT}/${POST}`;
    const d = doc(path, text);
    service.openDocument(path, d);
    service.diagnostics(path, d);
    await service.siteOf(path)!.scan();
    service.diagnostics(path, d);
    service.documentLinks(path, d);
    for (let line = 0; line < d.lineCount; line += 7) service.definition(path, d, { line, character: 5 });
    // Finding the site root lists `<ancestor>/content` folders; every other access is inside the site.
    const outside = recording.seen.filter((p) => !p.startsWith(`${MEM_ROOT}/`) && !/^(\/[^/]*)?\/content$/.test(p));
    assert.deepEqual(outside, []);
    assert.ok(!service.fs.permits('/etc/passwd'));
    assert.equal(service.fs.readText(`${MEM_ROOT}/content/en/../../../etc/passwd`), undefined);
  });

  it('refuses a symbolic link inside the site that leads outside it, on the real disk', () => {
    const tmp = nodeFs.realpathSync(nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), 'istio-links-')));
    try {
      const site = `${tmp}/site`;
      nodeFs.mkdirSync(`${site}/content/en/blog`, { recursive: true });
      nodeFs.writeFileSync(`${site}/content/en/blog/post.md`, '---\ntitle: Post\n---\n');
      nodeFs.mkdirSync(`${tmp}/outside`);
      nodeFs.writeFileSync(`${tmp}/outside/secret.md`, 'secret');
      nodeFs.symlinkSync(`${tmp}/outside/secret.md`, `${site}/content/en/blog/leak.md`);
      nodeFs.symlinkSync(`${tmp}/outside`, `${site}/content/en/out`);
      nodeFs.symlinkSync(`${site}/content/en/blog/post.md`, `${site}/content/en/blog/alias.md`);
      const service = new LanguageService({ fs: new NodeFileSystem() });
      const site_ = service.siteOf(`${site}/content/en/blog/post.md`)!;
      assert.equal(service.fs.readText(`${site}/content/en/blog/post.md`), '---\ntitle: Post\n---\n');
      assert.equal(service.fs.readText(`${site}/content/en/blog/alias.md`), '---\ntitle: Post\n---\n', 'a link that stays inside is fine');
      assert.equal(service.fs.readText(`${site}/content/en/blog/leak.md`), undefined);
      assert.equal(service.fs.readText(`${site}/content/en/out/secret.md`), undefined);
      assert.equal(service.fs.readDir(`${site}/content/en/out`), undefined);
      assert.equal(site_.readText(`${site}/content/en/blog/leak.md`), undefined);
      service.dispose();
    } finally {
      nodeFs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('refuses the same links once the folders are listed, and a folder replaced by a link once told of it', async () => {
    // A service that scans keeps folders' real paths and what their listings show (rootedFileSystem.ts): a read then
    // asks the disk nothing about the folders. Links must still be refused, and a file event forgets what was kept.
    const tmp = nodeFs.realpathSync(nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), 'istio-links-')));
    try {
      const site = `${tmp}/site`;
      nodeFs.mkdirSync(`${site}/content/en/blog`, { recursive: true });
      nodeFs.mkdirSync(`${site}/content/en/docs`, { recursive: true });
      nodeFs.writeFileSync(`${site}/content/en/blog/post.md`, '---\ntitle: Post\n---\n');
      nodeFs.writeFileSync(`${site}/content/en/docs/page.md`, '---\ntitle: Page\n---\n');
      nodeFs.mkdirSync(`${tmp}/outside`);
      nodeFs.writeFileSync(`${tmp}/outside/secret.md`, 'secret');
      nodeFs.writeFileSync(`${tmp}/outside/page.md`, 'secret page');
      nodeFs.symlinkSync(`${tmp}/outside/secret.md`, `${site}/content/en/blog/leak.md`);
      nodeFs.symlinkSync(`${tmp}/outside`, `${site}/content/en/out`);
      const service = new LanguageService({ fs: new NodeFileSystem(), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
      const s = service.siteOf(`${site}/content/en/blog/post.md`)!;
      await s.scan();
      assert.deepEqual([...s.allFiles()].map((f) => f.path.slice(site.length)).sort(), ['/content/en/blog/post.md', '/content/en/docs/page.md']);
      assert.ok(service.fs.readDir(`${site}/content/en/blog`)?.some((e) => e.name === 'leak.md'));
      assert.equal(service.fs.readText(`${site}/content/en/blog/post.md`), '---\ntitle: Post\n---\n');
      assert.equal(service.fs.readText(`${site}/content/en/blog/leak.md`), undefined);
      assert.equal(service.fs.readText(`${site}/content/en/out/secret.md`), undefined);
      assert.equal(service.fs.readDir(`${site}/content/en/out`), undefined);
      assert.equal(service.fs.readText(`${site}/content/en/docs/page.md`), '---\ntitle: Page\n---\n');

      // docs/ becomes a link to the outside folder (which has a page.md too); the watcher reports it.
      nodeFs.rmSync(`${site}/content/en/docs`, { recursive: true });
      nodeFs.symlinkSync(`${tmp}/outside`, `${site}/content/en/docs`);
      service.fileChanged(`${site}/content/en/docs`, 'created');
      assert.equal(service.fs.readText(`${site}/content/en/docs/page.md`), undefined);
      assert.equal(service.fs.readDir(`${site}/content/en/docs`), undefined);
      service.dispose();
    } finally {
      nodeFs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('pathological frontmatter', () => {
  it('reports brackets nested 50 deep instead of converting them (the YAML library takes exponential time there)', () => {
    // Shape found by the fuzz test (FUZZ_SEED=11, document 3321): a mutation pasted a run of `{` into `keywords`.
    const text = `---\ntitle: Provision a certificate\nkeywords: [certificate -${'{'.repeat(50)}n istio-system\n{{< /te,sidecar]\ntarget_release: 1.5\n---\nBody\n`;
    const fm = parseFrontmatter(text)!;
    const deep = fm.problems.filter((p) => p.message.includes('levels deep'));
    // `[` is level 1, so the 12th `{` is the first bracket past the limit of 12.
    assert.deepEqual(deep.map((p) => [p.code, p.range.start]), [['frontmatter.yaml-syntax', text.indexOf('{') + 11]]);
    // 1 + 50 + the two `{` of `{{< /te` on the next line.
    assert.equal(deep[0]!.message, 'The frontmatter nests `[` and `{` 53 levels deep; its values are not read beyond 12 levels.');
    assert.deepEqual(fm.entries.map((e) => e.key).slice(0, 2), ['title', 'keywords']);
  });
});
