// The language server's process as the extension host starts it (over IPC; code-server's Node in this layer).
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const h = require('./helpers');

/** The processes whose parent is this extension host and whose command line runs dist/server.js. */
function serverProcesses() {
  const out = [];
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      // `pid (comm) state ppid …`: the name may hold spaces and parentheses, so read after its last `) `.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (args.some((a) => a.endsWith('dist/server.js'))) out.push(args);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

describe('the language server process', () => {
  before(async () => {
    await h.activateExtension();
    // A page of the site has been checked: the server is up and answering.
    await h.openPublished('content/en/blog/2023/istiocon-china/index.md');
  });
  afterEach(() => h.closeAllWithoutSaving());

  it('runs with one V8 worker thread on a machine of two cores, Node\'s default above (serverNodeOptions)', () => {
    const servers = serverProcesses();
    assert.strictEqual(servers.length, 1, `one server process under the extension host: ${JSON.stringify(servers)}`);
    const args = servers[0];
    const script = args.findIndex((a) => a.endsWith('dist/server.js'));
    // The rule of server/protocol's serverNodeOptions, restated: the test must not read the value it checks.
    const expected = os.availableParallelism() <= 2 ? ['--v8-pool-size=1'] : [];
    assert.deepStrictEqual(args.slice(1, script).filter((a) => a.startsWith('--v8-pool-size')), expected, `server command line: ${args.join(' ')}`);
  });
});
