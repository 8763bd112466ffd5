import * as vscode from 'vscode';
import { PLAN_TRANSLATION_REQUEST, TRANSLATIONS_REQUEST, type TranslationPlan, type TranslationVersion } from '../../../server/protocol';
import { LANGUAGE_FOLDER } from '../../../server/engine';
import type { CreateTranslationArgs } from './commandIds';
import { openPage } from './openPage';
import { sendRequest, type ClientSource } from './requests';
import { exists } from '../fileExists';


interface LangItem extends vscode.QuickPickItem {
  readonly lang: string | undefined;
}

/**
 * "Istio: Create Translation": asks for a target language (the site's, or another one typed in), asks the server
 * for the plan (the page, the bundle's resources), and carries it out without ever overwriting a file.
 */
export async function createTranslation(client: ClientSource, args: CreateTranslationArgs = {}): Promise<vscode.Uri | undefined> {
  const c = client();
  const uri = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!c || !uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open a page of the site (content/<language>/…) first.'));
    return undefined;
  }
  const lang = args.lang ?? (await askLanguage(c, uri));
  if (!lang) return undefined;
  const answer = await sendRequest(c, PLAN_TRANSLATION_REQUEST, { uri, lang });
  if (!answer.ok) {
    if (answer.reason === 'exists' && answer.targetUri) {
      const open = vscode.l10n.t('Open It');
      const target = vscode.Uri.parse(answer.targetUri);
      // Not awaited: the command is done (nothing was changed) whether or not the user answers the notification.
      void vscode.window.showWarningMessage(vscode.l10n.t('Istio: {0} Nothing was changed.', answer.message), open).then(async (choice) => {
        if (choice === open) await openPage(target);
      });
    } else {
      void vscode.window.showWarningMessage(vscode.l10n.t('Istio: {0}', answer.message));
    }
    return undefined;
  }
  if (!(await acceptWarnings(lang, answer.plan.warnings ?? []))) return undefined;
  const created = await carryOut(answer.plan);
  if (!created) return undefined;
  await openPage(created.target);
  // Whole sentences (not pieces joined here) so each language can order them its own way.
  // The counts say what the plan changed in the English text, so the translator knows the links and ids are done.
  const { links, headingIds } = answer.plan.changes;
  const message =
    created.copied + created.kept === 0
      ? vscode.l10n.t('Istio: created the {0} version ({1} links now point to {0} pages, {2} headings carry their English ids). Translate the text, keep the {#anchor} ids.', lang, links, headingIds)
      : vscode.l10n.t(
          'Istio: created the {0} version ({1} links now point to {0} pages, {2} headings carry their English ids); resource files: {3} copied, {4} already there and kept. Translate the text, keep the {#anchor} ids.',
          lang,
          links,
          headingIds,
          created.copied,
          created.kept,
        );
  void vscode.window.showInformationMessage(message);
  return created.target;
}

/**
 * Says what the target language cannot build yet (its folder is not configured, a boilerplate or glossary entry of
 * the page is missing there) before anything is created, and lets the user stop.
 */
async function acceptWarnings(lang: string, warnings: readonly string[]): Promise<boolean> {
  if (warnings.length === 0) return true;
  const create = vscode.l10n.t('Create Anyway');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Istio: the {0} version of this page will not build yet.', lang),
    { modal: true, detail: warnings.join('\n') },
    create,
  );
  return choice === create;
}

async function askLanguage(c: NonNullable<ReturnType<ClientSource>>, uri: string): Promise<string | undefined> {
  const versions = await sendRequest(c, TRANSLATIONS_REQUEST, { uri });
  if (!versions) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: this file is not under content/<language>/ of a Hugo site.'));
    return undefined;
  }
  const items: LangItem[] = versions.languages
    .filter((v) => v.lang !== versions.lang)
    .sort((a, b) => Number(a.exists) - Number(b.exists))
    .map((v) => ({ lang: v.lang, label: v.lang, description: describe(v) }));
  items.push({ lang: undefined, label: vscode.l10n.t('$(edit) Other language…'), description: vscode.l10n.t('a language folder the site does not have yet') });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Translate {0} into…', versions.path), placeHolder: vscode.l10n.t('Target language') });
  if (!picked) return undefined;
  if (picked.lang !== undefined) return picked.lang;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('New language folder'),
    prompt: vscode.l10n.t('The folder name under content/, for example es or pt-br'),
    validateInput: (v) => (LANGUAGE_FOLDER.test(v.trim()) ? undefined : vscode.l10n.t('A language folder name: two or three lower-case letters, optionally -region')),
  });
  return typed?.trim() || undefined;
}

function describe(v: TranslationVersion): string {
  if (!v.exists) return vscode.l10n.t('not translated yet');
  return v.title ? vscode.l10n.t('exists: {0}', v.title) : vscode.l10n.t('exists');
}

/** Writes the new page only after `stat` says it is missing; copies resources with `overwrite: false`. */
async function carryOut(plan: TranslationPlan): Promise<{ target: vscode.Uri; copied: number; kept: number } | undefined> {
  const fs = vscode.workspace.fs;
  const target = vscode.Uri.parse(plan.targetUri);
  if (await exists(target)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Istio: {0} appeared meanwhile; nothing was changed.', target.fsPath));
    return undefined;
  }
  await fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  await fs.writeFile(target, new TextEncoder().encode(plan.text));
  let copied = 0;
  let kept = plan.kept.length;
  for (const copy of plan.copies) {
    try {
      await fs.copy(vscode.Uri.parse(copy.from), vscode.Uri.parse(copy.to), { overwrite: false });
      copied++;
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileExists') kept++;
      else throw e;
    }
  }
  return { target, copied, kept };
}
