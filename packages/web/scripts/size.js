// Prints the size of the built dashboard (dist/) as JSON: every file's bytes and gzipped
// bytes, the total, and what the first page load fetches (index.html and the files it
// references). Exits 1 when the gzipped total is over the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP_BYTES = 500_000;
const dist = new URL('../dist/', import.meta.url).pathname;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let paths;
try {
  paths = walk(dist);
} catch {
  console.error('no dist/: run npm run build -w @roam/web first');
  process.exit(1);
}
const files = paths
  .map((path) => {
    const data = readFileSync(path);
    return {
      file: relative(dist, path),
      bytes: data.length,
      gzipBytes: gzipSync(data, { level: 9 }).length,
    };
  })
  .sort((a, b) => b.gzipBytes - a.gzipBytes);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = files.filter((f) => f.file === 'index.html' || html.includes(`/${f.file}`));
const sum = (list, key) => list.reduce((a, f) => a + f[key], 0);
const report = {
  files,
  totalBytes: sum(files, 'bytes'),
  totalGzipBytes: sum(files, 'gzipBytes'),
  firstLoadGzipBytes: sum(firstLoad, 'gzipBytes'),
  budgetGzipBytes: BUDGET_GZIP_BYTES,
  withinBudget: sum(files, 'gzipBytes') <= BUDGET_GZIP_BYTES,
};
console.log(JSON.stringify(report, null, 2));
if (!report.withinBudget) process.exit(1);
