import * as vscode from 'vscode';
import { incomingName, isSiteImage, type IncomingImage } from './imagePlan';

/**
 * The image files of a drop or paste: the `text/uri-list` entries (files dragged from the Explorer or copied in the
 * OS) and the file items (dragged from outside, or clipboard images). Only names the site shows as images are read.
 */
export async function filesOfDataTransfer(dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<IncomingImage[]> {
  const out: IncomingImage[] = [];
  const seen = new Set<string>();
  const uriList = await dataTransfer.get('text/uri-list')?.asString();
  for (const uri of parseUriList(uriList ?? '')) {
    if (token.isCancellationRequested) return [];
    seen.add(uri.toString());
    const file = await readUri(uri);
    if (file) out.push(file);
  }
  for (const [mime, item] of dataTransfer) {
    const file = item.asFile();
    if (!file || (file.uri && seen.has(file.uri.toString()))) continue;
    const name = incomingName(file.name, mime);
    if (name === undefined) continue;
    if (file.uri) seen.add(file.uri.toString());
    out.push({ name, ...(file.uri?.scheme === 'file' ? { path: file.uri.path } : {}), bytes: await file.data() });
    if (token.isCancellationRequested) return [];
  }
  return out;
}

/** Reads image files by URI (the Insert Image command, `text/uri-list`); others and unreadable ones are skipped. */
export async function filesOfUris(uris: readonly vscode.Uri[]): Promise<IncomingImage[]> {
  const out: IncomingImage[] = [];
  for (const uri of uris) {
    const file = await readUri(uri);
    if (file) out.push(file);
  }
  return out;
}

async function readUri(uri: vscode.Uri): Promise<IncomingImage | undefined> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  // Web images are not downloaded: the site does not use remote images (istio-site.md §d).
  if (uri.scheme === 'http' || uri.scheme === 'https' || !isSiteImage(name)) return undefined;
  try {
    return { name, path: uri.path, bytes: await vscode.workspace.fs.readFile(uri) };
  } catch {
    return undefined;
  }
}

/** RFC 2483: one URI per line, `#` lines are comments. */
function parseUriList(text: string): vscode.Uri[] {
  const out: vscode.Uri[] = [];
  for (const line of text.split(/\r?\n/)) {
    const s = line.trim();
    if (s === '' || s.startsWith('#')) continue;
    try {
      out.push(vscode.Uri.parse(s, true));
    } catch {
      // not a URI: not ours
    }
  }
  return out;
}
