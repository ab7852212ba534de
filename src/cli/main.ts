/**
 * support-finder: the command-line tool for people who write flows. It uses the same engine as
 * the widget, so what it reports is what the finder does.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFile, formatReport } from './check.js';
import { runTestFile, type TestFileResult } from './flow-test.js';
import { fetchDirectories } from './directories.js';
import { dot, mermaid } from './graph.js';
import { bold, dim, green, loadFlowFile, plural, red, UsageError, wholeNumber, yellow } from './io.js';
import type { FlowProblem } from '../engine/index.js';
import { csv, markdown, notComplete, routes } from './paths.js';
import { summaryMarkdown } from './summary.js';

const HELP: Record<string, string> = {
  main: `support-finder: check, explore and test flow files for the support finder.

Usage: support-finder <command> [options]

Commands:
  check FLOW…       Find mistakes in flow files: problems with the file, routes that
                    go nowhere, rules that are never used, services nobody reaches,
                    answers that end with no matching service (gaps), missing
                    translations.
  paths FLOW        List every route through a flow, with the services shown at the end.
  graph FLOW        Draw the flow as a Mermaid or Graphviz (dot) diagram.
  test [TESTS…]     Run flow tests: answers given in order, and what should be shown.
                    Without names, runs every flows/*.test.json.
  publish FLOW      Merge the services of the flow's service directories (Open
                    Referral UK or HSDS 3) into it, check it, and write the flow to
                    publish.

Run "support-finder <command> --help" for the options of each command.
Exit codes: 0 when everything is fine, 1 when something was found, 2 for a mistake
in the command itself.`,
  check: `Usage: support-finder check FLOW… [--allow-gaps] [--json] [--limit N] [--sample N]

Checks each flow file and explains every problem, with where it is (a path such as
steps[3].options[1].next).

Errors (the flow must not be published like this):
  - the file is not valid JSON, or is not a valid flow
  - a route gets stuck or goes round in a loop
  - a routing rule can never be used (an earlier rule always wins)
  - gaps: answers that end at results where no service matches, listed in words
    with how many routes lead there (unless the flow declares them in knownGaps:
    then they are reported as known gaps, with the reason, and are not errors)

Warnings (read each one, then fix it or explain it):
  - a step or service nobody reaches on any route we tried
  - a rule never used on any route we tried
  - a text without one of the languages the flow uses
  - a known gap (knownGaps) that no route we tried runs into

Options:
  --allow-gaps   Report every gap as a warning, not an error (for drafts; declare
                 the gaps you accept in the flow's knownGaps instead).
  --json         Print the results as JSON, for other tools.
  --limit N      Walk at most N routes in order (default 20000); if there are more,
                 a random sample of other routes is walked too.
  --sample N     How many random routes to add when there are more (default 5000).`,
  paths: `Usage: support-finder paths FLOW [--format markdown|csv] [--limit N]

The document to sign a flow off, in three parts (Markdown):
  1. Every way between steps, complete: each answer is tried wherever it can change
     the next step; other questions show as "any answer", ages as ranges.
  2. What each outcome can show: its services and who each one is for, what is
     always shown, and what is shown when nothing matches.
  3. Route by route: the answers given, the step it ends at, and the services shown
     there in order (matches first, then fallback and always-included services,
     which are marked). Answers that lead to the same steps and the same services
     are shown together ("Feeling low or Feeling anxious"). --format csv gives
     this part alone.

Options:
  --format F   markdown (a table, the default) or csv.
  --limit N    Walk at most N routes (default 2000). If the flow has more, the
               output says so.`,
  graph: `Usage: support-finder graph FLOW [--format mermaid|dot]

Draws the flow: each step is a box (info pages, results and urgent help look
different), and each way on is an arrow labelled with the answer or rule that
leads there. Urgent answers are dashed arrows to urgent help. The same map,
drawn with no other tool and also in words, is on the demo page (npm start) and
in Storybook (Tools/Flow map).

Options:
  --format F   mermaid (a Mermaid "flowchart TD", the default) or dot (Graphviz).`,
  publish: `Usage: support-finder publish FLOW [-o OUT]

Reads each of the flow's "serviceDirectories" (a JSON file, found relative to the
flow file, or an https:// address), turns their services into the flow's own
format, adds them after the flow's services, removes "serviceDirectories", and
checks the result as "check" does. The widget only loads flows published this way:
it never fetches a directory itself.

A service of the flow with the same id as one from a directory wins; services
that are not active are left out; both are reported, with taxonomy terms and
service areas that have no mapping. Nothing is written when there is an error.

check, paths, graph and test read directory files too, so you can check what
will be published; only publish fetches web addresses.

Options:
  -o, --output OUT   Write the published flow to OUT (default: print it).`,
  test: `Usage: support-finder test [TEST_FILE…] [--json]

Runs flow tests. Without file names, runs every flows/*.test.json. Each test file
names its flow and lists cases: answers given in order, and what should happen.
See docs/flow-tests.md.

Options:
  --json   Print the results as JSON.`,
};

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

type Values = Record<string, string | boolean | undefined>;

/** The command's options (each a boolean flag or a string value) and its file names. */
function parse(args: string[], spec: Record<string, 'boolean' | 'string'>, shorts: Record<string, string> = {}): { values: Values; positionals: string[] } {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, type] of Object.entries(spec)) options[name] = shorts[name] ? { type, short: shorts[name] } : { type };
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function check(args: string[]): number {
  const { values, positionals } = parse(args, { json: 'boolean', 'allow-gaps': 'boolean', limit: 'string', sample: 'string' });
  if (values.help) return (out(HELP.check), 0);
  if (positionals.length === 0) throw new UsageError('name at least one flow file: support-finder check flows/my-area.json');
  const options = {
    allowGaps: Boolean(values['allow-gaps']),
    limit: values.limit === undefined ? 20_000 : wholeNumber('--limit', values.limit as string),
    sample: values.sample === undefined ? 5_000 : wholeNumber('--sample', values.sample as string),
  };
  const reports = positionals.map((file) => checkFile(file, options));
  const ok = reports.every((r) => r.ok);
  if (values.json) out(JSON.stringify({ ok, allowGaps: options.allowGaps, files: reports }, null, 2));
  else {
    out(reports.map((r) => formatReport(r, options)).join('\n\n'));
    if (reports.length > 1) out(`\n${ok ? green('All files passed.') : red(`${plural(reports.filter((r) => !r.ok).length, 'file')} with errors.`)}`);
  }
  return ok ? 0 : 1;
}

