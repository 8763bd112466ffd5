import * as vscode from 'vscode';
import { Commands, TRANSLATIONS_REQUEST, type TranslationVersion, type TranslationsResult } from '../../../server/protocol';
import { type CreateTranslationArgs, type GoToTranslationArgs } from './commandIds';
import { openPage } from './openPage';
import { sendRequest, type ClientSource } from './requests';

interface VersionItem extends vscode.QuickPickItem {
  readonly version: TranslationVersion;
}

/** The item button that opens a version beside the current editor (made on use: its tooltip is translated). */
const openBeside = (): vscode.QuickInputButton => ({ iconPath: new vscode.ThemeIcon('split-horizontal'), tooltip: vscode.l10n.t('Open to the Side') });

/** The active page's versions, or a message saying why there are none. */
export async function activeTranslations(client: ClientSource): Promise<{ editor: vscode.TextEditor; result: TranslationsResult } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const c = client();
  if (!editor || !c) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open a page of the site (content/<language>/…) first.'));
    return undefined;
  }
  const result = await sendRequest(c, TRANSLATIONS_REQUEST, { uri: editor.document.uri.toString() });
  if (!result) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: this file is not under content/<language>/ of a Hugo site.'));
    return undefined;
  }
  return { editor, result };
}

/**
 * "Istio: Go to Translation": a pick of the page's other languages with each version's title; a missing one offers
 * to create it. With exactly one other existing version, it opens at once.
 */
export async function goToTranslation(client: ClientSource, args: GoToTranslationArgs = {}): Promise<void> {
  const found = await activeTranslations(client);
  if (!found) return;
  const { result } = found;
  const others = result.languages.filter((v) => v.lang !== result.lang);
  const existing = others.filter((v) => v.exists);
  let choice: TranslationVersion | undefined;
  let beside = args.beside === true;
  if (args.lang !== undefined) choice = others.find((v) => v.lang === args.lang);
  else if (existing.length === 1) choice = existing[0];
  else {
    const picked = await pick(result, others);
    if (!picked) return;
    choice = picked.version;
    beside ||= picked.beside;
  }
  if (!choice) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: {0} has no {1} version.', result.path, args.lang ?? ''));
    return;
  }
  if (!choice.exists) {
    const create = vscode.l10n.t('Create Translation');
    const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Istio: the {0} version of {1} does not exist yet.', choice.lang, result.path), create);
    if (answer === create) {
      const createArgs: CreateTranslationArgs = { uri: found.editor.document.uri.toString(), lang: choice.lang };
      await vscode.commands.executeCommand(Commands.createTranslation, createArgs);
    }
    return;
  }
  await openPage(vscode.Uri.parse(choice.uri), beside);
}

function pick(result: TranslationsResult, others: readonly TranslationVersion[]): Promise<{ version: TranslationVersion; beside: boolean } | undefined> {
  const qp = vscode.window.createQuickPick<VersionItem>();
  qp.title = vscode.l10n.t('Translations of {0}', result.path);
  qp.placeholder = vscode.l10n.t('This is the {0} version. Go to…', result.lang);
  qp.items = others.map((v) => ({
    version: v,
    label: `${v.exists ? '$(file)' : '$(add)'} ${v.lang}`,
    description: v.exists ? (v.title ?? '') : vscode.l10n.t('missing: create it'),
    detail: v.byTranslationKey ? vscode.l10n.t('matched by translationKey: {0}', vscode.Uri.parse(v.uri).path) : undefined,
    buttons: v.exists ? [openBeside()] : [],
  }));
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: { version: TranslationVersion; beside: boolean } | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidAccept(() => finish(qp.selectedItems[0] ? { version: qp.selectedItems[0].version, beside: false } : undefined));
    qp.onDidTriggerItemButton((e) => finish({ version: e.item.version, beside: true }));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}
