import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GIT_SCHEME } from './commandIds';
import { gitShowSpec } from './gitRevision';

/** The URI of `file` as it was at `commit`: `istio-git:/abs/path?<commit>`. */
export function gitUri(file: vscode.Uri, commit: string): vscode.Uri {
  return file.with({ scheme: GIT_SCHEME, query: commit });
}

/**
 * Serves `istio-git:` documents with `git show <commit>:./<name>` run in the file's folder. Not in an untrusted
 * workspace: git runs commands named in a repository's own config (as VS Code's Git extension, it stays off there).
 */
export class GitContentProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Istio: git is not run in an untrusted workspace, so the earlier version of the file cannot be shown.'));
      return Promise.resolve('');
    }
    const file = uri.with({ scheme: 'file', query: '' }).fsPath;
    const spec = gitShowSpec(uri.query, path.basename(file));
    if (spec === undefined) return Promise.resolve('');
    return new Promise((resolve) => {
      execFile('git', ['show', spec], { cwd: path.dirname(file), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) =>
        // Absent at that commit (the source was added later): an empty left side shows every line as new.
        resolve(error ? '' : stdout),
      );
    });
  }
}
