import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { serverNodeOptions } from '../../server/protocol';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
  /** When it arrived (`performance.now()`), for the benchmark's latencies. */
  at: number;
}

/**
 * A minimal LSP client over stdio for protocol tests and the benchmark: starts the built `dist/server.js --stdio`
 * with the Node options the editor's client gives it on this machine (`serverNodeOptions`),
 * and waits on real notifications, never on fixed sleeps.
 */
export class LspTestClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  private readonly published = new Map<string, PublishedDiagnostics>();
  private waiters: Array<() => void> = [];
  readonly stderr: string[] = [];
  /** The messages the server showed the user (`window/showMessage` and `window/showMessageRequest`), in order. */
  readonly shownMessages: { readonly type: number; readonly message: string }[] = [];
  private versions = new Map<string, number>();
  /** When the server process was started (`performance.now()`). */
  readonly startedAt = performance.now();

  /**
   * `settings`: the value of the `istio` section the client answers `workspace/configuration` with (as VS Code does
   * with the user's settings); without it every section is `null`, so the server uses its defaults.
   */
  constructor(options: { capabilities?: Record<string, unknown>; env?: NodeJS.ProcessEnv; settings?: Record<string, unknown>; server?: string } = {}) {
    // `server`: another server script (the benchmark's trivial baseline server).
    // As the editor starts it (the client's execArgv): the same Node options on this machine.
    this.proc = spawn(process.execPath, [...serverNodeOptions(os.availableParallelism()), options.server ?? SERVER, '--stdio'], { stdio: 'pipe', ...(options.env ? { env: options.env } : {}) });
    this.proc.stderr.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: Omit<PublishedDiagnostics, 'at'>) => {
      this.published.set(p.uri, { ...p, at: performance.now() });
      const w = this.waiters;
      this.waiters = [];
      for (const f of w) f();
    });
    const settings = options.settings;
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
      p.items.map((item) => (settings !== undefined && item.section === 'istio' ? settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => this.shownMessages.push({ type: m.type, message: m.message }));
    // The user dismisses it: no action chosen.
    this.connection.onRequest('window/showMessageRequest', (m: { type: number; message: string }) => {
      this.shownMessages.push({ type: m.type, message: m.message });
      return null;
    });
    this.connection.listen();
    this.capabilities = options.capabilities ?? {};
  }

  private readonly capabilities: Record<string, unknown>;

  async initialize(rootPath: string, initializationOptions?: unknown): Promise<InitializeResult> {
    const rootUri = pathToFileURL(rootPath).href;
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'site' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        // As VS Code's client says: it resolves a completion item's documentation when it shows the item, and applies a
        // list's item defaults (read the items with `completionItems`).
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          completion: {
            completionItem: { resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
          },
        },
        ...this.capabilities,
      },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Opens another workspace folder, as an editor does when the user adds one: the server finds sites only inside them. */
  async addWorkspaceFolder(folder: string): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }], removed: [] },
    });
  }

  uri(file: string): string {
    return pathToFileURL(file).href;
  }

  async open(file: string, text: string): Promise<string> {
    const uri = this.uri(file);
    this.versions.set(uri, 1);
    this.published.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** Replaces the whole text (a full-document change). */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the first published diagnostics for `uri` that satisfy `accept`. */
  waitForDiagnostics(uri: string, accept: (p: PublishedDiagnostics) => boolean = () => true, timeoutMs = 10_000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.published.get(uri))}; stderr: ${this.stderr.join('')}`)), timeoutMs);
      const check = (): void => {
        const p = this.published.get(uri);
        if (p && accept(p)) {
          clearTimeout(timer);
          resolve(p);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }

  /** The last diagnostics published for each document. */
  allPublished(): IterableIterator<PublishedDiagnostics> {
    return this.published.values();
  }

  /** The server's resident set size now and at its peak (Linux /proc), in MB. */
  memory(): { rssMb: number; peakMb: number } {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** shutdown + exit, and waits for the process to end (kills it if it does not). */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.proc.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}

/**
 * For a `describe` block: starts the server on the site at `root` before its tests and checks, after them, that it
 * shuts down and exits cleanly. Returns the client (available from the first test on).
 */
export function serverForSuite(root: string): () => LspTestClient {
  let client: LspTestClient | undefined;
  before(async () => {
    client = new LspTestClient();
    await client.initialize(root);
  });
  after(async () => {
    assert.equal(await client?.stop(), 0, 'the server exits cleanly after shutdown/exit');
  });
  return () => {
    if (!client) throw new Error('the server is started in before()');
    return client;
  };
}
