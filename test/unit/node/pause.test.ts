// How the server's background work yields (server/src/node/pause.ts): to quick requests until they are answered and
// written, and, except the validation queue, to edits until their first diagnostics are sent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerFirst, holdForEdit, yieldToQuickRequests, yieldToRequests } from '../../../server/src/node/pause';

const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('pause: background work and the editor', () => {
  it('holds the background work back while an edit waits for its diagnostics, but not the validation queue', async () => {
    const release = holdForEdit();
    let background = false;
    let queue = false;
    void yieldToRequests().then(() => (background = true));
    void yieldToQuickRequests().then(() => (queue = true));
    await turns(10);
    assert.equal(queue, true);
    assert.equal(background, false);
    release();
    await turns(5);
    assert.equal(background, true);
  });

  it('counts each hold once, however often it is released', async () => {
    const first = holdForEdit();
    const second = holdForEdit();
    first();
    first();
    let background = false;
    void yieldToRequests().then(() => (background = true));
    await turns(10);
    assert.equal(background, false, 'the second edit still holds it');
    second();
    await turns(5);
    assert.equal(background, true);
  });

  it('resumes the background work only after the answer is written (vscode-jsonrpc writes it a turn later)', async () => {
    const events: string[] = [];
    const answered = answerFirst(async (letMessagesIn) => {
      await letMessagesIn();
      await turns(3);
      return 'items';
    });
    // Background work that yields while the request is being answered.
    const resumed = yieldToRequests().then(() => events.push('background resumed'));
    // The connection replies in a later turn than the handler returns, as its message writer does.
    const written = answered.then(() => new Promise<void>((resolve) => setImmediate(() => resolve(void events.push('answer written')))));
    await Promise.all([resumed, written]);
    assert.deepEqual(events, ['answer written', 'background resumed']);
  });
});
