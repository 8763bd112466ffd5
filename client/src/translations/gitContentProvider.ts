import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GIT_SCHEME } from './commandIds';

/** The URI of `file` as it was at `commit`: `istio-git:/abs/path?<commit>`. */
export function gitUri(file: vscode.Uri, commit: string): vscode.Uri {
  return file.with({ scheme: GIT_SCHEME, query: commit });
}

/** Serves `istio-git:` documents with `git show <commit>:./<name>` run in the file's folder. */
export class GitContentProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = uri.with({ scheme: 'file', query: '' }).fsPath;
    return new Promise((resolve) => {
      execFile('git', ['show', `${uri.query}:./${path.basename(file)}`], { cwd: path.dirname(file), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) =>
        // Absent at that commit (the source was added later): an empty left side shows every line as new.
        resolve(error ? '' : stdout),
      );
    });
  }
}
