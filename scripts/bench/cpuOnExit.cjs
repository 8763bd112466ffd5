// Preloaded (`node -r`) into a process the bench spawns: writes the process's CPU time (user + system) and peak RSS
// to stderr at exit, so the bench can compare CPU time, which a loaded machine disturbs less than wall time.
'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nBENCH_CPU ${(u.userCPUTime + u.systemCPUTime) / 1000} ${u.maxRSS / 1024}\n`);
});
