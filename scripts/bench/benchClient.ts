import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

interface Published {
  uri: string;
  version?: number;
  diagnostics: Array<{ severity?: number; code?: string | number }>;
}

/** An LSP client for the benchmark: records when each document's diagnostics arrive. */
export class BenchClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  readonly published = new Map<string, Published & { at: number; count: number }>();
  private waiters: Array<() => void> = [];
  readonly startedAt = performance.now();

  constructor(server: string) {
    this.proc = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
    this.proc.stderr.on('data', () => undefined);
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const prev = this.published.get(p.uri);
      this.published.set(p.uri, { ...p, at: performance.now(), count: (prev?.count ?? 0) + 1 });
      const w = this.waiters;
      this.waiters = [];
      for (const f of w) f();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.listen();
  }

  async initialize(root: string, initializationOptions: unknown): Promise<void> {
    const rootUri = pathToFileURL(root).href;
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'site' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
  }

  async open(file: string, text: string): Promise<string> {
    const uri = pathToFileURL(file).href;
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  /** Resolves when `accept` holds for the published diagnostics of `uri`. */
  until(uri: string, accept: (p: Published & { count: number }) => boolean): Promise<Published & { at: number; count: number }> {
    return new Promise((resolve) => {
      const check = (): void => {
        const p = this.published.get(uri);
        if (p && accept(p)) resolve(p);
        else this.waiters.push(check);
      };
      check();
    });
  }

  /** The server's resident set size now and at its peak (Linux /proc), in MB. */
  memory(): { rssMb: number; peakMb: number } {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.proc.once('exit', resolve));
    await this.conn.sendRequest('shutdown');
    await this.conn.sendNotification('exit');
    await exited;
    this.conn.dispose();
  }
}
