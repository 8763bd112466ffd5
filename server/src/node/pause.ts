import type { SliceOptions } from '../../engine';

/** Three turns of the event loop: a JSON-RPC connection reads a message in one, runs its handler in the next and writes the answer in a third (vscode-jsonrpc queues each step with setImmediate). */
const threeTurns = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));

/** Quick requests (completion, hover…) being answered now: background work does not resume until they are. */
let answering = 0;
/** Edits waiting for their first diagnostics (`holdForEdit`): the background work but the validation queue waits. */
let editing = 0;

interface Waiter {
  readonly resolve: () => void;
  /** Whether it waits for the edits too (all background work but the validation queue, which checks them). */
  readonly forEdits: boolean;
}
let waiting: Waiter[] = [];

const blocked = (forEdits: boolean): boolean => answering > 0 || (forEdits && editing > 0);

async function yieldTo(forEdits: boolean): Promise<void> {
  await threeTurns();
  while (blocked(forEdits)) await new Promise<void>((resolve) => waiting.push({ resolve, forEdits }));
}

/**
 * Yields the thread between slices of background work (the site scan, the link index, the whole-site check, the
 * dictionary's load), so that a request waits for at most the slice in progress. Three turns let a request received
 * meanwhile reach its handler (yielding once let it wait behind two more slices); then the work waits until every
 * quick request that started is answered (yielding turns alone let one wait behind a slice at each of its own turns),
 * and until the edits received are checked.
 */
export const yieldToRequests = (): Promise<void> => yieldTo(true);

/**
 * How background work (the site's scan, the link index, the whole-site check) shares the thread: 1 ms slices timed
 * with `performance.now()`, then `yieldToRequests`. With `Date.now()`'s whole milliseconds a slice of 2 ran from 1 to
 * 3 ms, and a request arriving during the site's scan waited for it (trivial requests: p50 4.4 → 2.5 ms with 1 ms
 * slices); the whole-site check yielded every 8 ms that way (hovers during it: p50 9 → 1.8 ms with 1 ms, the check
 * as long).
 */
export const BACKGROUND_SLICES: SliceOptions = { pause: yieldToRequests, sliceMs: 1, now: () => performance.now() };

/** `yieldToRequests` for the validation queue, which checks the edits itself: it waits for quick requests only. */
export const yieldToQuickRequests = (): Promise<void> => yieldTo(false);

/**
 * Holds the background work but the validation queue back while an edit waits for its first diagnostics, until the
 * returned release is called (once; later calls do nothing). Before, a keystroke's check waited for a slice of the
 * site's scan at each of the queue's turns, and its publication for one more.
 */
export function holdForEdit(): () => void {
  editing++;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    editing--;
    resumeSoon();
  };
}

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
    resumeSoon();
  }
}

/**
 * Resumes the work no longer held back, two turns later: vscode-jsonrpc writes an answer (or diagnostics) in a later
 * turn than the handler returns (its writer queues each message with setImmediate), and work resumed at once ran a
 * whole slice before that write. Work held back again meanwhile stays waiting.
 */
function resumeSoon(): void {
  setImmediate(() =>
    setImmediate(() => {
      const ready = waiting.filter((w) => !blocked(w.forEdits));
      if (ready.length === 0) return;
      waiting = waiting.filter((w) => blocked(w.forEdits));
      for (const w of ready) w.resolve();
    }),
  );
}
