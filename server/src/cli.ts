/**
 * `istio-authoring check [dir]`: the editor's checks on the command line, for CI.
 * A thin adapter over the same engine (LanguageService + the registered features) as the language server.
 */
import { errorText } from '../engine';
import { runCli } from './cli/main';

declare const __VERSION__: string | undefined;

const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
runCli(process.argv.slice(2), { cwd: process.cwd(), out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }, version).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`istio-authoring: internal error: ${errorText(e)}\n`);
    process.exitCode = 2;
  },
);
