// Preloaded into benchmarked Node processes (NODE_OPTIONS=--require, see lib.ts): at exit, appends
// this process's peak RSS in kB to $FOOTPRINT_BENCH_RSS. Measured by the child itself, because
// Node cannot read a finished child's resource usage, and /usr/bin/time is not on every OS.
'use strict';
const file = process.env.FOOTPRINT_BENCH_RSS;
if (file) {
  process.on('exit', () => {
    require('node:fs').appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
