/** How background work shares the thread: work for `sliceMs`, then `pause()`; `now` times the slices. */
export interface SliceOptions {
  readonly sliceMs?: number;
  readonly pause?: () => Promise<void>;
  /** The clock slices are timed by (default `Date.now`, whole milliseconds; the server's is finer). */
  readonly now?: () => number;
}

/**
 * The slices of one piece of background work (the site's scan, the link index): between steps,
 * `if (slices.due()) { await slices.pause(); slices.restart(); }`. Asked synchronously, so a step that does not pause
 * costs no turn of the event loop (a small site's summaries fit in the listing's last slice), and a pause awaits the
 * adapter's promise itself, with no promise of the timer's between (the order of the turns stays the adapter's).
 * The engine has no event loop or clock of its own: the adapter gives `pause` (the server yields to its requests)
 * and `now`; without a `pause`, slices are separated by a microtask.
 */
export class SliceTimer {
  private readonly sliceMs: number;
  private readonly now: () => number;
  private sliceStart: number;
  /** The adapter's pause. */
  readonly pause: () => Promise<void>;

  constructor(options: SliceOptions) {
    this.sliceMs = options.sliceMs ?? 4;
    this.pause = options.pause ?? ((): Promise<void> => Promise.resolve());
    this.now = options.now ?? Date.now;
    this.sliceStart = this.now();
  }

  /** Whether the slice in progress is used up. */
  due(): boolean {
    return this.now() - this.sliceStart >= this.sliceMs;
  }

  /** Starts the next slice (after the pause). */
  restart(): void {
    this.sliceStart = this.now();
  }
}
