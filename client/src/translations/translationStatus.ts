import * as vscode from 'vscode';
import { exportStatus, type ExportFormat, type StatusFilter } from '../../../server/engine';
import { TRANSLATION_STATUS_REQUEST, type TranslationStatusResult } from '../../../server/protocol';
import type { DiffSourceArgs } from './commandIds';
import { gitUri } from './gitContentProvider';
import { openPage } from './openPage';
import { sendRequest, type ClientSource } from './requests';
import { renderStatusReport } from './statusReportHtml';

let panel: vscode.WebviewPanel | undefined;
/** The file or folder the open report is about. */
let reported: vscode.Uri | undefined;
/** The report shown: what an export writes out. */
let shownResult: TranslationStatusResult | undefined;

/**
 * "Istio: Translation Status": the report of missing and stale translations of the active page's site. With `about`
 * (a refresh of the open report) it is made for that file and the report is not brought forward.
 */
export async function translationStatus(client: ClientSource, about?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
  const c = client();
  const editorUri = vscode.window.activeTextEditor?.document.uri;
  const target = about ?? (editorUri?.scheme === 'file' ? editorUri : vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri);
  if (!c || !target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open a folder holding a Hugo site (content/<language>/) first.'));
    return undefined;
  }
  // Git can run commands named in a repository's own config, so the server leaves it alone in an untrusted workspace.
  const trusted = vscode.workspace.isTrusted;
  const title = trusted ? vscode.l10n.t('Istio: reading translations and git history…') : vscode.l10n.t('Istio: reading translations…');
  // The server's answer, then the page: on a whole site both take a moment, so the notification says which step runs.
  const shown = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async (progress) => {
    progress.report({ message: vscode.l10n.t('pairing every page with its translations…') });
    const result = await sendRequest(c, TRANSLATION_STATUS_REQUEST, { uri: target.toString(), trusted });
    if (!result) return undefined;
    progress.report({ increment: 80, message: vscode.l10n.t('drawing the report…') });
    if (!panel) {
      panel = vscode.window.createWebviewPanel('istio.translationStatus', vscode.l10n.t('Translation Status'), vscode.ViewColumn.Active, {
        enableCommandUris: true,
        enableFindWidget: true,
        enableScripts: true,
      });
      panel.onDidDispose(() => {
        panel = undefined;
        shownResult = undefined;
      });
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isExportMessage(m)) void exportReport(m.format, m.filter);
      });
    } else if (!about) panel.reveal();
    reported = target;
    shownResult = result;
    panel.webview.html = renderStatusReport(result, { cspSource: panel.webview.cspSource, l10n: vscode.l10n, lang: vscode.env.language, nonce: nonce() });
    return panel;
  });
  if (!shown) void vscode.window.showInformationMessage(vscode.l10n.t('Istio: no Hugo site (content/<language>/) found here.'));
  return shown;
}

/** Arguments of Export Translation Status (all optional: without a format it asks). */
export interface ExportStatusArgs {
  readonly format?: ExportFormat;
  readonly filter?: StatusFilter;
}

/**
 * "Istio: Export Translation Status…" and the report's export buttons: the report (the one shown, or a new one) as
 * Markdown or CSV in a new untitled editor, which the user saves where they want; no file is written.
 */
export async function exportReport(format?: ExportFormat, filter?: StatusFilter, client?: ClientSource): Promise<vscode.TextDocument | undefined> {
  // From the palette: the site's report as it is now; from the report's buttons: the report on the screen.
  const result = client ? await statusOfSite(client) : shownResult;
  if (!result) return undefined;
  const chosen =
    format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Export as Markdown'), format: 'markdown' as const },
          { label: vscode.l10n.t('Export as CSV'), format: 'csv' as const },
        ],
        { title: vscode.l10n.t('Export Translation Status') },
      )
    )?.format;
  if (!chosen) return undefined;
  const doc = await vscode.workspace.openTextDocument({ content: exportStatus(result, chosen, filter), language: chosen === 'csv' ? 'plaintext' : 'markdown' });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The report of the active page's site (or the first folder's), without showing it. */
async function statusOfSite(client: ClientSource): Promise<TranslationStatusResult | undefined> {
  const c = client();
  const editorUri = vscode.window.activeTextEditor?.document.uri;
  const target = editorUri?.scheme === 'file' ? editorUri : vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
  if (!c || !target) return undefined;
  const title = vscode.l10n.t('Istio: reading translations…');
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
    sendRequest(c, TRANSLATION_STATUS_REQUEST, { uri: target.toString(), trusted: vscode.workspace.isTrusted }),
  );
  if (!result) void vscode.window.showInformationMessage(vscode.l10n.t('Istio: no Hugo site (content/<language>/) found here.'));
  return result ?? undefined;
}

function isExportMessage(m: unknown): m is { type: 'export'; format: ExportFormat; filter: StatusFilter } {
  if (typeof m !== 'object' || m === null) return false;
  const { type, format, filter } = m as Record<string, unknown>;
  return type === 'export' && (format === 'markdown' || format === 'csv') && typeof filter === 'object' && filter !== null;
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** Makes the open report again once the workspace is trusted: its stale column can be filled now. */
export function refreshReportOnTrust(client: ClientSource): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    if (panel && reported) void translationStatus(client, reported);
  });
}

/** Opens the source as it was at the translation's last commit beside the source now. */
export async function diffSource(args: DiffSourceArgs): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Istio: git is not run in an untrusted workspace, so the earlier version of the file cannot be shown.'));
    return;
  }
  const source = vscode.Uri.parse(args.sourceUri);
  await vscode.commands.executeCommand('vscode.diff', gitUri(source, args.commit), source, args.title ?? vscode.l10n.t('{0} since {1}', source.path, args.commit.slice(0, 8)));
}

export async function openUri(uri: string): Promise<void> {
  await openPage(vscode.Uri.parse(uri), true);
}

