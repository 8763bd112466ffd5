import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SnapshotFileSystem } from '../../../server/src/cli/snapshotFileSystem';
import { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';

describe('the CLI\'s snapshot of the disk', () => {
  it('reads, stats and resolves each path once, missing ones included, with the first answers', () => {
    const mem = new MemoryFileSystem({ '/site/content/en/a.md': '---\ntitle: A\n---\n' });
    const calls: string[] = [];
    const snapshot = new SnapshotFileSystem({
      readText: (p) => (calls.push(`read ${p}`), mem.readText(p)),
      stat: (p) => (calls.push(`stat ${p}`), mem.stat(p)),
      readDir: (p) => mem.readDir(p),
      realPath: (p) => (calls.push(`real ${p}`), mem.stat(p) ? p : undefined),
    });
    for (let i = 0; i < 3; i++) {
      assert.equal(snapshot.readText('/site/content/en/a.md'), '---\ntitle: A\n---\n');
      assert.equal(snapshot.readText('/site/content/en/b.md'), undefined);
      assert.equal(snapshot.stat('/site/content/en/a.md')?.isFile, true);
      assert.equal(snapshot.realPath('/site/content/en/a.md'), '/site/content/en/a.md');
      assert.equal(snapshot.realPath('/site/content/en/b.md'), undefined);
    }
    mem.write('/site/content/en/a.md', 'changed');
    assert.equal(snapshot.readText('/site/content/en/a.md'), '---\ntitle: A\n---\n');
    assert.deepEqual(calls, [
      'read /site/content/en/a.md',
      'read /site/content/en/b.md',
      'stat /site/content/en/a.md',
      // a.md is a plain file of a plain folder of …: resolved through its folders, down to the one the disk resolves.
      'real /site',
      'real /site/content/en/b.md',
    ]);
  });

  it('resolves a path through a symbolic link on the disk, not through its folder', () => {
    const mem = new MemoryFileSystem({ '/site/content/en/a.md': 'A', '/elsewhere/b.md': 'B' });
    const calls: string[] = [];
    const snapshot = new SnapshotFileSystem({
      readText: (p) => mem.readText(p),
      stat: (p) => mem.stat(p),
      // The listing shows `linked` as a symbolic link does: neither a file nor a folder.
      readDir: (p) => (p === '/site/content/en' ? [...(mem.readDir(p) ?? []), { name: 'linked', isFile: false, isDirectory: false }] : mem.readDir(p)),
      realPath: (p) => (calls.push(p), p === '/site/content/en/linked' ? '/elsewhere' : p.startsWith('/site/content/en/linked/') ? p.replace('/site/content/en/linked', '/elsewhere') : p),
    });
    assert.equal(snapshot.realPath('/site/content/en/a.md'), '/site/content/en/a.md');
    assert.equal(snapshot.realPath('/site/content/en/linked'), '/elsewhere');
    assert.equal(snapshot.realPath('/site/content/en/linked/b.md'), '/elsewhere/b.md');
    assert.deepEqual(calls, ['/site', '/site/content/en/linked', '/site/content/en/linked/b.md']);
  });
});
