import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

/**
 * The LSP life cycle, which vscode-languageserver leaves to the server: before `initialize` every request is
 * refused with ServerNotInitialized (-32002) and every notification but `exit` dropped; after `shutdown` every
 * request is refused with InvalidRequest (so a late `workspace/executeCommand` copies nothing) and notifications
 * are dropped.
 */
export class Lifecycle {
  private state: 'created' | 'running' | 'shutdown' = 'created';

  initialized(): void {
    if (this.state === 'created') this.state = 'running';
  }

  shutDown(): void {
    this.state = 'shutdown';
  }

  /** Whether notifications are acted on now. */
  get running(): boolean {
    return this.state === 'running';
  }

  /** Throws the error a request gets in the current state (answered as that error by the connection). */
  checkRequest(): void {
    if (this.state === 'created') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized yet.');
    if (this.state === 'shutdown') throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down: it takes no more requests.');
  }

  /**
   * Wraps a request handler: refused in the wrong state, and refused with RequestCancelled when the client has
   * cancelled the request (`$/cancelRequest`) before its work starts.
   */
  request<P, R>(handler: (params: P, token: CancellationToken) => R): (params: P, token: CancellationToken) => R {
    return (params, token) => {
      this.checkRequest();
      throwIfCancelled(token);
      return handler(params, token);
    };
  }

  /** Wraps a notification handler: dropped before `initialize` and after `shutdown`. */
  notification<P>(handler: (params: P) => void): (params: P) => void {
    return (params) => {
      if (this.running) handler(params);
    };
  }
}

/** RequestCancelled, which the client expects for a request it cancelled. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}
