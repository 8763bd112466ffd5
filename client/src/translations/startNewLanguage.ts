import * as vscode from 'vscode';
import { PLAN_NEW_LANGUAGE_REQUEST, type NewLanguagePlan } from '../../../server/protocol';
import { LANGUAGE_FOLDER, languageDisplayName } from '../../../server/engine';
import { sendRequest, type ClientSource } from './requests';

/** Arguments of Start a New Language (all optional: without them it asks). */
export interface StartNewLanguageArgs {
  readonly lang?: string;
  readonly name?: string;
  /** Any file or folder of the site; the active editor's file or the first workspace folder by default. */
  readonly uri?: string;
}

/** What the command did, for its callers (the extension-host test): the files it changed and created, the summary. */
export interface StartNewLanguageResult {
  readonly edited: readonly string[];
  readonly created: readonly string[];
  readonly summary: readonly string[];
}

/**
 * "Istio: Start a New Language…": asks for the language's code and name, asks the server for the plan (the Hugo
 * configuration's new table and menus, the `i18n/` strings marked untranslated) and applies it as one workspace edit,
 * which one Undo takes back. A file to create that exists makes the whole edit fail: nothing is overwritten.
 */
export async function startNewLanguage(client: ClientSource, args: StartNewLanguageArgs = {}): Promise<StartNewLanguageResult | undefined> {
  const c = client();
  const editorUri = vscode.window.activeTextEditor?.document.uri;
  const about = args.uri ?? (editorUri?.scheme === 'file' ? editorUri : vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri)?.toString();
  if (!c || !about) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open a folder holding a Hugo site (content/<language>/) first.'));
    return undefined;
  }
  const lang = args.lang ?? (await askCode());
  if (!lang) return undefined;
  const name = args.name ?? (await askName(lang));
  if (!name) return undefined;
  const answer = await sendRequest(c, PLAN_NEW_LANGUAGE_REQUEST, { uri: about, lang, name });
  if (!answer.ok) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Istio: {0} Nothing was changed.', answer.message));
    return undefined;
  }
  return apply(answer.plan);
}

async function askCode(): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Start a New Language'),
    prompt: vscode.l10n.t('The language code, also its folder under content/: for example es or pt-br'),
    validateInput: (v) => (LANGUAGE_FOLDER.test(v.trim()) ? undefined : vscode.l10n.t('A language folder name: two or three lower-case letters, optionally -region')),
  });
  return typed?.trim() || undefined;
}

async function askName(lang: string): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Start a New Language'),
    prompt: vscode.l10n.t('The name of {0} in itself, as a language switcher shows it', lang),
    value: languageDisplayName(lang),
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A name is needed')),
  });
  return typed?.trim() || undefined;
}

/** Applies the plan as one undoable workspace edit, saves what it edited, and says what was done. */
async function apply(plan: NewLanguagePlan): Promise<StartNewLanguageResult | undefined> {
  // The plan's ranges are positions in the files as saved: an unsaved editor of one of them would shift them.
  const dirty = plan.edits.map((f) => vscode.Uri.parse(f.uri)).find((u) => vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === u.toString()));
  if (dirty) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Istio: save {0} first; nothing was changed.', vscode.workspace.asRelativePath(dirty)));
    return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const f of plan.creates) {
    edit.createFile(vscode.Uri.parse(f.uri), { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(f.text) });
  }
  for (const f of plan.edits) {
    const uri = vscode.Uri.parse(f.uri);
    for (const e of f.edits) {
      const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
      edit.replace(uri, range, e.newText);
    }
  }
  const metadata: vscode.WorkspaceEditMetadata = { isRefactoring: true };
  if (!(await vscode.workspace.applyEdit(edit, metadata))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Istio: the edit could not be applied (a file to create exists?); nothing was changed.'));
    return undefined;
  }
  // Saved at once (unless the editor's refactoring auto-save did), so the language server, which reads the disk, sees
  // the new configuration.
  for (const f of plan.edits) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(f.uri));
    if (doc.isDirty) await doc.save();
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Istio: started {0} ({1}). {2}', plan.lang, plan.name, plan.summary.join(' ')));
  return { edited: plan.edits.map((f) => f.uri), created: plan.creates.map((f) => f.uri), summary: plan.summary };
}
