import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../../server/engine/languageService';
import { blobIds, nodeGit } from '../../../server/src/node/git';
import { NodeFileSystem } from '../../../server/src/node/nodeFileSystem';
import { pathToUri, uriToPath } from '../../../server/src/node/uris';
import { sample } from '../../support/fixtures';
import { GitRecorder } from '../../support/gitRecorder';

/** A real git repository in a temporary folder, with a fixed identity and no signing. */
class TempRepo {
  readonly root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'istio-translations-')));
  private clock = Date.UTC(2024, 4, 13) / 1000;

  write(rel: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.root, rel)), { recursive: true });
    fs.writeFileSync(path.join(this.root, rel), text);
  }

  git(...args: string[]): string {
    const date = `${this.clock} +0000`;
    return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
      cwd: this.root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  }

  /** A new repository with the beta post and an en-only post, then the zh translation; the translation's commit. */
  initBetaPost(): string {
    this.git('init', '-q');
    this.write(EN, sample(EN));
    this.write(EN_ONLY, sample(EN_ONLY));
    this.commit('Add the beta post');
    this.write(ZH, sample(ZH));
    return this.commit('zh: translate the beta post');
  }

  commit(message: string): string {
    this.clock += 86400;
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

const EN = 'content/en/blog/2024/ambient-reaches-beta/index.md';
const ZH = 'content/zh/blog/2024/ambient-reaches-beta/index.md';
const EN_ONLY = 'content/en/blog/2021/istio-community-meetup-china/index.md';

async function status(root: string, trusted?: boolean) {
  // As the server makes it and asks it: the git port over the command line, the request's URI turned into a path.
  const service = new LanguageService({ fs: new NodeFileSystem(), git: nodeGit, pathToUri });
  try {
    const r = await service.translationStatus(uriToPath(pathToFileURL(root).href), trusted !== undefined ? { trusted } : {});
    assert.ok(r, 'a site was found');
    return r;
  } finally {
    service.dispose();
  }
}

describe('translation status over a real git repository', () => {
  const repo = new TempRepo();
  let translated = '';

  before(() => {
    translated = repo.initBetaPost();
  });

  after(() => repo.dispose());

  it('finds the translation fresh when committed after its source, and lists the missing page', async () => {
    const r = await status(repo.root);
    assert.deepEqual(r.git, { available: true, repoRoot: pathToFileURL(repo.root).href, head: translated });
    const [zh] = r.languages;
    assert.deepEqual([zh!.lang, zh!.translated, zh!.upToDate, zh!.stale, zh!.uncommitted], ['zh', 1, 1, [], []]);
    assert.deepEqual(zh!.missing.map((m) => m.path), ['blog/2021/istio-community-meetup-china/index.md']);
  });

  it('finds it stale once the source changes, with the source commits since the translation\u2019s last commit', async () => {
    repo.write(EN, sample(EN).replace('has reached Beta.', 'has reached Beta!'));
    const change = repo.commit('Cheer the beta');
    const r = await status(repo.root);
    const [zh] = r.languages;
    assert.equal(zh!.upToDate, 0);
    assert.deepEqual(
      zh!.stale.map((s) => [s.path, s.uri, s.sourceUri, s.translationCommit.hash, s.translationCommit.subject, s.sourceCommits.map((c) => [c.hash, c.subject])]),
      [
        [
          'blog/2024/ambient-reaches-beta/index.md',
          pathToFileURL(path.join(repo.root, ZH)).href,
          pathToFileURL(path.join(repo.root, EN)).href,
          translated,
          'zh: translate the beta post',
          [[change, 'Cheer the beta']],
        ],
      ],
    );
    // Committing the translation again makes it fresh (lsync.sh: nothing changed in the source since).
    repo.write(ZH, sample(ZH) + '\n');
    repo.commit('zh: sync the beta post');
    const again = (await status(repo.root)).languages[0]!;
    assert.deepEqual([again.upToDate, again.stale.length], [1, 0]);
  });

  it('lists the missing pages and says why staleness is empty outside a git repository', async () => {
    const plain = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'istio-nogit-')));
    try {
      fs.mkdirSync(path.join(plain, path.dirname(EN)), { recursive: true });
      fs.mkdirSync(path.join(plain, path.dirname(ZH)), { recursive: true });
      fs.writeFileSync(path.join(plain, EN), sample(EN));
      fs.writeFileSync(path.join(plain, ZH), sample(ZH));
      fs.mkdirSync(path.join(plain, path.dirname(EN_ONLY)), { recursive: true });
      fs.writeFileSync(path.join(plain, EN_ONLY), sample(EN_ONLY));
      const r = await status(plain);
      assert.deepEqual(r.git, { available: false, reason: 'the site is not inside a git repository.', code: 'not-a-repository' });
      const [zh] = r.languages;
      assert.deepEqual([zh!.translated, zh!.upToDate, zh!.stale, zh!.missing.map((m) => m.path)], [1, 0, [], ['blog/2021/istio-community-meetup-china/index.md']]);
    } finally {
      fs.rmSync(plain, { recursive: true, force: true });
    }
  });
});

