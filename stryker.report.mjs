// The scores of `npm run mutation` (stryker.config.mjs runs two parts; docs/mutation-testing.md): reads
// each part's JSON report, prints the per-file scores and their total, writes them to
// reports/mutation/scores.md, and fails when the total is under the break threshold.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const PARTS = ['core', 'constructs'];
const BREAK = 90;
const DETECTED = ['Killed', 'Timeout'];
const UNDETECTED = ['Survived', 'NoCoverage'];

const rows = [];
for (const part of PARTS) {
  const file = `reports/mutation/${part}/mutation.json`;
  if (!existsSync(file)) {
    console.error(`${file} is missing: run MUTATION_PART=${part} npx stryker run stryker.config.mjs`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const [name, { mutants }] of Object.entries(report.files)) {
    const count = (statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
    rows.push({
      part,
      name,
      killed: count(['Killed']),
      timeout: count(['Timeout']),
      survived: count(['Survived']),
      noCoverage: count(['NoCoverage']),
      errors: count(['RuntimeError', 'CompileError']),
      ignored: count(['Ignored']),
    });
  }
}

const score = (r) => {
  const detected = r.killed + r.timeout;
  const valid = detected + r.survived + r.noCoverage;
  return valid === 0 ? 100 : (100 * detected) / valid;
};
const total = rows.reduce((sum, r) => {
  for (const key of ['killed', 'timeout', 'survived', 'noCoverage', 'errors', 'ignored']) sum[key] += r[key];
  return sum;
}, { part: '', name: 'All files', killed: 0, timeout: 0, survived: 0, noCoverage: 0, errors: 0, ignored: 0 });

const header = ['File', 'Part', 'Score %', 'Killed', 'Timeout', 'Survived', 'No coverage', 'Errors'];
const line = (r) => [r.name, r.part, score(r).toFixed(2), r.killed, r.timeout, r.survived, r.noCoverage, r.errors];
const table = [header, header.map(() => '---'), ...rows.map(line), line(total)].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
writeFileSync('reports/mutation/scores.md', `${table}\n`);
console.log(table);
console.log(`\n${DETECTED.join(' + ')} of ${[...DETECTED, ...UNDETECTED].join(' + ')} mutants; written to reports/mutation/scores.md`);

const low = rows.filter((r) => score(r) < BREAK);
if (low.length > 0) console.log(`Under ${BREAK}%: ${low.map((r) => `${r.name} (${score(r).toFixed(2)}%)`).join(', ')}`);
if (score(total) < BREAK) {
  console.error(`The total mutation score ${score(total).toFixed(2)}% is under ${BREAK}%.`);
  process.exit(1);
}
