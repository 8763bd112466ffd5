import * as vscode from 'vscode';
import { Commands } from '../../../server/protocol';
import type { ClientSource } from '../translations/requests';
import { checkWholeSite } from './checkWholeSite';
import { movePage } from './movePage';

/** The site-wide commands: Move Page… and Check Whole Site (registered at once, answering with a hint while dormant). */
export function registerSiteCommands(context: vscode.ExtensionContext, client: ClientSource): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.movePage, (target?: vscode.Uri) => movePage(client, target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand(Commands.checkWholeSite, () => checkWholeSite(client)),
  );
}
