/** Three turns of the event loop: a JSON-RPC connection reads a message in one, runs its handler in the next and writes the answer in a third (vscode-jsonrpc queues each step with setImmediate). */
const threeTurns = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));

/** Quick requests (completion, hover…) being answered now: background work does not resume until they are. */
let answering = 0;
let resumeWhenAnswered: Array<() => void> = [];

/**
 * Yields the thread between slices of background work (the site scan, the link index, the validation queue, the
 * whole-site check), so that a request waits for at most the slice in progress. Three turns let a request received
 * meanwhile reach its handler (yielding once let it wait behind two more slices); then the work waits until every
 * quick request that started is answered (yielding turns alone let one wait behind a slice at each of its own turns).
 */
export const yieldToRequests = async (): Promise<void> => {
  await threeTurns();
  while (answering > 0) await new Promise<void>((resolve) => resumeWhenAnswered.push(resolve));
};

/**
 * Answers a quick request ahead of the background work: `f` first lets the messages already received run (an edit, a
 * `$/cancelRequest`) with `letMessagesIn`, which waits for no other request. Only for answers that never wait for
 * background work themselves (a rename waits for the link index: it must not hold that index back).
 */
export async function answerFirst<T>(f: (letMessagesIn: () => Promise<void>) => Promise<T>): Promise<T> {
  answering++;
  try {
    return await f(threeTurns);
  } finally {
    answering--;
    if (answering === 0) {
      const resume = resumeWhenAnswered;
      resumeWhenAnswered = [];
      for (const r of resume) r();
    }
  }
}
