import * as vscode from 'vscode';
import { TRANSLATION_STATUS_REQUEST } from '../../../server/protocol';
import type { DiffSourceArgs } from './commandIds';
import { gitUri } from './gitContentProvider';
import { openPage } from './openPage';
import { sendRequest, type ClientSource } from './requests';
import { renderStatusReport } from './statusReportHtml';

let panel: vscode.WebviewPanel | undefined;
/** The file or folder the open report is about. */
let reported: vscode.Uri | undefined;

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
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
    sendRequest(c, TRANSLATION_STATUS_REQUEST, { uri: target.toString(), trusted }),
  );
  if (!result) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: no Hugo site (content/<language>/) found here.'));
    return undefined;
  }
  if (!panel) {
    panel = vscode.window.createWebviewPanel('istio.translationStatus', vscode.l10n.t('Translation Status'), vscode.ViewColumn.Active, { enableCommandUris: true, enableFindWidget: true });
    panel.onDidDispose(() => (panel = undefined));
  } else if (!about) panel.reveal();
  reported = target;
  panel.webview.html = renderStatusReport(result, { cspSource: panel.webview.cspSource, l10n: vscode.l10n, lang: vscode.env.language });
  return panel;
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

