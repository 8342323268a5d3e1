// Rewrites the README's performance table from the bench's JSON (`npm run bench` writes docs/bench.json):
//   node scripts/bench-table.mjs [docs/bench.json]
// Only the lines between the two markers change; the prose around them is written by hand.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const source = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'bench.json'));
const readme = path.join(root, 'README.md');
const START = '<!-- bench-table:start -->';
const END = '<!-- bench-table:end -->';

const report = JSON.parse(fs.readFileSync(source, 'utf8'));
const number = (value, unit) => {
  if (value === null || value === undefined) return '';
  if (unit === 'ratio') return value.toFixed(2);
  if (unit === 'ms') return `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;
  if (unit === 'MB') return `${value} MB`;
  return Math.round(value).toLocaleString('en-US');
};
const verdict = (v) => (v === 'ok' ? 'ok' : v === 'miss' ? '**miss**' : '');
const machine = report.machine;
const lines = [
  START,
  `Measured ${report.date} on ${machine.cpus} cores (${machine.cpu}), Node ${machine.node}, load average ${machine.loadAverage?.join(' / ') ?? '?'}; shops: ${report.sizes.join(' and ')}; targets judged on the ${report.judgedOn} shop.`,
  '',
  '| figure | small | large | large/small | target | |',
  '| --- | --- | --- | --- | --- | --- |',
  ...report.figures.map((f) => `| ${f.label} | ${number(f.small, f.unit)} | ${number(f.large, f.unit)} | ${f.growth ?? ''} | ${f.target} | ${verdict(f.verdict)} |`),
  END,
];

const text = fs.readFileSync(readme, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from === -1 || to === -1 || to < from) {
  console.error(`README.md has no ${START} … ${END} block to rewrite`);
  process.exit(1);
}
fs.writeFileSync(readme, `${text.slice(0, from)}${lines.join('\n')}${text.slice(to + END.length)}`);
console.log(`README.md: performance table rewritten from ${path.relative(root, source)}`);