function onlyFlow(positionals: string[], command: string) {
  if (positionals.length !== 1) throw new UsageError(`name one flow file: support-finder ${command} flows/my-area.json`);
  const loaded = loadFlowFile(positionals[0]);
  if (!loaded.ok) {
    process.stderr.write(`${positionals[0]} has errors, so it cannot be shown. Run: support-finder check ${positionals[0]}\n`);
    for (const e of loaded.errors) process.stderr.write(`  ${e.path}: ${e.message}\n`);
    return undefined;
  }
  return loaded.flow;
}

function paths(args: string[]): number {
  const { values, positionals } = parse(args, { format: 'string', limit: 'string' });
  if (values.help) return (out(HELP.paths), 0);
  const format = (values.format as string | undefined) ?? 'markdown';
  if (format !== 'markdown' && format !== 'csv') throw new UsageError('--format must be markdown or csv');
  const limit = values.limit === undefined ? 2_000 : wholeNumber('--limit', values.limit as string);
  const flow = onlyFlow(positionals, 'paths');
  if (!flow) return 1;
  const result = routes(flow, limit);
  if (format === 'csv') {
    const note = notComplete(result);
    if (note) process.stderr.write(`${note}\n`);
    process.stdout.write(csv(result));
  } else out(markdown(positionals[0], result, summaryMarkdown(flow)));
  return 0;
}

