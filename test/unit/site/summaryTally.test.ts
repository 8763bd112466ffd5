import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siteKeywords } from '../../../server/engine/features/frontmatter/keywordTally';
import { shortcodeUsageRank } from '../../../server/engine/features/shortcodes/usageTally';
import type { MemoryFileSystem } from '../../../server/engine/site/memoryFileSystem';
import { SiteIndex } from '../../../server/engine/site/siteIndex';
import { readLayout } from '../../../server/engine/site/siteLayout';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LanguageService } from '../../../server/engine/languageService';
import { doc, MEM_ROOT, memorySite, sample, withCursor } from '../../support/fixtures';

async function indexed(fs: MemoryFileSystem): Promise<SiteIndex> {
  const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT), () => undefined);
  await site.scan();
  await site.summarized();
  return site;
}

/** What a fresh index of the same files counts: the whole site counted from scratch. */
async function recounted(fs: MemoryFileSystem): Promise<{ usage: [string, number][]; keywords: readonly unknown[] }> {
  const site = await indexed(fs);
  return { usage: [...shortcodeUsageRank(site)], keywords: siteKeywords(site) };
}

const POST = `${MEM_ROOT}/content/en/blog/2023/tally-post/index.md`;

describe('site-wide tallies kept across changes', () => {
  it('count a created, a changed and a deleted page as a recount of the whole site does', async () => {
    const fs = memorySite();
    const site = await indexed(fs);
    const before = { usage: [...shortcodeUsageRank(site)], keywords: siteKeywords(site) };
    assert.deepEqual(before, await recounted(fs));
    assert.ok(before.usage.length > 5 && before.keywords.length > 5, 'the sample site uses shortcodes and keywords');

    // A new page whose shortcode no other page uses, and a keyword no other page has: both enter the tallies.
    fs.write(POST, '---\ntitle: Tally\nkeywords: [tally-only,istio]\n---\n\n{{< checkmark_icon >}} {{< checkmark_icon >}}\n');
    site.fileChanged(POST, 'created');
    site.summary(POST);
    const created = { usage: [...shortcodeUsageRank(site)], keywords: siteKeywords(site) };
    assert.deepEqual(created, await recounted(fs));
    assert.ok(created.keywords.some((k) => k.name === 'tally-only'));

    // Changed: its shortcode and its keyword replaced.
    fs.write(POST, '---\ntitle: Tally\nkeywords: [istio]\n---\n\n{{< tip >}}\nA tip.\n{{< /tip >}}\n');
    site.fileChanged(POST, 'changed');
    site.summary(POST);
    const changed = { usage: [...shortcodeUsageRank(site)], keywords: siteKeywords(site) };
    assert.deepEqual(changed, await recounted(fs));
    assert.ok(!changed.keywords.some((k) => k.name === 'tally-only'), 'a keyword no page has any more leaves the tally');

    // Deleted: the tallies are the site's before the page was created.
    fs.delete(POST);
    site.fileChanged(POST, 'deleted');
    assert.deepEqual({ usage: [...shortcodeUsageRank(site)], keywords: siteKeywords(site) }, before);
  });

  it('answer the same array until the index changes, without counting again', async () => {
    const site = await indexed(memorySite());
    const first = siteKeywords(site);
    assert.equal(siteKeywords(site), first);
    site.fileChanged(`${MEM_ROOT}/content/en/blog/_index.md`, 'changed');
    site.summary(`${MEM_ROOT}/content/en/blog/_index.md`);
    // The page's summary is read again, with the same keywords: same counts, same ranking.
    assert.deepEqual(siteKeywords(site), first);
  });

  it('are counted by prepareSiteWide: the first completion after the index reads no page summary', async () => {
    const CHINA = 'content/en/blog/2023/istiocon-china/index.md';
    const path = `${MEM_ROOT}/${CHINA}`;
    // A `{{< ` at the end of the body (shortcode names, ranked by usage) and a keyword list being written.
    const pages = [
      `${sample(CHINA)}\n{{< |`,
      sample(CHINA).replace('[Istio Day,IstioCon,Istio,conference,KubeCon,CloudNativeCon]', '[Istio,|]'),
    ];
    const summariesRead = async (prepare: boolean): Promise<number[]> => {
      const service = new LanguageService({ fs: memorySite(), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
      const site = service.siteOf(path)!;
      await site.scan();
      await site.summarized();
      if (prepare) await service.prepareSiteWide(site);
      const read = site.cachedSummary.bind(site);
      let reads = 0;
      site.cachedSummary = (p: string) => {
        reads++;
        return read(p);
      };
      return pages.map((marked) => {
        const { text, offset } = withCursor(marked);
        const before = reads;
        const items = service.completions(path, doc(path, text), TextDocument.create('x:', 'markdown', 1, text).positionAt(offset));
        assert.ok(items.length > 10, `completion offered ${items.length} items`);
        return reads - before;
      });
    };
    const [shortcodes, keywords] = await summariesRead(false);
    assert.ok(shortcodes! > 50 && keywords! > 50, `without it, each counts the site's pages: ${shortcodes} and ${keywords} summaries read`);
    assert.deepEqual(await summariesRead(true), [0, 0]);
  });
});
