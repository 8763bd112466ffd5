import * as vscode from 'vscode';
import { TRANSLATION_STATUS_REQUEST } from '../../../shared/protocol';
import type { DiffSourceArgs } from './commandIds';
import { gitUri } from './gitContentProvider';
import { sendRequest, type ClientSource } from './requests';
import { renderStatusReport } from './statusReportHtml';

let panel: vscode.WebviewPanel | undefined;

/** "Istio: Translation Status": the report of missing and stale translations of the active page's site. */
export async function translationStatus(client: ClientSource): Promise<vscode.WebviewPanel | undefined> {
  const c = client();
  const editorUri = vscode.window.activeTextEditor?.document.uri;
  const target = editorUri?.scheme === 'file' ? editorUri : vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri;
  if (!c || !target) {
    void vscode.window.showInformationMessage('Istio: open a folder holding a Hugo site (content/<language>/) first.');
    return undefined;
  }
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Istio: reading translations and git history…' }, () =>
    sendRequest(c, TRANSLATION_STATUS_REQUEST, { uri: target.toString() }),
  );
  if (!result) {
    void vscode.window.showInformationMessage('Istio: no Hugo site (content/<language>/) found here.');
    return undefined;
  }
  if (!panel) {
    panel = vscode.window.createWebviewPanel('istio.translationStatus', 'Translation Status', vscode.ViewColumn.Active, { enableCommandUris: true, enableFindWidget: true });
    panel.onDidDispose(() => (panel = undefined));
  } else panel.reveal();
  panel.webview.html = renderStatusReport(result, undefined, panel.webview.cspSource);
  return panel;
}

/** Opens the source as it was at the translation's last commit beside the source now. */
export async function diffSource(args: DiffSourceArgs): Promise<void> {
  const source = vscode.Uri.parse(args.sourceUri);
  await vscode.commands.executeCommand('vscode.diff', gitUri(source, args.commit), source, args.title ?? `${source.path} since ${args.commit.slice(0, 8)}`);
}

export async function openUri(uri: string): Promise<void> {
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.Beside });
}

