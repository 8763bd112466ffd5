import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LanguageService } from '../../../server/engine/languageService';
import { newFrontmatter, planNewPage, slugOf, titleOfPage } from '../../../server/engine/features/newPage';
import { readFixes } from '../../../server/engine/features/quickFix';
import { frontmatterSyntaxRuleAt } from '../../../server/engine/features/syntax/frontmatterSyntax';
import { doc, lc, MEM_ROOT, memorySite } from '../../support/fixtures';

/** 9 March 2025, local time: the date the pages below are written on. */
const TODAY = new Date(2025, 2, 9);

describe('the frontmatter of a new page', () => {
  it('plans a blog post in this year\'s folder, the cursor on its description', () => {
    const plan = planNewPage({ kind: 'blog', lang: 'en', title: 'My first "Istio" post', slug: 'my-first-istio-post', today: TODAY });
    assert.equal(plan.relPath, 'blog/2025/my-first-istio-post/index.md');
    assert.equal(
      plan.text,
      '---\ntitle: "My first \\"Istio\\" post"\ndescription: ""\npublishdate: 2025-03-09\nattribution: ""\nkeywords: []\n---\n\n',
    );
    assert.equal(plan.text.slice(0, plan.cursor), '---\ntitle: "My first \\"Istio\\" post"\ndescription: "');
  });

  it('gives an English docs page the owner: and test: lines make lint wants, and a translation none', () => {
    const en = planNewPage({ kind: 'docs', lang: 'en', title: 'Traffic mirroring', slug: 'mirroring', today: TODAY, section: '/tasks/traffic-management/' });
    assert.equal(en.relPath, 'docs/tasks/traffic-management/mirroring/index.md');
    assert.equal(en.text, '---\ntitle: "Traffic mirroring"\ndescription: ""\nkeywords: []\nowner: ""\ntest: n/a\n---\n\n');
    const zh = planNewPage({ kind: 'docs', lang: 'zh', title: '流量镜像', slug: 'mirroring', today: TODAY, section: 'tasks' });
    assert.equal(zh.text, '---\ntitle: "流量镜像"\ndescription: ""\nkeywords: []\n---\n\n');
  });

  it('writes each kind its own lines: a glossary term, a boilerplate, a section', () => {
    assert.equal(newFrontmatter({ relPath: 'docs/reference/glossary/mesh.md', lang: 'en', title: 'Mesh', today: TODAY }).text, '---\ntitle: "Mesh"\ntest: n/a\n---\n');
    const boilerplate = newFrontmatter({ relPath: 'boilerplates/note.md', lang: 'en', title: 'x', today: TODAY });
    assert.deepEqual(boilerplate, { text: '---\n---\n', cursor: 8, label: 'boilerplate' });
    assert.equal(newFrontmatter({ relPath: 'blog/_index.md', lang: 'en', title: 'Blog', today: TODAY, eol: '\r\n' }).text, '---\r\ntitle: "Blog"\r\ndescription: ""\r\n---\r\n');
  });

  it('makes folder names of titles, and titles of pages', () => {
    assert.equal(slugOf('  Istio 1.25: Ambient — Beyond the Mesh! '), 'istio-1-25-ambient-beyond-the-mesh');
    assert.equal(slugOf('Crème brûlée'), 'creme-brulee');
    assert.equal(slugOf('流量镜像'), '');
    assert.equal(titleOfPage('Intro.\n\n# Getting started #\n', 'docs/setup/index.md'), 'Getting started');
    assert.equal(titleOfPage('', 'blog/2025/my-first-post/index.md'), 'My first post');
    assert.equal(titleOfPage('', 'docs/ops/best_practices.md'), 'Best practices');
  });
});

describe('frontmatter.missing quick fix', () => {
  const service = new LanguageService({ fs: memorySite(), scan: { sliceMs: 1e9, pause: () => Promise.resolve() } });
  const check = (rel: string, text: string) => {
    const path = `${MEM_ROOT}/${rel}`;
    return frontmatterSyntaxRuleAt(() => TODAY).check(service.context(path, doc(path, text)));
  };

  it('inserts a blog post\'s frontmatter into an empty post', () => {
    const ds = check('content/en/blog/2025/first-post/index.md', '');
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['frontmatter.missing', lc(1, 1, 1, 1)]]);
    assert.deepEqual(readFixes(ds[0]!.data), [
      {
        title: 'Insert frontmatter for a blog post',
        edits: [{ range: lc(1, 1, 1, 1), newText: '---\ntitle: "First post"\ndescription: ""\npublishdate: 2025-03-09\nattribution: ""\nkeywords: []\n---\n' }],
        isPreferred: true,
      },
    ]);
  });

  it('inserts a docs page\'s frontmatter above the text, titled by its heading, with a blank line between', () => {
    const ds = check('content/en/docs/ops/upgrade/index.md', '# Upgrade Istio\n\nText.\n');
    assert.deepEqual(readFixes(ds[0]!.data)[0]!.edits, [
      { range: lc(1, 1, 1, 1), newText: '---\ntitle: "Upgrade Istio"\ndescription: ""\nkeywords: []\nowner: ""\ntest: n/a\n---\n\n' },
    ]);
    assert.equal(readFixes(ds[0]!.data)[0]!.title, 'Insert frontmatter for a docs page');
  });

  it('offers no fix for TOML frontmatter, which is converted by hand', () => {
    const ds = check('content/en/blog/2025/toml/index.md', '+++\ntitle = "x"\n+++\n');
    assert.deepEqual(ds.map((d) => d.code), ['frontmatter.missing']);
    assert.deepEqual(readFixes(ds[0]!.data), []);
  });

  it('reaches the editor as a code action on the page', () => {
    const path = `${MEM_ROOT}/content/zh/blog/2025/first-post/index.md`;
    const d = doc(path, 'Text.\n');
    const ds = service.diagnostics(path, d).diagnostics.filter((x) => x.code === 'frontmatter.missing');
    const actions = service.codeActions(path, d, ds[0]!.range, ds);
    assert.deepEqual(actions.map((a) => a.title), ['Insert frontmatter for a blog post']);
    const edit = actions[0]!.edit!.changes![d.uri]![0]!;
    assert.match(edit.newText, /^---\ntitle: "First post"\ndescription: ""\npublishdate: \d{4}-\d\d-\d\d\nattribution: ""\nkeywords: \[\]\n---\n\n$/);
  });
});
