import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import type { FileSystem } from '../../../server/engine/site/fileSystem';
import { SiteIndex } from '../../../server/engine/site/siteIndex';
import { readLayout } from '../../../server/engine/site/siteLayout';
import { MEM_ROOT, memorySite } from '../../support/fixtures';

/** Every string of this process's live heap (a heap snapshot collects garbage first). */
async function liveStrings(): Promise<readonly string[]> {
  let json = '';
  for await (const chunk of v8.getHeapSnapshot()) json += String(chunk);
  return (JSON.parse(json) as { strings: string[] }).strings;
}

describe('page summaries hold no page text', () => {
  it('keeps the title, aliases, keywords and shortcode names without the text they were cut from', async () => {
    const base = memorySite();
    const page = `${MEM_ROOT}/content/en/blog/2024/memory/index.md`;
    // The body's unique sentence exists only in the page texts the file system makes on each read.
    const marker = randomUUID();
    const body = (): string =>
      [
        '---',
        'title: "Demystifying Istio\'s Sidecar Injection Model"',
        'linktitle: Demystifying the sidecar injection model',
        'aliases: [/blog/2024/sidecar-injection-model-explained/]',
        'keywords: [traffic-management, sidecar-injection]',
        'translationKey: sidecar-injection-model-demystified',
        '---',
        '',
        `Only this page says ${marker} in its body, a sentence long enough to be found.`,
        '',
        '{{< istio_full_version_revision >}}',
        '',
      ].join('\n');
    const fs: FileSystem = {
      readText: (p) => (p === page ? body() : base.readText(p)),
      stat: (p) => (p === page ? { isFile: true, isDirectory: false, size: body().length, mtimeMs: 1 } : base.stat(p)),
      readDir: (p) => base.readDir(p),
    };
    const site = new SiteIndex(fs, readLayout(fs, MEM_ROOT));
    const summary = site.summary(page);
    assert.equal(summary?.title, "Demystifying Istio's Sidecar Injection Model");
    assert.equal(summary?.linkTitle, 'Demystifying the sidecar injection model');
    assert.deepEqual(summary?.aliases, ['/blog/2024/sidecar-injection-model-explained/']);
    assert.deepEqual(summary?.keywords, ['traffic-management', 'sidecar-injection']);
    assert.equal(summary?.translationKey, 'sidecar-injection-model-demystified');
    assert.deepEqual([...(summary?.shortcodes ?? [])], [['istio_full_version_revision', 1]]);
    const sentence = `${marker} in its body`;
    // V8 keeps the subject of the last regex match (`RegExp.input`): one string, replaced by the next match anywhere.
    /x/.exec('x');
    const held = (await liveStrings()).filter((s) => s.includes(sentence));
    // A substring V8 made as a slice of the page would keep the whole text alive with the summary.
    assert.deepEqual(held, []);
    // The summary is still in use after the snapshot (it must not have been collected with the text).
    assert.equal(site.cachedSummary(page), summary);
  });
});
