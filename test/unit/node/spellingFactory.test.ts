/// <reference path="../../../server/src/node/mdspellModules.d.ts" />
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { dictionaryPath, mdspellFactory } from '../../../server/src/node/spelling';

/**
 * The adapter's two ways to load the dictionary: the language server's (the first page does not wait; `onReady` once
 * it is loaded) and the CLI's (the first page waits). Run in this order: the process keeps the dictionary once loaded.
 */
describe('mdspell factory', () => {
  const dir = dictionaryPath();
  assert.ok(dir);
  process.env['ISTIO_AUTHORING_CACHE'] = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-dict-'));

  it('in the server: no checker until the dictionary is loaded, then onReady, then checkers', async () => {
    let readyCalls = 0;
    let ready: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (ready = resolve));
    const factory = mdspellFactory(dir, {
      onReady: () => {
        readyCalls++;
        ready();
      },
    });
    assert.equal(factory(['Istio']), undefined);
    // Asked again before the load: still nothing, and one load only.
    assert.equal(factory([]), undefined);
    await loaded;
    const checker = factory(['Istio']);
    assert.ok(checker);
    assert.equal(checker.correct('Istio'), true);
    assert.equal(checker.correct('Meshify'), false);
    assert.equal(factory([])?.correct('Istio'), false);
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(readyCalls, 1);
  });

  it('in the CLI: the first page gets a checker at once, with suggestions', () => {
    const checker = mdspellFactory(dir)(['kubectl']);
    assert.ok(checker);
    assert.equal(checker.correct('kubectl'), true);
    assert.ok(checker.suggest('recieve').includes('receive'));
    assert.deepEqual(checker.words('Meshify the pods.').map((w) => w.word), ['Meshify', 'the', 'pods']);
  });

  it('cleans up', () => fs.rmSync(process.env['ISTIO_AUTHORING_CACHE']!, { recursive: true, force: true }));
});
