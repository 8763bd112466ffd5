import type { Command, Range } from 'vscode-languageserver-types';

/**
 * The one shape of quick fixes: every rule computes its fixes when it reports the diagnostic and carries them in
 * `Diagnostic.data.fixes`, and one code-action provider (`codeActions.ts`) turns them into code actions without
 * looking at the text again. The data comes back from the client with the code-action request, through JSON and
 * maybe another editor's hands, so it is read through `readFixes` and never trusted as typed.
 */

/** One edit of a fix. */
export interface FixEdit {
  /**
   * Another file than the document: the absolute path of one of its site's Hugo configuration files (the only other
   * files a fix may edit, which the code-action provider checks again), with an explicit `range`.
   */
  readonly file?: string;
  /**
   * What it replaces. Without one, the diagnostic's own range as the client sends it back, which follows the user's
   * edits since the check (a link's replacement stays on the link while the lines above change).
   */
  readonly range?: Range;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  /** Applied together; empty for a fix that is only a command. */
  readonly edits: readonly FixEdit[];
  /** The single obvious fix, which an editor may apply on its own ("fix all", auto-fix on save). */
  readonly isPreferred?: boolean;
  /** One of the engine's own commands (`FIX_COMMANDS`), run after the edits. */
  readonly command?: Command;
}

/** `Diagnostic.data` of every code: the fixes, and facts about the finding that a reader may use. */
export interface DiagnosticData {
  readonly fixes?: readonly Fix[];
  readonly [fact: string]: unknown;
}

/** The command of the "copy the file from the source-language bundle" fix: the server copies, never overwriting. */
export const COPY_FILE_COMMAND = 'istio.copyFile';

export interface CopyFileArgs {
  readonly source: string;
  readonly target: string;
}

/**
 * The command of the "copy every file the translation lacks" fix and `source.fixAll` action: the server copies each
 * file as `istio.copyFile` does (never overwriting) and reports what it copied.
 */
export const COPY_FILES_COMMAND = 'istio.copyFiles';

export interface CopyFilesArgs {
  readonly files: readonly CopyFileArgs[];
}

const isCopyArgs = (v: unknown): boolean => typeof field(v, 'source') === 'string' && typeof field(v, 'target') === 'string';

/**
 * The commands a fix may run, each with a check of its arguments: data a client sends back must not make the editor
 * run any other command, or this one with arguments the engine never wrote.
 */
const FIX_COMMANDS: Readonly<Record<string, (args: readonly unknown[]) => boolean>> = {
  [COPY_FILE_COMMAND]: (args) => args.length === 1 && isCopyArgs(args[0]),
  [COPY_FILES_COMMAND]: (args) => {
    const files = field(args[0], 'files');
    return args.length === 1 && Array.isArray(files) && files.length > 0 && files.every(isCopyArgs);
  },
};

/** A fix that replaces one range (or the diagnostic's own, without a range) with `newText`. */
export function replaceFix(title: string, range: Range | undefined, newText: string, isPreferred = false): Fix {
  return { title, edits: [range ? { range, newText } : { newText }], isPreferred };
}

/** A fix that only runs the copy-file command. */
export function copyFileFix(title: string, args: CopyFileArgs): Fix {
  return { title, edits: [], isPreferred: true, command: { title: 'Copy file', command: COPY_FILE_COMMAND, arguments: [args] } };
}

/** A fix that only runs the copy-files command: one action for every file a translation lacks. */
export function copyFilesFix(title: string, files: readonly CopyFileArgs[]): Fix {
  const args: CopyFilesArgs = { files };
  return { title, edits: [], isPreferred: false, command: { title: 'Copy files', command: COPY_FILES_COMMAND, arguments: [args] } };
}

function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function field(v: unknown, key: string): unknown {
  return isRecord(v) ? v[key] : undefined;
}

function isPosition(v: unknown): boolean {
  return typeof field(v, 'line') === 'number' && typeof field(v, 'character') === 'number';
}

function isRange(v: unknown): v is Range {
  return isPosition(field(v, 'start')) && isPosition(field(v, 'end'));
}

function readEdit(v: unknown): FixEdit | undefined {
  const newText = field(v, 'newText');
  const range = field(v, 'range');
  const file = field(v, 'file');
  if (typeof newText !== 'string') return undefined;
  if (file !== undefined) return typeof file === 'string' && isRange(range) ? { file, range, newText } : undefined;
  if (range === undefined) return { newText };
  return isRange(range) ? { range, newText } : undefined;
}

function readCommand(v: unknown): Command | undefined {
  const title = field(v, 'title');
  const command = field(v, 'command');
  const args = field(v, 'arguments') ?? [];
  if (typeof title !== 'string' || typeof command !== 'string' || !Array.isArray(args)) return undefined;
  const check = Object.hasOwn(FIX_COMMANDS, command) ? FIX_COMMANDS[command] : undefined;
  return check?.(args) ? { title, command, arguments: args } : undefined;
}

/**
 * The well-formed fixes of a diagnostic's data. A fix with any malformed part is left out whole: applying part of it
 * would be wrong.
 */
export function readFixes(data: unknown): Fix[] {
  const fixes = field(data, 'fixes');
  if (!Array.isArray(fixes)) return [];
  const out: Fix[] = [];
  for (const f of fixes) {
    const title = field(f, 'title');
    const rawEdits = field(f, 'edits');
    const rawCommand = field(f, 'command');
    if (typeof title !== 'string' || !Array.isArray(rawEdits)) continue;
    const edits = rawEdits.map(readEdit).filter((e): e is FixEdit => e !== undefined);
    const command = rawCommand === undefined ? undefined : readCommand(rawCommand);
    if (edits.length !== rawEdits.length || (rawCommand !== undefined && !command)) continue;
    if (edits.length === 0 && !command) continue;
    out.push({ title, edits, isPreferred: field(f, 'isPreferred') === true, ...(command ? { command } : {}) });
  }
  return out;
}
