// "Istio: Check Whole Site" in code-server on a copy of the corpus (issue 18): the Problems counts the workbench shows
// (the status bar's, which count every page's markers) must be the command line's on the same folder
// (`node bin/istio-authoring check <dir>`), and the notification's summary must say the same. Its screenshot is the
// README's (docs/images/check-whole-site.png).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as wb from '../editors/lib/workbench.mjs';

/** The CLI's closing line on `site`: { files, errors, warnings, infos }. */
export function cliCounts(root, site) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/istio-authoring'), 'check', site], { encoding: 'utf8', timeout: 120_000 });
  const m = /(\d+) files checked: (\d+) errors?, (\d+) warnings?, (\d+) infos?/.exec(r.stdout ?? '');
  if (!m) throw new Error(`no summary from the CLI (exit ${r.status}): ${(r.stdout ?? '').slice(-300)}${(r.stderr ?? '').slice(-300)}`);
  const [files, errors, warnings, infos] = m.slice(1).map(Number);
  return { files, errors, warnings, infos };
}

/** The status bar's problems label for these counts, as VS Code writes it (a zero count is left out). */
function statusLabel({ errors, warnings, infos }) {
  const parts = [];
  if (errors) parts.push(`Errors: ${errors}`);
  if (warnings) parts.push(`Warnings: ${warnings}`);
  if (infos) parts.push(`Infos: ${infos}`);
  return parts.length ? parts.join(', ') : 'No Problems';
}

/** One step: run the command, wait for its summary, compare the counts shown with the CLI's. */
export async function wholeSiteStep({ page, step, root, site, shots }) {
  return step('"Istio: Check Whole Site": the Problems counts of every page are the CLI\'s on the same folder', async () => {
    const cli = cliCounts(root, site);
    const want = statusLabel(cli);
    await wb.runCommand(page, 'Istio: Check Whole Site');
    await wb.waitForNotification(page, `pages checked: ${cli.errors} errors, ${cli.warnings} warnings.`, { timeoutMs: 120_000 });
    // The summary comes when the last page is checked; its problems may still be on their way to the workbench.
    await page.waitForFunction(
      (w) => document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') === w,
      want,
      { timeout: 30_000, polling: 100 },
    ).catch(async () => {
      throw new Error(`the status bar says ${JSON.stringify(await wb.statusProblems(page))}, the CLI ${JSON.stringify(want)} (${cli.files} files)`);
    });
    const summary = (await wb.notifications(page)).find((n) => /pages checked/.test(n));
    await wb.readProblems(page, { min: 2 });
    await wb.screenshot(page, shots, '1a-check-whole-site');
    await wb.runCommand(page, 'Notifications: Clear All Notifications');
    await wb.runCommand(page, 'View: Hide Panel');
    return { status: want, cli, summary };
  });
}
