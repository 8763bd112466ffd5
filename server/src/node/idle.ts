/**
 * When the editor last asked or changed something (a quick request, an edit): background work that nothing waits for
 * can start once the author pauses, instead of in the middle of their typing. The reverse link index is such work:
 * building it right after the site's index made garbage-collection pauses of 17–27 ms that completions typed
 * meanwhile waited behind (docs/performance.md); a rename or references asked before it is built builds it then.
 */
let lastActivity = 0;

export function noteActivity(): void {
  lastActivity = performance.now();
}

/** When `noteActivity` was last called (`performance.now()`; 0 before). */
export function lastActivityAt(): number {
  return lastActivity;
}

/**
 * Runs `f` once nothing has been noted for `quietMs` and `busy` (other work the editor waits for, such as pages
 * still to be checked) says no (checked again each time the wait runs out, and `quietMs` later while busy).
 */
export function whenIdle(quietMs: number, f: () => void, busy: () => boolean = () => false): void {
  const check = (): void => {
    const left = lastActivity + quietMs - performance.now();
    if (left > 0) setTimeout(check, left).unref?.();
    else if (busy()) setTimeout(check, quietMs).unref?.();
    else f();
  };
  check();
}
