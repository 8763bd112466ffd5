/**
 * The Translation Status rows of the bench: the whole report on the synthetic site (≈2,665 pages), with git. The
 * site is committed, then a third of its English pages change in a second commit, so that about a third of the pairs
 * are stale and the blob look-ups run as they would on istio.io. Times the engine's request (listing, readiness and
 * git, as the server answers it) and the client's work on the answer (the HTML, an export).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderStatusReport } from '../../client/src/translations/statusReportHtml';
import { exportStatus, LanguageService } from '../../server/engine';
import { nodeGit } from '../../server/src/node/git';
import { NodeFileSystem } from '../../server/src/node/nodeFileSystem';
import { markdownFiles } from './generateSite';

type Row = (label: string, value: string, target?: string) => void;

function git(root: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: root, stdio: 'ignore' });
}

export async function translationStatusRows(root: string, row: Row, ms: (n: number) => string, { mayWrite }: { mayWrite: boolean }): Promise<void> {
  const gitDir = path.join(root, '.git');
  const made = mayWrite && !fs.existsSync(gitDir);
  console.log(made ? '\nTranslation Status (whole site, git history: every page committed, then a third of the en pages changed)' : '\nTranslation Status (whole site, the site\'s own git history if it has one)');
  if (made) {
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'the site');
    const en = markdownFiles(path.join(root, 'content/en'));
    en.forEach((f, i) => i % 3 === 0 && fs.appendFileSync(f, '\nA changed paragraph.\n'));
    git(root, 'commit', '-q', '-a', '-m', 'change a third of the English pages');
  }
  try {
    const service = new LanguageService({ fs: new NodeFileSystem(), git: nodeGit, scan: { sliceMs: 1_000_000, pause: () => Promise.resolve() } });
    await service.translationStatus(root, { trusted: false }); // the index, built once as on the first request
    const runs: number[] = [];
    let result = await service.translationStatus(root);
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      result = await service.translationStatus(root);
      runs.push(performance.now() - t);
    }
    const best = Math.min(...runs);
    const langs = result!.languages.map((l) => `${l.lang} ${l.translated}/${l.stale.length}/${l.missing.length}`).join(', ');
    row('istio/translationStatus with git, best of 3', ms(best), `target < 2 s ${best < 2000 ? 'ok' : 'MISSED'}`);
    row('  languages: translated / stale / missing', langs);
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    await service.translationStatus(root, { trusted: false });
    const cpu = process.cpuUsage(c1);
    row('  the same without git (listing + readiness)', ms(performance.now() - t1), `CPU ${ms((cpu.user + cpu.system) / 1000)}`);
    const t2 = performance.now();
    const html = renderStatusReport(result!, { nonce: 'bench' });
    row('the report\'s HTML (client)', ms(performance.now() - t2), `${(html.length / 1e6).toFixed(1)} MB`);
    const t3 = performance.now();
    const csv = exportStatus(result!, 'csv');
    const md = exportStatus(result!, 'markdown');
    row('export as CSV and as Markdown', ms(performance.now() - t3), `${csv.split('\r\n').length - 2} rows`);
    if (md.length < 0) console.log(md);
    service.dispose();
  } finally {
    if (made) fs.rmSync(gitDir, { recursive: true, force: true });
  }
}
