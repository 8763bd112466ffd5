import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LanguageService } from '../../server/engine';
import { NodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { dictionaryPath, mdspellFactory } from '../../server/src/node/spelling';
import { SAMPLE_SITE, sampleFiles } from './fixtures';

/**
 * A service over the sample site on disk with mdspell, its index complete: every check as the CLI runs it, the
 * make-lint ones included. Also the sample's Markdown pages (relative paths). Dispose of the service after use.
 */
export async function indexedSampleService(): Promise<{ service: LanguageService; pages: string[] }> {
  const dir = dictionaryPath();
  assert.ok(dir, 'the dictionary is installed');
  const service = new LanguageService({ fs: new NodeFileSystem(), spelling: mdspellFactory(dir), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const pages = sampleFiles().filter((f) => f.endsWith('.md'));
  await service.contentLocation(path.join(SAMPLE_SITE, pages[0]!));
  await service.indexStatus({ wait: true });
  return { service, pages };
}
