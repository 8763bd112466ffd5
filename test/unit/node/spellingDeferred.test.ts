import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SpellCheckerFactory, WordChecker } from '../../../server/engine';
import { loadAfterFirstCheck } from '../../../server/src/node/spelling';

/** A factory that counts its calls (each is a dictionary load) and flags the word "teh". */
function countingFactory(): { readonly factory: SpellCheckerFactory; readonly calls: () => number } {
  let calls = 0;
  const checker: WordChecker = {
    words: (md) => [...md.matchAll(/\w+/g)].map((m) => ({ word: m[0], index: m.index })),
    correct: (w) => w !== 'teh',
    suggest: () => ['the'],
  };
  return {
    factory: () => {
      calls++;
      return checker;
    },
    calls: () => calls,
  };
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

test('the first check does not wait for the dictionary: it gets a checker that finds no word', () => {
  const counting = countingFactory();
  const deferred = loadAfterFirstCheck(counting.factory, () => {});
  const first = deferred([]);
  assert.equal(counting.calls(), 0, 'the dictionary must not load during the first check');
  assert.deepEqual(first.words('teh page'), []);
  assert.equal(first.correct('teh'), true);
});

test('the dictionary loads once, after the first check, then the pages are checked again with it', async () => {
  const counting = countingFactory();
  let reloaded = 0;
  const deferred = loadAfterFirstCheck(counting.factory, () => reloaded++);
  deferred([]);
  deferred(['istio']); // a second page before the load: still no second load
  assert.equal(counting.calls(), 0);
  await tick();
  assert.equal(counting.calls(), 1);
  assert.equal(reloaded, 1, 'the open pages are checked again once it is loaded');
  const checker = deferred(['istio']);
  assert.deepEqual(checker.words('teh page').map((w) => w.word), ['teh', 'page']);
  assert.equal(checker.correct('teh'), false);
  await tick();
  assert.equal(reloaded, 1, 'only once');
});
