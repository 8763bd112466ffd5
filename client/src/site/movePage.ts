import * as vscode from 'vscode';
import { PLAN_MOVE_PAGE_REQUEST } from '../../../server/protocol';
import { sendRequest, type ClientSource } from '../translations/requests';
import { pageUrlOf } from './pageUrl';

/**
 * "Istio: Move Page…": asks for the page's new URL, then renames its folder (or file) in every language as one
 * workspace edit. The editor sends `workspace/willRenameFiles` for those renames, and the server's answer rewrites
 * every link to the page and adds its old URL to `aliases:`: the same path as a rename in the explorer, so the two
 * never disagree.
 */
export async function movePage(client: ClientSource, target?: vscode.Uri, newUrl?: string): Promise<boolean> {
  const c = client();
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  const current = uri && pageUrlOf(uri.fsPath);
  if (!c || !uri || current === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open a page of the site (content/<language>/…) first.'));
    return false;
  }
  const last = current.replace(/\/$/, '').lastIndexOf('/') + 1;
  const url = newUrl ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('Istio: Move Page'),
    prompt: vscode.l10n.t('The new URL of the page. Its translations move with it, links to it follow, and its old URL becomes an alias.'),
    value: current,
    valueSelection: [last, current.length - 1],
  });
  if (url === undefined || url.trim() === '' || url.trim() === current) return false;
  const plan = await sendRequest(c, PLAN_MOVE_PAGE_REQUEST, { uri: uri.toString(), url });
  if ('error' in plan) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Istio: {0}', plan.error));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const r of plan.renames) edit.renameFile(vscode.Uri.parse(r.oldUri), vscode.Uri.parse(r.newUri), { overwrite: false });
  return vscode.workspace.applyEdit(edit, { isRefactoring: true });
}
