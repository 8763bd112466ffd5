import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequestDescriptor } from '../../../shared/protocol';

/** Sends one of the custom requests of shared/protocol.ts, typed by its descriptor. */
export function sendRequest<P, R>(client: LanguageClient, request: RequestDescriptor<P, R>, params: P): Promise<R> {
  return client.sendRequest<R>(request.method, params);
}

/** The language client once started; `undefined` while the extension is dormant (no `content/` folder open). */
export type ClientSource = () => LanguageClient | undefined;
