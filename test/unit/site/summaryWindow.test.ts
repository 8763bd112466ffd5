import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageFacts } from '../../../server/engine/site/pageFacts';
import { SiteIndex } from '../../../server/engine/site/siteIndex';
import { readLayout } from '../../../server/engine/site/siteLayout';
import { countingFs } from '../../support/countingFs';
import { MEM_ROOT, memorySite } from '../../support/fixtures';

/** A pause that waits until `release()`: the background summaries stop after their first slice. */
function gate(): { pause: () => Promise<void>; release: () => void; paused: () => boolean } {
  const waiting: Array<() => void> = [];
  return {
    pause: () => new Promise<void>((resolve) => waiting.push(resolve)),
    release: () => waiting.splice(0).forEach((r) => r()),
    paused: () => waiting.length > 0,
  };
}

describe('page facts during the background summaries', () => {
  it('wait for every summary instead of reading the whole site in one request, then answer', async () => {
    const { fs, reads } = countingFs(memorySite());
    const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT), () => undefined);
    const g = gate();
    // Every slice is used up at once: the listing pauses between folders, the summaries after each page.
    const scanned = site.scan({ sliceMs: 0, pause: g.pause });
    while (site.state !== 'ready') {
      await new Promise((r) => setImmediate(r));
      g.release();
    }
    await scanned;
    assert.ok(g.paused(), 'the summaries are under way');
    assert.equal(site.summariesComplete, false);
    const before = reads();
    const facts = pageFacts(site);
    assert.equal(facts.ready, false);
    assert.equal(facts.pageByUrl('/blog/'), undefined);
    assert.equal(reads(), before, 'no page read by the look-up');

    const summarized = site.summarized();
    while (!site.summariesComplete) {
      await new Promise((r) => setImmediate(r));
      g.release();
    }
    await summarized;
    assert.equal(facts.ready, true);
    assert.equal(facts.pageByUrl('/blog/')?.path, `${MEM_ROOT}/content/en/blog/_index.md`);
    assert.equal(facts.pagesByAlias('/blog/posts/index.html')[0]?.path, `${MEM_ROOT}/content/en/blog/_index.md`);
  });

  it('are complete as soon as the listing is when summaries are read on demand (the CLI)', async () => {
    const fs = memorySite();
    const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT), () => undefined);
    await site.scan({ sliceMs: 0, pause: () => Promise.resolve(), summaries: false });
    assert.equal(site.summariesComplete, true);
    assert.equal(pageFacts(site).pageByUrl('/blog/')?.path, `${MEM_ROOT}/content/en/blog/_index.md`);
  });

  it('are complete when the scan resolves on a small site: the summaries fit in its last slice', async () => {
    const fs = memorySite();
    const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT), () => undefined);
    await site.scan({ sliceMs: 1_000_000, pause: () => Promise.resolve() });
    assert.equal(site.summariesComplete, true);
    assert.equal(pageFacts(site).ready, true);
  });
});

describe('the page table built after the background summaries', () => {
  it('takes the summaries the scan read, without a stat per page; later builds check them again', async () => {
    const mem = memorySite();
    const { fs, stats } = countingFs(mem, (p) => p.endsWith('.md'));
    let open: Record<string, string> = {};
    const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT), (p) => open[p]);
    await site.scan({ sliceMs: 1_000_000, pause: () => Promise.resolve() });
    const blog = `${MEM_ROOT}/content/en/blog/_index.md`;
    // The page open in an editor with an alias the disk does not have yet: its open text wins even in the first build.
    open = { [blog]: `${mem.readText(blog)!.replace(/^---\n/, '---\naliases:\n  - /unsaved/\n')}` };
    const before = stats();
    const facts = pageFacts(site);
    assert.equal(facts.pageByUrl('/blog/')?.path, blog);
    assert.equal(stats(), before, 'no page stat by the first build');
    assert.equal(facts.pagesByAlias('/unsaved/')[0]?.path, blog);
    // A folder created: the next build checks every summary against the disk again.
    mem.write(`${MEM_ROOT}/content/en/news/new/index.md`, '---\ntitle: New\n---\n');
    site.fileChanged(`${MEM_ROOT}/content/en/news/new`, 'created');
    assert.equal(facts.pageByUrl('/news/new/')?.path, `${MEM_ROOT}/content/en/news/new/index.md`);
    assert.ok(stats() > before + 2, `${stats() - before} stats`);
  });
});
