import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import { CHECK_WHOLE_SITE_REQUEST, type CheckWholeSiteResult } from '../../../server/protocol';
import type { ClientSource } from '../translations/requests';

let runs = 0;

/**
 * "Istio: Check Whole Site": the server checks every page and publishes each one's problems; this shows its
 * `$/progress` as a notification with a Cancel button (cancelling the request stops the check) and a summary at the
 * end. The language client's own progress display is a status bar item, which cannot be cancelled.
 */
export async function checkWholeSite(client: ClientSource): Promise<CheckWholeSiteResult | undefined> {
  const c = client();
  if (!c) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open a folder holding a Hugo site (content/<language>/) first.'));
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Istio: checking the whole site'), cancellable: true },
    async (progress, token) => {
      const workDoneToken = `istio-check-${process.pid}-${++runs}`;
      let reported = 0;
      const listener = c.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
        if (v.kind === 'end' || typeof v.percentage !== 'number') return;
        progress.report({ increment: Math.max(0, v.percentage - reported), message: v.message });
        reported = Math.max(reported, v.percentage);
      });
      try {
        return await c.sendRequest(CHECK_WHOLE_SITE_REQUEST, { workDoneToken }, token);
      } finally {
        listener.dispose();
      }
    },
  );
  const summary = vscode.l10n.t('Istio: {0} of {1} pages checked: {2} errors, {3} warnings.', result.checked, result.pages, result.errors, result.warnings);
  const show = vscode.l10n.t('Show Problems');
  void vscode.window.showInformationMessage(summary, show).then((answer) => {
    if (answer === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}