function graph(args: string[]): number {
  const { values, positionals } = parse(args, { format: 'string' });
  if (values.help) return (out(HELP.graph), 0);
  const format = (values.format as string | undefined) ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot') throw new UsageError('--format must be mermaid or dot');
  const flow = onlyFlow(positionals, 'graph');
  if (!flow) return 1;
  out(format === 'dot' ? dot(flow) : mermaid(flow));
  return 0;
}

function test(args: string[]): number {
  const { values, positionals } = parse(args, { json: 'boolean' });
  if (values.help) return (out(HELP.test), 0);
  let files = positionals;
  if (files.length === 0) {
    try {
      files = readdirSync('flows').filter((name) => name.endsWith('.test.json')).sort().map((name) => join('flows', name));
    } catch {
      files = [];
    }
    if (files.length === 0) throw new UsageError('no flow tests found: name a test file, or put *.test.json files in flows/');
  }
  const results: TestFileResult[] = files.map(runTestFile);
  const cases = results.flatMap((r) => r.cases);
  const passed = cases.filter((c) => c.ok).length;
  const failed = cases.length - passed;
  const broken = results.filter((r) => r.error).length;
  const ok = failed === 0 && broken === 0 && cases.length > 0;
  if (values.json) out(JSON.stringify({ ok, passed, failed, files: results }, null, 2));
  else {
    for (const result of results) {
      out(`${bold(result.file)}${result.flow ? dim(` (${result.flow})`) : ''}`);
      if (result.error) out(`  ${red('✘')} ${result.error}`);
      for (const c of result.cases) {
        out(`  ${c.ok ? green('✔') : red('✘')} ${c.name}`);
        for (const failure of c.failures) out(`      ${failure}`);
      }
    }
    out(`\n${plural(passed, 'case')} passed, ${failed} failed${broken ? `, ${plural(broken, 'test file')} could not run` : ''}.`);
  }
  return ok ? 0 : 1;
}

async function publish(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { output: 'string' }, { output: 'o' });
  if (values.help) return (out(HELP.publish), 0);
  if (positionals.length !== 1) throw new UsageError('name one flow file: support-finder publish flows/my-area.json -o published/my-area.json');
  const file = positionals[0];
  const fail = (errors: FlowProblem[]) => {
    process.stderr.write(`${file} cannot be published, so nothing was written:\n`);
    for (const e of errors) process.stderr.write(`  ${red('error')} ${e.path}: ${e.message}\n`);
    return 1;
  };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    data = undefined; // loadFlowFile explains what is wrong with the file.
  }
  const fetched = await fetchDirectories(data);
  if (fetched.errors.length > 0) return fail(fetched.errors);
  const loaded = loadFlowFile(file, fetched.texts);
  for (const w of loaded.warnings) process.stderr.write(`  ${yellow('note')} ${w.path}: ${w.message}\n`);
  if (!loaded.ok) return fail(loaded.errors);
  const text = `${JSON.stringify(loaded.data, null, 2)}\n`;
  const own = (data as { services?: unknown }).services;
  const added = loaded.flow.services.length - (Array.isArray(own) ? own.length : 0);
  if (values.output) {
    writeFileSync(values.output as string, text);
    process.stderr.write(`${green('✔')} wrote ${values.output as string}: ${plural(loaded.flow.services.length, 'service')}, ${added} from directories.\n`);
  } else process.stdout.write(text);
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => number | Promise<number>> = { check, paths, graph, test, publish };

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    out(topic && HELP[topic] ? HELP[topic] : HELP.main);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') return (out('support-finder (flow format 1)'), 0);
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`there is no command '${command}'. The commands are: check, paths, graph, test, publish`);
  return run(rest);
}

Promise.resolve()
  .then(() => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`support-finder: ${error.message}\nRun "support-finder --help" for help.\n`);
      process.exitCode = 2;
    }
  );
