import * as vscode from 'vscode';
import { Commands } from '../../../server/protocol';
import { GIT_SCHEME, type CreateTranslationArgs, type DiffSourceArgs, type GoToTranslationArgs } from './commandIds';
import { createTranslation } from './createTranslation';
import { GitContentProvider } from './gitContentProvider';
import { goToTranslation } from './goToTranslation';
import type { ClientSource } from './requests';
import { translationStatusBar } from './statusBar';
import { startNewLanguage, type StartNewLanguageArgs } from './startNewLanguage';
import { openSourceSideBySide } from './sideBySide';
import { diffSource, exportReport, openUri, refreshReportOnTrust, translationStatus, type ExportStatusArgs } from './translationStatus';

/** Registers the translation commands, the status bar item and the `istio-git:` documents. */
export function registerTranslations(context: vscode.ExtensionContext, client: ClientSource): { refresh(): void } {
  const statusBar = translationStatusBar(client);
  context.subscriptions.push(
    statusBar,
    vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, new GitContentProvider()),
    vscode.commands.registerCommand(Commands.goToTranslation, (args?: GoToTranslationArgs) => goToTranslation(client, args)),
    vscode.commands.registerCommand(Commands.createTranslation, async (args?: CreateTranslationArgs) => {
      const created = await createTranslation(client, args);
      statusBar.refresh();
      return created;
    }),
    vscode.commands.registerCommand(Commands.translationStatus, () => translationStatus(client)),
    vscode.commands.registerCommand(Commands.exportTranslationStatus, (args?: ExportStatusArgs) => exportReport(args?.format, args?.filter, client)),
    vscode.commands.registerCommand(Commands.openSourceSideBySide, () => openSourceSideBySide(client)),
    vscode.commands.registerCommand(Commands.startNewLanguage, async (args?: StartNewLanguageArgs) => {
      const started = await startNewLanguage(client, args);
      statusBar.refresh();
      return started;
    }),
    refreshReportOnTrust(client),
    vscode.commands.registerCommand(Commands.diffSource, (args: DiffSourceArgs) => diffSource(args)),
    vscode.commands.registerCommand(Commands.openTranslation, (uri: string) => openUri(uri)),
  );
  return statusBar;
}

export { Commands } from '../../../server/protocol';
