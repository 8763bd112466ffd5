import * as vscode from 'vscode';
import { Commands, TRANSLATIONS_REQUEST } from '../../../server/protocol';
import { CONTENT_FILE_CONTEXT, TRANSLATION_FILE_CONTEXT } from './commandIds';
import { sendRequest, type ClientSource } from './requests';

/**
 * The status bar item of a content page: its language and the other languages it exists in (`$(globe) zh · en uk`);
 * a click runs Go to Translation. Also sets the `istio.contentFile` context for menus and the keybinding.
 */
export function translationStatusBar(client: ClientSource): vscode.Disposable & { refresh(): void } {
  const item = vscode.window.createStatusBarItem('istio.translations', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Istio: Translations');
  item.command = Commands.goToTranslation;
  let generation = 0;

  const refresh = async (): Promise<void> => {
    const mine = ++generation;
    const editor = vscode.window.activeTextEditor;
    const c = client();
    const result =
      editor && c && editor.document.uri.scheme === 'file' && editor.document.languageId === 'markdown'
        ? await sendRequest(c, TRANSLATIONS_REQUEST, { uri: editor.document.uri.toString() }).catch(() => null)
        : null;
    if (mine !== generation) return; // the editor changed meanwhile
    void vscode.commands.executeCommand('setContext', CONTENT_FILE_CONTEXT, result !== null);
    void vscode.commands.executeCommand('setContext', TRANSLATION_FILE_CONTEXT, result !== null && result.lang !== result.sourceLang);
    if (!result) {
      item.hide();
      return;
    }
    const others = result.languages.filter((v) => v.lang !== result.lang);
    const present = others.filter((v) => v.exists).map((v) => v.lang);
    const missing = others.filter((v) => !v.exists).map((v) => v.lang);
    item.text = `$(globe) ${result.lang}${present.length ? ' · ' + present.join(' ') : ''}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${result.path}** (${result.lang})\n\n`);
    tooltip.appendMarkdown(`${present.length ? vscode.l10n.t('Also in: {0}', present.join(', ')) : vscode.l10n.t('No other language has this page.')}\n\n`);
    if (missing.length) tooltip.appendMarkdown(`${vscode.l10n.t('Missing in: {0}', missing.join(', '))}\n\n`);
    tooltip.appendMarkdown(vscode.l10n.t('Click to go to a translation.'));
    item.tooltip = tooltip;
    item.show();
  };
  const run = (): void => void refresh();
  const subscriptions = [
    item,
    vscode.window.onDidChangeActiveTextEditor(run),
    vscode.workspace.onDidSaveTextDocument(run),
    vscode.workspace.onDidCreateFiles(run),
    vscode.workspace.onDidDeleteFiles(run),
  ];
  run();
  return { refresh: run, dispose: () => subscriptions.forEach((s) => s.dispose()) };
}
