/**
 * Yields the thread for three turns of the event loop between slices of a background scan: a JSON-RPC connection
 * reads a request in one turn, runs its handler in the next and writes the answer in a third (vscode-jsonrpc queues
 * each step with setImmediate). Yielding once let a request wait behind two more slices of the scan; now it is
 * answered before the scan resumes.
 */
export const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));
