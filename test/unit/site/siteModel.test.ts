import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SiteIndex } from '../../../server/engine/site/siteIndex';
import { findSiteRoot, locate, readLayout } from '../../../server/engine/site/siteLayout';
import { MEM_ROOT, memorySite } from '../../support/fixtures';

const noPause = { sliceMs: 1_000_000, pause: () => Promise.resolve() };

describe('site layout', () => {
  it('finds the site root as the nearest folder holding content/<lang>/', () => {
    const fs = memorySite();
    assert.equal(findSiteRoot(fs, `${MEM_ROOT}/content/en/blog/2023/istiocon-china/index.md`), MEM_ROOT);
    assert.equal(findSiteRoot(fs, `${MEM_ROOT}/README.md`), MEM_ROOT);
    assert.equal(findSiteRoot(fs, '/elsewhere/notes.md'), undefined);
  });

  it('discovers the languages from the folders, default language first; a new one just works', () => {
    assert.deepEqual(readLayout(memorySite(), MEM_ROOT).languages, ['en', 'uk', 'zh']);
    const withEs = memorySite({ 'content/es/blog/2024/ambient-reaches-beta/index.md': '---\ntitle: x\n---\n' });
    assert.deepEqual(readLayout(withEs, MEM_ROOT).languages, ['en', 'es', 'uk', 'zh']);
  });

  it('maps a bundle page, a single-file post, a section and a resource', () => {
    const layout = readLayout(memorySite(), MEM_ROOT);
    assert.deepEqual(locate(layout, `${MEM_ROOT}/content/zh/blog/2023/istiocon-china/index.md`), {
      siteRoot: MEM_ROOT,
      lang: 'zh',
      relPath: 'blog/2023/istiocon-china/index.md',
      pageDir: 'blog/2023/istiocon-china',
      kind: 'bundle',
    });
    const leaf = locate(layout, `${MEM_ROOT}/content/uk/blog/2024/link-the-istio-service-mesh-for-people-who-have-stuff-to-do.md`)!;
    assert.deepEqual([leaf.lang, leaf.pageDir, leaf.kind], ['uk', 'blog/2024', 'leaf']);
    assert.equal(locate(layout, `${MEM_ROOT}/content/en/blog/_index.md`)!.kind, 'section');
    assert.equal(locate(layout, `${MEM_ROOT}/content/en/blog/2023/istiocon-china/group-pic.jpg`)!.kind, 'resource');
    assert.equal(locate(layout, `${MEM_ROOT}/layouts/shortcodes/image.html`), undefined);
  });
});

describe('site index', () => {
  it('indexes every Markdown file and resource of the sample site in the background', async () => {
    const fs = memorySite();
    const index = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
    assert.equal(index.state, 'empty');
    const scan = index.scan(noPause);
    await scan;
    assert.equal(index.state, 'ready');
    assert.equal(index.fileCount, 225);
    const md = [...index.allFiles()].filter((f) => f.location.kind !== 'resource');
    assert.equal(md.length, 76);
    assert.ok(index.exists(`${MEM_ROOT}/content/en/blog/2023/istiocon-china/group-pic.jpg`));
    assert.equal(index.summary(`${MEM_ROOT}/content/en/blog/2023/istiocon-china/index.md`)!.title, 'IstioCon China 2023 wrap-up');
    assert.deepEqual(index.summary(`${MEM_ROOT}/content/en/blog/2017/adapter-model/index.md`)!.aliases, ['/blog/mixer-adapter-model.html']);
  });

  it('answers from the file system before the scan finishes', () => {
    const fs = memorySite();
    const index = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
    assert.equal(index.state, 'empty');
    assert.ok(index.exists(`${MEM_ROOT}/content/zh/blog/2023/istiocon-china/users-engaging.jpg`));
    assert.ok(index.filesIn(`${MEM_ROOT}/content/zh/blog/2023/istiocon-china`).includes('index.md'));
  });

  it('skips .git, node_modules, public, resources and archive folders', async () => {
    const fs = memorySite({
      'content/en/node_modules/x/index.md': 'x',
      'content/en/archive/v1/index.md': 'x',
      'content/en/public/a.md': 'x',
      'content/en/.git/HEAD': 'x',
      'content/en/resources/_gen/x.png': 'x',
    });
    const index = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
    await index.scan(noPause);
    assert.equal(index.fileCount, 225);
  });

  it('stays current from file events: create, delete, folder created, folder deleted', async () => {
    const fs = memorySite();
    const index = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
    await index.scan(noPause);
    const img = `${MEM_ROOT}/content/en/blog/2023/istiocon-china/new.png`;
    fs.write(img, '');
    index.fileChanged(img, 'created');
    assert.ok(index.exists(img));
    fs.delete(img);
    index.fileChanged(img, 'deleted');
    assert.ok(!index.exists(img));
    fs.write(`${MEM_ROOT}/content/es/blog/2025/x/index.md`, '---\ntitle: Hola\n---\n');
    fs.write(`${MEM_ROOT}/content/es/blog/2025/x/a.png`, '');
    index.fileChanged(`${MEM_ROOT}/content/es`, 'created');
    assert.ok(index.exists(`${MEM_ROOT}/content/es/blog/2025/x/a.png`));
    index.fileChanged(`${MEM_ROOT}/content/es`, 'deleted');
    assert.ok(!index.exists(`${MEM_ROOT}/content/es/blog/2025/x/a.png`));
    assert.equal(index.fileCount, 225);
  });

  it('yields between slices so requests are served during the scan', async () => {
    const fs = memorySite();
    const index = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
    let pauses = 0;
    await index.scan({ sliceMs: 0, pause: () => { pauses++; return Promise.resolve(); } });
    assert.ok(pauses > 10, `paused ${pauses} times`);
  });
});
