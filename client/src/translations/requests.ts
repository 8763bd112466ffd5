import type { LanguageClient, RequestType } from 'vscode-languageclient/node';

/** Sends one of the custom requests of server/protocol, typed by its `RequestType`. */
export function sendRequest<P, R>(client: LanguageClient, request: RequestType<P, R, void>, params: P): Promise<R> {
  return client.sendRequest(request, params);
}

/** The language client once started; `undefined` while the extension is dormant (no `content/` folder open). */
export type ClientSource = () => LanguageClient | undefined;
