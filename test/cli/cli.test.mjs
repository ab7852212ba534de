// The support-finder command, run as flow authors run it: `node dist/cli.js …` after the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name) => join('test/cli/fixtures', name);

function run(...args) {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, encoding: 'utf8', env });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The gap fixture without its deliberate rule and translation mistakes: only the gap is left. */
function gapOnlyFlow() {
  const flow = JSON.parse(readFileSync(join(root, fixture('gap.json')), 'utf8'));
  flow.title = 'Gap fixture';
  flow.steps[0].rules = [];
  flow.steps = flow.steps.filter((s) => s.id !== 'other-results');
  const dir = mkdtempSync(join(tmpdir(), 'sf-cli-'));
  const file = join(dir, 'gap-only.json');
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

test('--help lists the commands in plain words, and each command has its own help', () => {
  const main = run('--help');
  assert.equal(main.code, 0);
  for (const command of ['check', 'paths', 'graph', 'test']) assert.match(main.out, new RegExp(`^  ${command} `, 'm'));
  for (const command of ['check', 'paths', 'graph', 'test']) {
    const help = run(command, '--help');
    assert.equal(help.code, 0, command);
    assert.match(help.out, new RegExp(`^Usage: support-finder ${command}`));
  }
  assert.match(run('check', '--help').out, /--allow-gaps/);
});

test('a command or option that does not exist is a usage error (exit 2)', () => {
  const unknown = run('frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /there is no command 'frobnicate'/);
  assert.equal(run('check', '--nope', 'flows/uk-young-people.json').code, 2);
  assert.equal(run('check').code, 2);
  assert.equal(run('paths', 'flows/uk-young-people.json', '--format', 'pdf').code, 2);
});

test('check: both example flows pass, their gaps all declared in knownGaps', () => {
  const result = run('check', 'flows/uk-young-people.json', 'flows/exampleshire.json');
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, /✔ 0 errors, 0 warnings/);
  assert.match(result.out, /Known gaps \(declared in the flow, so not errors\)/);
  assert.doesNotMatch(result.out, /\bGaps:/, 'no undeclared gaps');
  assert.doesNotMatch(result.out, /\u001b\[/, 'no colours when the output is not a terminal');
});

test('check: skips the JSON Schema and flow tests that sit in flows/', () => {
  const result = run('check', 'flows/flow.schema.json', 'flows/uk-young-people.test.json');
  assert.equal(result.code, 0);
  assert.match(result.out, /skipped: this is a JSON Schema/);
  assert.match(result.out, /skipped: this is a flow test/);
});

test('check: a file that is not JSON is an error with its line and column', () => {
  const result = run('check', fixture('not-json.json'));
  assert.equal(result.code, 1);
  assert.match(result.out, /\(the whole file\): this is not valid JSON at line 4, column 1/);
});

test('check: a file that does not exist is an error, not a crash', () => {
  const result = run('check', 'flows/nowhere.json');
  assert.equal(result.code, 1);
  assert.match(result.out, /there is no such file/);
});

test('check: the gap report names the answers in words, grouped and counted', () => {
  const result = run('check', fixture('gap.json'));
  assert.equal(result.code, 1);
  assert.match(result.out, /Gaps: 1 route ends at results where no service matches/);
  assert.match(result.out, /1 × at "Support \| for you" \(results\): What is worrying you\? Feeling low/);
  assert.doesNotMatch(result.out, /Feeling anxious/, 'answers that match are not gaps');
});

test('check: urgent help with no way on is a dead end, an error that says where and how to fix it', () => {
  const flow = JSON.parse(readFileSync(gapOnlyFlow(), 'utf8'));
  const urgent = flow.steps.findIndex((s) => s.kind === 'urgent');
  delete flow.steps[urgent].next;
  const file = join(mkdtempSync(join(tmpdir(), 'sf-cli-')), 'dead-end.json');
  writeFileSync(file, JSON.stringify(flow));
  const result = run('check', file);
  assert.equal(result.code, 1);
  assert.match(result.out, new RegExp(`error {3}steps\\[${urgent}\\]: after urgent help \\('urgent'\\) there is no way on to other support, so a person at risk can only go back: give it a "next"`));
  const json = JSON.parse(run('check', '--json', file).out);
  assert.ok(json.files[0].errors.some((e) => e.path === `steps[${urgent}]` && /no way on/.test(e.message)));
});

test('check: a rule with the same condition as an earlier one can never be used', () => {
  const result = run('check', fixture('gap.json'));
  assert.match(result.out, /error {3}steps\[0\]\.rules\[1\]: this rule can never be used: rules\[0\] has the same condition \(worries = anxious\)/);
  assert.match(result.out, /warning steps\[2\]: the step 'other-results' was never reached/);
});

test('check: missing translations are warnings with the path and the language', () => {
  const result = run('check', fixture('gap.json'));
  assert.match(result.out, /warning steps\[0\]\.question\.cy: there is no 'cy' translation here, so people reading 'cy' see the 'en' words instead/);
  assert.match(result.out, /warning services\[0\]\.name\.cy: there is no 'cy' translation here/);
  const json = JSON.parse(run('check', '--json', fixture('gap.json')).out);
  const translations = json.files[0].warnings.filter((w) => w.check === 'translation');
  assert.ok(translations.some((w) => w.path === 'steps[0].question.cy'));
  assert.ok(translations.every((w) => /translation here/.test(w.message) && !('kind' in w)));
});

test('check: --allow-gaps turns gaps into warnings, and the exit code follows', () => {
  const file = gapOnlyFlow();
  const strict = run('check', file);
  assert.equal(strict.code, 1);
  assert.match(strict.out, /✘ 1 error, 0 warnings/);
  const allowed = run('check', '--allow-gaps', file);
  assert.equal(allowed.code, 0, allowed.out);
  assert.match(allowed.out, /Gaps \(allowed with --allow-gaps\)/);
  assert.match(allowed.out, /✔ 0 errors, 1 warning/);
});

/** gap-only.json with `knownGaps` set. */
function withKnownGaps(knownGaps) {
  const file = gapOnlyFlow();
  const flow = JSON.parse(readFileSync(file, 'utf8'));
  flow.knownGaps = knownGaps;
  writeFileSync(file, JSON.stringify(flow));
  return file;
}

test('check: a gap declared in knownGaps is reported with its reason and count, not as an error', () => {
  const file = withKnownGaps([{ outcome: 'results', when: { answer: 'worries', equals: 'low' }, reason: 'Low mood is covered by the helplines shown.' }]);
  const result = run('check', file);
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, /Known gaps \(declared in the flow, so not errors\): 1 route ends where no service matches/);
  assert.match(result.out, /1 × knownGaps\[0\] at results when worries = low/);
  assert.match(result.out, /Low mood is covered by the helplines shown\./);
  const json = JSON.parse(run('check', '--json', file).out);
  assert.deepEqual(json.files[0].gaps, []);
  assert.equal(json.files[0].knownGaps[0].count, 1);
});

test('check: a known gap that does not cover the gap leaves it an error, and one that never happens is a warning', () => {
  const file = withKnownGaps([{ when: { answer: 'worries', equals: 'anxious' }, reason: 'Not the gap.' }]);
  const result = run('check', file);
  assert.equal(result.code, 1);
  assert.match(result.out, /Gaps: 1 route ends at results/);
  assert.match(result.out, /warning knownGaps\[0\]: this known gap \(worries = anxious\) did not happen on any route we tried/);
});

test('check: a known gap naming a step or answer that does not exist is an error with its path', () => {
  const file = withKnownGaps([{ outcome: 'nowhere', when: { answer: 'mood', equals: 'low' }, reason: ' ' }]);
  const result = run('check', file);
  assert.equal(result.code, 1);
  assert.match(result.out, /knownGaps\[0\]\.outcome: there is no outcome step called 'nowhere'/);
  assert.match(result.out, /knownGaps\[0\]\.when\.answer: there is no question called 'mood'/);
  assert.match(result.out, /knownGaps\[0\]\.reason: say why this gap is accepted/);
});

test('check --json: one report per file, with errors, warnings, gaps and how much was explored', () => {
  const result = run('check', '--json', fixture('gap.json'), fixture('not-json.json'));
  assert.equal(result.code, 1);
  const report = JSON.parse(result.out);
  assert.equal(report.ok, false);
  assert.equal(report.files.length, 2);
  const [gap, broken] = report.files;
  assert.equal(gap.file, fixture('gap.json'));
  assert.deepEqual(gap.exploration, { routes: 3, complete: true, ordered: 3, sampled: 0 });
  assert.equal(gap.gaps.length, 1);
  assert.deepEqual(gap.gaps[0].answers, [{ step: 'worries', question: 'What is worrying you?', answers: ['Feeling low'] }]);
  assert.equal(gap.gaps[0].outcome, 'results');
  assert.equal(gap.gaps[0].count, 1);
  for (const problem of [...gap.errors, ...gap.warnings]) {
    assert.equal(typeof problem.path, 'string');
    assert.equal(typeof problem.message, 'string');
    assert.ok(['file', 'review', 'route', 'rule', 'step', 'service', 'gap', 'translation'].includes(problem.check));
  }
  assert.ok(gap.errors.some((e) => e.check === 'gap' && e.path === 'steps[1]'));
  assert.equal(broken.errors[0].check, 'file');
});

test('paths: a Markdown table, with answers that lead the same way merged', () => {
  const result = run('paths', fixture('gap.json'));
  assert.equal(result.code, 0);
  assert.match(result.out, /Every route: 3 ways through\./);
  assert.match(result.out, /^\| # \| Answers \| Ends at \| Services shown, in order \|$/m);
  assert.match(result.out, /\| Support \\\| for you \(results\) \|/, 'a | in a cell is escaped');
  assert.match(result.out, /Calm, "quiet" line; Helpline \(always included\)/);
});

test('paths: merges alternative answers into one row ("… or …")', () => {
  const result = run('paths', 'flows/exampleshire.json', '--limit', '400');
  assert.equal(result.code, 0);
  assert.match(result.out, /Showing the first 400 routes of more/);
  assert.match(result.out, / or /);
});

test('paths: first, every way between steps in full, trying every answer only where it can change the way', () => {
  const { code, out } = run('paths', 'flows/uk-young-people.json');
  assert.equal(code, 0);
  assert.match(out, /## Every way between steps\n\nComplete: every answer was tried wherever it can change the next step \([\d,]+ walks through the flow\), giving \d+ ways between steps\./);
  // Area, kind of support and free-only change only which services match.
  assert.match(out, /show as "any answer": Where in the UK do you live\?; How would you like to get support\?; Do you only want to see services that are free\?/);
  // Ages tried at the edges of every rule and service range stand for the ranges between them.
  assert.match(out, /How old are you\? → 5 to 12 ·/);
  // Urgent help, then its way on to results for people at risk.
  assert.match(out, /What is worrying you\? → I have hurt myself \| Get help now \(urgent help\), then when ready: Other support that can help \(results-after-urgent\) \|/);
  // Both audiences reach their own results.
  for (const end of ['results-young-person', 'results-supporter']) assert.match(out, new RegExp(`\\(${end}\\) \\|$`, 'm'));
  // Then what each outcome can show, and to whom; then the route-by-route table.
  assert.match(out, /### Support for you \(results-young-person\)[\s\S]*\| Kooth \| ages 11 to 25 · helps with anxiety \('Feeling worried, nervous or panicky'\)/);
  assert.match(out, /Always shown after the matches: Childline; Shout; Samaritans; Papyrus HOPELINE247\./);
  assert.match(out, /### Get help now \(urgent, urgent help\)\n\nAlways, in this order: Emergency services \(999\)/);
  assert.match(out, /- Other support that can help \(results-after-urgent\): for the risks the answers can signal \(self-harm, suicidal-thoughts\), it can show Papyrus HOPELINE247; Kooth; The Mix/);
  assert.ok(out.indexOf('## What each outcome can show') < out.indexOf('## Answers and services, route by route'));
});

test('paths: the ways between steps of a small flow, each answer on the row of the way it goes', () => {
  const { out } = run('paths', fixture('gap.json'));
  const table = out.slice(out.indexOf('## Every way between steps'), out.indexOf('## What each outcome can show'));
  assert.match(table, /Complete: every answer was tried wherever it can change the next step \(3 walks through the flow\), giving 2 ways between steps\./);
  assert.match(table, /\| 1 \| What is worrying you\? → Feeling anxious or Feeling low \| Support \\\| for you \(results\) \|/);
  assert.match(table, /\| 2 \| What is worrying you\? → I have hurt myself, "badly" \| Get help now \(urgent help\), then when ready: Support \\\| for you \(results\) \|/);
  assert.doesNotMatch(table, /\| 3 \|/);
});

test('paths --format csv: RFC 4180 quoting, and the "more routes" note on stderr', () => {
  const full = run('paths', fixture('gap.json'), '--format', 'csv');
  assert.equal(full.code, 0);
  const lines = full.out.split('\r\n');
  assert.equal(lines[0], 'route,answers,end step,end title,services shown');
  assert.equal(lines[1], '1,What is worrying you? → Feeling anxious,results,Support | for you,"Calm, ""quiet"" line; Helpline (always included)"');
  assert.equal(lines[3], '3,"What is worrying you? → I have hurt myself, ""badly""",urgent,Get help now,"Helpline; then, when ready: Support | for you (results): Helpline (always included)"');
  const limited = run('paths', fixture('gap.json'), '--format', 'csv', '--limit', '1');
  assert.match(limited.err, /Showing the first 1 routes of more/);
  assert.equal(limited.out.split('\r\n').filter(Boolean).length, 2);
});

test('graph: valid Mermaid flowchart, with every edge between declared nodes and quotes escaped', () => {
  for (const file of ['flows/uk-young-people.json', 'flows/exampleshire.json', fixture('gap.json')]) {
    const { code, out } = run('graph', file);
    assert.equal(code, 0);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart TD');
    const nodes = new Set();
    for (const line of lines.slice(1)) {
      const node = /^ {2}(s\d+)(\["|\(\["|\[\["|\{\{")(.*)("\]|"\]\)|"\]\]|"\}\})$/.exec(line);
      const edge = /^ {2}(s\d+) (-->|-\.->)(?:\|"([^"]*)"\|)? (s\d+)$/.exec(line);
      const style = /^ {2}(classDef|class) /.test(line);
      assert.ok(node || edge || style, `not a Mermaid line: ${line}`);
      if (node) {
        assert.doesNotMatch(node[3], /"/, 'quotes inside a label are escaped');
        nodes.add(node[1]);
      }
      if (edge) assert.ok(nodes.has(edge[1]) && nodes.has(edge[4]), `edge to an undeclared node: ${line}`);
    }
  }
  const uk = run('graph', 'flows/uk-young-people.json').out;
  assert.match(uk, /-->\|"audience = me and age #lt; 13"\|/);
  assert.match(uk, /-->\|"tag: bereavement"\|/);
  assert.match(uk, /-\.->\|"urgent: Yes"\|/);
  assert.match(uk, /class s\d+ urgent/);
  assert.match(run('graph', fixture('gap.json')).out, /I have hurt myself, #quot;badly#quot;/);
});

test('graph --format dot: a Graphviz digraph with quoted ids and escaped labels', () => {
  const { code, out } = run('graph', fixture('gap.json'), '--format', 'dot');
  assert.equal(code, 0);
  assert.match(out, /^digraph "gap-fixture" \{\n/);
  assert.match(out, /\}\n$/);
  assert.match(out, /"worries" -> "urgent" \[label="urgent: I have hurt myself, \\"badly\\"", style=dashed/);
  assert.match(out, /"worries" -> "other-results" \[label="worries = anxious"\];/);
  // Every line inside is a statement ending in ; with balanced (unescaped) quotes.
  for (const line of out.trim().split('\n').slice(1, -1)) {
    assert.match(line, /;$/);
    assert.equal((line.replace(/\\"/g, '').match(/"/g) ?? []).length % 2, 0, line);
  }
});

test('test: the example flows\' own tests pass', () => {
  const result = run('test');
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, /flows\/uk-young-people\.test\.json/);
  assert.match(result.out, /flows\/exampleshire\.test\.json/);
  assert.match(result.out, /\d+ cases passed, 0 failed\./);
});

test('test: a failing case and a refused answer fail with clear messages', () => {
  const result = run('test', fixture('gap.test.json'));
  assert.equal(result.code, 1);
  assert.match(result.out, /✔ anxious people see the calm line/);
  assert.match(result.out, /✘ low people see the calm line/);
  assert.match(result.out, /expected calm-line \(Calm, "quiet" line\) to be shown, but the services are: helpline/);
  assert.match(result.out, /answers\[0\]: the answer "bored" to 'worries' was refused/);
  assert.match(result.out, /1 case passed, 2 failed\./);
});

test('test --json: results per file and per case', () => {
  const result = run('test', '--json', fixture('gap.test.json'));
  assert.equal(result.code, 1);
  const report = JSON.parse(result.out);
  assert.equal(report.ok, false);
  assert.equal(report.passed, 1);
  assert.equal(report.failed, 2);
  assert.equal(report.files[0].flow, 'gap.json');
  assert.deepEqual(report.files[0].cases[0], { name: 'anxious people see the calm line', ok: true, failures: [], ended: 'results', shown: ['calm-line', 'helpline'] });
});

test('check: odd characters in text are warnings at their path; one in a phone number is an error, written out', () => {
  const flow = JSON.parse(readFileSync(join(root, 'flows/uk-young-people.json'), 'utf8'));
  flow.title = { en: 'Find support \ud800 now' };
  flow.steps[0].question = '\u202eWho is this for?';
  const dir = mkdtempSync(join(tmpdir(), 'sf-cli-'));
  const file = join(dir, 'odd.json');
  writeFileSync(file, JSON.stringify(flow));
  const warned = run('check', file);
  assert.match(warned.out, /warning +title\.en: this text holds half of an emoji or other character that was cut in two/);
  assert.match(warned.out, /warning +steps\[0\]\.question: this text holds a character that changes the direction text reads in/);
  const phone = flow.services.findIndex((s) => s.contact.some((c) => c.type === 'phone'));
  const contact = flow.services[phone].contact.findIndex((c) => c.type === 'phone');
  flow.services[phone].contact[contact].number = '\u202e10106923610';
  writeFileSync(file, JSON.stringify(flow));
  const refused = run('check', file);
  assert.equal(refused.code, 1);
  assert.ok(
    refused.out.includes(`services[${phone}].contact[${contact}].number: '\\u202e10106923610' is not a phone number: it holds an invisible or direction-changing character`),
    refused.out
  );
});

test('check and paths: an option called "continue" or "skip" is an answer, not a move (no false "no way forward", no loops)', () => {
  const flow = JSON.parse(readFileSync(join(root, 'test/flows/basic.json'), 'utf8'));
  flow.steps.find((s) => s.id === 'who').options.push({ value: 'continue', label: 'Someone else' });
  flow.steps.find((s) => s.id === 'area').options.push({ value: 'skip', label: 'Skipton' });
  const dir = mkdtempSync(join(tmpdir(), 'sf-cli-'));
  const file = join(dir, 'move-names.json');
  writeFileSync(file, JSON.stringify(flow));
  const checked = run('check', '--allow-gaps', file);
  assert.doesNotMatch(checked.out, /no way forward/);
  assert.doesNotMatch(checked.out, /round a loop|gets stuck/);
  assert.equal(checked.code, 0, checked.out);
  const { out } = run('paths', file, '--limit', '50000');
  assert.doesNotMatch(out, /gets stuck|goes round a loop/);
  assert.match(out, /Who is this for\? → [^|]*Someone else/);
  assert.match(out, /Skipton/);
});
