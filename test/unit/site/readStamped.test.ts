// The site's `.spelling` and `mdl.rb` are read by every check of a page: their text is kept while the file's
// modification time and size stay the same, and read again as soon as either changes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import { SiteIndex } from '../../../server/engine/site/siteIndex';
import { readLayout } from '../../../server/engine/site/siteLayout';
import { LanguageService } from '../../../server/engine/languageService';
import { NodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { dictionaryPath, mdspellFactory } from '../../../server/src/node/spelling';
import { countingFs as counting } from '../../support/countingFs';
import { doc, MEM_ROOT } from '../../support/fixtures';

describe('SiteIndex.readStamped', () => {
  it('reads once while the file is unchanged, again once it changes', () => {
    const mem = new MemoryFileSystem({ [`${MEM_ROOT}/content/en/_index.md`]: '# Home\n', [`${MEM_ROOT}/.spelling`]: 'alpha\n' });
    const { fs: fsys, reads } = counting(mem);
    let open: string | undefined;
    const site = new SiteIndex(fsys, readLayout(mem, MEM_ROOT), (p) => (p === `${MEM_ROOT}/.spelling` ? open : undefined));
    assert.equal(site.readStamped(`${MEM_ROOT}/.spelling`), 'alpha\n');
    assert.equal(site.readStamped(`${MEM_ROOT}/.spelling`), 'alpha\n');
    assert.equal(reads(), 1);
    mem.write(`${MEM_ROOT}/.spelling`, 'alpha\nbeta\n');
    assert.equal(site.readStamped(`${MEM_ROOT}/.spelling`), 'alpha\nbeta\n');
    assert.equal(reads(), 2);
    // The editor's text wins, and the disk's is kept meanwhile.
    open = 'gamma\n';
    assert.equal(site.readStamped(`${MEM_ROOT}/.spelling`), 'gamma\n');
    open = undefined;
    assert.equal(site.readStamped(`${MEM_ROOT}/.spelling`), 'alpha\nbeta\n');
    assert.equal(reads(), 2);
    // A file-watch event drops it; a missing file is read as missing.
    site.fileChanged(`${MEM_ROOT}/.spelling`, 'changed');
    site.readStamped(`${MEM_ROOT}/.spelling`);
    assert.equal(reads(), 3);
    assert.equal(site.readStamped(`${MEM_ROOT}/mdl.rb`), undefined);
  });

  it('never keeps a symbolic link: every read goes through the file system, which refuses one out of the site', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stamped-'));
    try {
      fs.mkdirSync(path.join(dir, 'site/content/en'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'site/content/en/_index.md'), '# Home\n');
      fs.writeFileSync(path.join(dir, 'outside.txt'), 'secret\n');
      fs.symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'site/.spelling'));
      const disk = new NodeFileSystem();
      const { fs: fsys, reads } = counting(disk);
      const site = new SiteIndex(fsys, readLayout(disk, `${dir}/site`));
      site.readStamped(`${dir}/site/.spelling`);
      site.readStamped(`${dir}/site/.spelling`);
      assert.equal(reads(), 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a word added to .spelling on disk is known at the next check, with no file-watch event', async () => {
    const dictionary = dictionaryPath();
    assert.ok(dictionary);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stamped-'));
    try {
      const page = path.join(dir, 'content/en/blog/2025/x/index.md');
      const text = '---\ntitle: X\ndescription: A page.\n---\n\nMeshify the pods.\n';
      fs.mkdirSync(path.dirname(page), { recursive: true });
      fs.writeFileSync(page, text);
      fs.writeFileSync(path.join(dir, '.spelling'), 'pods\n');
      const service = new LanguageService({ fs: new NodeFileSystem(), spelling: mdspellFactory(dictionary), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
      await service.contentLocation(page);
      await service.indexStatus({ wait: true });
      const unknown = (): string[] =>
        service
          .diagnostics(page, doc(page, text))
          .diagnostics.filter((d) => d.code === 'spelling.unknown-word')
          .map((d) => d.message);
      assert.deepEqual(unknown(), ['Unknown word `Meshify` (fails `make lint`: mdspell with the site\'s .spelling).']);
      fs.appendFileSync(path.join(dir, '.spelling'), 'Meshify\n');
      assert.deepEqual(unknown(), []);
      service.dispose();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
