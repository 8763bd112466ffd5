import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noteActivity, whenIdle } from '../../../server/src/node/idle';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits (up to 5 s) for `done()`; false when it never came. */
async function eventually(done: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < 5_000; waited += 20) {
    if (done()) return true;
    await sleep(20);
  }
  return done();
}

describe('whenIdle (the reverse link index waits for it)', () => {
  it('runs once the editor has been quiet for the time asked', async () => {
    noteActivity();
    let ran = 0;
    whenIdle(30, () => ran++);
    assert.equal(ran, 0, 'not at once: activity was just noted');
    assert.ok(await eventually(() => ran === 1));
  });

  it('waits while other work is pending, however quiet the editor is, and runs once it is done', async () => {
    let pending = true;
    let ran = 0;
    whenIdle(20, () => ran++, () => pending);
    // Many quiet periods pass: still pending, so still not run.
    await sleep(200);
    assert.equal(ran, 0);
    pending = false;
    assert.ok(await eventually(() => ran === 1));
    await sleep(100);
    assert.equal(ran, 1, 'runs once');
  });

  it('still waits for quiet when the work is done but the author is active', async () => {
    let ran = 0;
    noteActivity();
    whenIdle(400, () => ran++, () => false);
    for (let i = 0; i < 5; i++) {
      noteActivity();
      await sleep(40);
    }
    assert.equal(ran, 0, 'activity every 40 ms: never 400 ms of quiet');
    assert.ok(await eventually(() => ran === 1));
  });
});
