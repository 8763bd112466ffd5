/** The command line of `istio-authoring`, parsed without a library: one subcommand and a handful of flags. */
export interface CheckArgs {
  readonly command: 'check';
  /** Folders or files to check; empty means "the current folder". */
  readonly targets: readonly string[];
  readonly format: 'text' | 'json' | 'sarif';
  /** Report only these codes or families (`link`, `image.not-found`); empty means all. */
  readonly only: readonly string[];
  /** Leave out these codes or families. */
  readonly skip: readonly string[];
  /** Fail when there are more warnings than this; `undefined` means warnings never fail. */
  readonly maxWarnings: number | undefined;
  /** A settings file (JSON with comments) applied over the site's `.vscode/settings.json`. */
  readonly config: string | undefined;
  readonly quiet: boolean;
  /** `--timing`: where the check's time went, per rule, on stderr. */
  readonly timing: boolean;
}

export type ParsedArgs = CheckArgs | { readonly command: 'help' } | { readonly command: 'version' } | { readonly command: 'error'; readonly message: string };

export const USAGE = `Usage: istio-authoring check [dir|file ...] [options]

Checks the Markdown pages of an istio.io-style Hugo site (content/<lang>/...) with the same engine and
settings as the editor extension, and prints one line per finding: path:line:col: severity code message.

Options:
  --format text|json|sarif
                       output format (default: text; sarif: SARIF 2.1.0 for GitHub code scanning)
  --only LIST          report only these codes or families, comma-separated (link,image.not-found)
  --skip LIST          leave out these codes or families, comma-separated (spelling, style: mdl, lint: the
                       grep rules of make lint; a left-out family is not even run)
  --max-warnings N     exit 1 when there are more than N warnings (default: warnings never fail)
  --config FILE        settings file (JSON; "istio.*" keys) applied over the site's .vscode/settings.json
  --quiet              print errors only (warnings still count for --max-warnings)
  --timing             print the time each check took (per rule, and the pages' parse) on stderr
  -h, --help           show this help
  -v, --version        print the version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage.
With no dir inside the istio-authoring repository, the bundled sample site is checked.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  if (argv[0] !== 'check') return { command: 'error', message: `unknown command "${argv[0]}"` };
  const targets: string[] = [];
  let format: 'text' | 'json' | 'sarif' = 'text';
  const only: string[] = [];
  const skip: string[] = [];
  let maxWarnings: number | undefined;
  let config: string | undefined;
  let quiet = false;
  let timing = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const flag = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return { command: 'error', message: `--format must be text, json or sarif, not "${v ?? ''}"` };
        format = v;
        break;
      }
      case '--only':
      case '--skip': {
        const v = value();
        const list = (v ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
        if (list.length === 0) return { command: 'error', message: `${flag} needs codes or families, such as link,image.not-found` };
        (flag === '--only' ? only : skip).push(...list);
        break;
      }
      case '--max-warnings': {
        const v = value();
        const n = Number(v);
        if (v === undefined || !Number.isInteger(n) || n < 0) return { command: 'error', message: `--max-warnings needs a whole number, not "${v ?? ''}"` };
        maxWarnings = n;
        break;
      }
      case '--config': {
        const v = value();
        if (!v) return { command: 'error', message: '--config needs a file' };
        config = v;
        break;
      }
      case '--quiet':
        quiet = true;
        break;
      case '--timing':
        timing = true;
        break;
      case '-h':
      case '--help':
        return { command: 'help' };
      default:
        if (a.startsWith('-')) return { command: 'error', message: `unknown option "${a}"` };
        targets.push(a);
    }
  }
  return { command: 'check', targets, format, only, skip, maxWarnings, config, quiet, timing };
}
