import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A `git` put first on a PATH that writes each run's arguments to a log, then runs the real git: tests see
 * whether (and how) the server started git, with git's real answers. POSIX shell script.
 */
export class GitRecorder {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-git-recorder-'));
  private readonly log = path.join(this.dir, 'runs.log');

  constructor() {
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const script = `#!/bin/sh\nprintf '%s\\n' "$*" >> '${this.log}'\nexec '${realGit}' "$@"\n`;
    fs.mkdirSync(path.join(this.dir, 'bin'));
    fs.writeFileSync(path.join(this.dir, 'bin', 'git'), script, { mode: 0o755 });
  }

  /** A PATH that finds the recording git first. */
  path(base = process.env.PATH ?? ''): string {
    return `${path.join(this.dir, 'bin')}${path.delimiter}${base}`;
  }

  /** The argument lists of the runs so far, and forgets them. */
  take(): string[] {
    const runs = fs.existsSync(this.log) ? fs.readFileSync(this.log, 'utf8').split('\n').filter((l) => l !== '') : [];
    fs.rmSync(this.log, { force: true });
    return runs;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
