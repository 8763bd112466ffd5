import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CHECK_WHOLE_SITE_REQUEST, type CheckWholeSiteResult } from '../../server/protocol';
import { LspTestClient, type PublishedDiagnostics } from '../support/lspClient';
import { SAMPLE_SITE } from '../support/fixtures';

const AWS_NLB = 'content/zh/blog/2018/aws-nlb/index.md';
const ADAPTER = 'content/en/blog/2017/adapter-model/index.md';
const MACHINE = 'content/en/blog/2017/adapter-model/machine.svg';

interface Progress {
  kind: 'begin' | 'report' | 'end';
  title?: string;
  percentage?: number;
  cancellable?: boolean;
}

function tempSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-whole-'));
  fs.cpSync(path.join(SAMPLE_SITE, 'content'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));
const problems = (p: PublishedDiagnostics): boolean => p.diagnostics.length > 0;

describe('Check Whole Site over the protocol', () => {
  let client: LspTestClient;
  let site: string;
  const progress = new Map<string | number, Progress[]>();
  const uri = (rel: string): string => client.uri(path.join(site, rel));

  before(async () => {
    site = tempSite();
    client = new LspTestClient();
    client.connection.onNotification('$/progress', (p: { token: string | number; value: Progress }) => progress.set(p.token, [...(progress.get(p.token) ?? []), p.value]));
    await client.initialize(site);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(site, { recursive: true, force: true });
  });

  it('checks every page, publishes the closed ones and reports $/progress with a percentage', async () => {
    const result = await client.request<CheckWholeSiteResult>(CHECK_WHOLE_SITE_REQUEST.method, { workDoneToken: 'check-1' });
    assert.deepEqual({ ...result, ms: 0 }, { checked: 76, pages: 76, errors: 0, warnings: 11, filesWithProblems: result.filesWithProblems, cancelled: false, ms: 0 });
    // Published for files no editor has open, each with the problems the CLI reports for it.
    const aws = await client.waitForDiagnostics(uri(AWS_NLB), problems);
    assert.deepEqual(
      aws.diagnostics.filter((d) => d.code === 'shortcode.malformed-delimiter').map((d) => [d.range.start.line, d.range.start.character]),
      [[35, 4], [39, 4]],
    );
    const published = [...client.allPublished()].filter(problems);
    assert.equal(published.length, result.filesWithProblems);
    assert.equal(published.flatMap((p) => p.diagnostics).filter((d) => d.severity === 2).length, 11);

    const reports = progress.get('check-1')!;
    assert.deepEqual(reports[0], { kind: 'begin', title: 'Istio: checking the whole site', percentage: 0, cancellable: true });
    assert.deepEqual(reports.at(-1), { kind: 'end' });
    const percentages = reports.filter((r) => r.kind === 'report').map((r) => r.percentage!);
    assert.deepEqual([...percentages].sort((a, b) => a - b), percentages, 'the percentage only grows');
    assert.equal(percentages.at(-1), 100);
    assert.ok(percentages.length >= 10);
  });

  it('keeps the results of closed pages current as files change on disk', async () => {
    fs.rmSync(path.join(site, MACHINE));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(MACHINE), type: 3 }] });
    const broken = await client.waitForDiagnostics(uri(ADAPTER), (p) => codes(p.diagnostics).includes('image.not-found'));
    assert.equal(broken.diagnostics.find((d) => d.code === 'image.not-found')!.range.start.line, 33);

    fs.writeFileSync(path.join(site, MACHINE), '<svg/>');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(MACHINE), type: 1 }] });
    await client.waitForDiagnostics(uri(ADAPTER), (p) => !codes(p.diagnostics).includes('image.not-found'));
  });

  it('a page closed in the editor keeps its problems, read again from disk', async () => {
    const text = fs.readFileSync(path.join(site, AWS_NLB), 'utf8');
    const u = await client.open(path.join(site, AWS_NLB), text.replace('{< image', '{{< image'));
    await client.waitForDiagnostics(u, (p) => p.version === 1 && codes(p.diagnostics).filter((c) => c === 'shortcode.malformed-delimiter').length === 1);
    await client.close(u);
    await client.waitForDiagnostics(u, (p) => p.version === undefined && codes(p.diagnostics).filter((c) => c === 'shortcode.malformed-delimiter').length === 2);
  });

  it('stops when its request is cancelled', async () => {
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest<CheckWholeSiteResult>(CHECK_WHOLE_SITE_REQUEST.method, { workDoneToken: 'check-2' }, source.token);
    source.cancel();
    const result = await pending;
    assert.equal(result.cancelled, true);
    assert.ok(result.checked < result.pages, `${result.checked} of ${result.pages}`);
    assert.deepEqual(progress.get('check-2')?.at(-1), { kind: 'end' });
  });
});

describe('istio.diagnostics.scope over the protocol', () => {
  let client: LspTestClient;
  let site: string;
  const settings: { diagnostics: { scope: string; severity?: Record<string, string> } } = { diagnostics: { scope: 'workspace' } };
  const created: unknown[] = [];

  before(async () => {
    site = tempSite();
    client = new LspTestClient({ settings, capabilities: { window: { workDoneProgress: true } } });
    client.connection.onRequest('window/workDoneProgress/create', (p: unknown) => {
      created.push(p);
      return null;
    });
    await client.initialize(site);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(site, { recursive: true, force: true });
  });

  it('"workspace" fills the Problems view on start, with server-initiated progress; "openFiles" empties it again', async () => {
    const aws = client.uri(path.join(site, AWS_NLB));
    const malformed = (p: PublishedDiagnostics): Diagnostic[] => p.diagnostics.filter((d) => d.code === 'shortcode.malformed-delimiter');
    await client.waitForDiagnostics(aws, (p) => malformed(p).length === 2 && malformed(p).every((d) => d.severity === 2));
    assert.equal(created.length, 1);
    // Another setting changed: the closed pages are checked again under it.
    settings.diagnostics.severity = { 'shortcode.malformed-delimiter': 'error' };
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    await client.waitForDiagnostics(aws, (p) => malformed(p).length === 2 && malformed(p).every((d) => d.severity === 1));
    settings.diagnostics.scope = 'openFiles';
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    await client.waitForDiagnostics(aws, (p) => p.diagnostics.length === 0);
  });
});