describe('translation status in an untrusted workspace', () => {
  const repo = new TempRepo();
  const recorder = new GitRecorder();
  const savedPath = process.env.PATH;
  let head = '';

  before(() => {
    repo.initBetaPost();
    // The source changes after its translation: only then is there a blob to look up (a fresh pair needs none).
    repo.write(EN, sample(EN) + '\nA new paragraph.\n');
    head = repo.commit('Extend the beta post');
    // The server's git runs (execFile, spawn) find the recording git first from here on.
    process.env.PATH = recorder.path(savedPath);
  });

  after(() => {
    process.env.PATH = savedPath;
    recorder.dispose();
    repo.dispose();
  });

  it('runs no git at all, says why the staleness column is empty, and still lists the missing page', async () => {
    const r = await status(repo.root, false);
    assert.deepEqual(recorder.take(), []);
    assert.deepEqual(r.git, {
      available: false,
      code: 'untrusted',
      reason: 'the workspace is not trusted, and git can run commands named in a repository’s own configuration, so it was not run. Trust the workspace to see stale translations.',
    });
    const [zh] = r.languages;
    assert.deepEqual([zh!.translated, zh!.upToDate, zh!.stale, zh!.uncommitted, zh!.missing.map((m) => m.path)], [1, 0, [], [], ['blog/2021/istio-community-meetup-china/index.md']]);
  });

  it('runs git in the same repository when the workspace is trusted, or when the client does not say', async () => {
    for (const trusted of [true, undefined]) {
      const r = await status(repo.root, trusted);
      assert.deepEqual(r.git, { available: true, repoRoot: pathToFileURL(repo.root).href, head }, String(trusted));
      assert.deepEqual(
        recorder.take().map((run) => run.split(' ').slice(0, 2).join(' ')),
        ['rev-parse --show-toplevel', 'rev-parse --verify', 'log -z', 'cat-file --batch-check=%(objectname)'],
        String(trusted),
      );
    }
  });
});

describe('git blob look-ups', () => {
  it('read a path git cannot be asked about on one line (it holds a newline) as missing, not as the root tree', async () => {
    const repo = new TempRepo();
    try {
      repo.git('init', '-q');
      repo.write(EN, sample(EN));
      const head = repo.commit('Add the beta post');
      const ids = await blobIds(repo.root, [{ rev: head, path: EN }, { rev: head, path: 'content/en/odd\nname.md' }]);
      assert.equal(ids.get(`${head}:${EN}`), repo.git('rev-parse', `${head}:${EN}`).trim());
      assert.equal(ids.get(`${head}:content/en/odd\nname.md`), undefined);
    } finally {
      repo.dispose();
    }
  });
});
