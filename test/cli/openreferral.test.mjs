// Service directories in Open Referral UK (v1) and HSDS 3 format: the converter itself, and
// `support-finder publish` run as authors run it (`node dist/cli.js …` after the build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = 'test/fixtures/openreferral';
const fixture = (name) => join(fixtures, name);
const readJson = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));

// The converter is TypeScript with no Node or DOM imports: bundle it once and use it directly.
const bundleDir = mkdtempSync(join(tmpdir(), 'sf-oruk-'));
await build({
  stdin: {
    contents: "export * from './src/engine/openreferral.ts'; export { validateFlow } from './src/engine/validate.ts'; export { inWords } from './src/engine/problem-words.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  outfile: join(bundleDir, 'engine.mjs'),
  logLevel: 'error',
});
const engine = await import(pathToFileURL(join(bundleDir, 'engine.mjs')).href);

function run(...args) {
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Not spawnSync: the test's own web server must keep answering while the command runs. */
function runAsync(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli.js', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } }, (error, out, err) => {
      resolve({ code: error ? error.code : 0, out, err });
    });
  });
}

/** A copy of the example flow and its feeds in a fresh folder, changed by `edit`. */
function flowCopy(edit = (flow) => flow) {
  const dir = mkdtempSync(join(tmpdir(), 'sf-oruk-flow-'));
  for (const name of ['exampleshire-v1.json', 'exampleshire-hsds3.json', 'not-json-feed.json']) copyFileSync(join(root, fixture(name)), join(dir, name));
  const file = join(dir, 'flow.json');
  writeFileSync(file, JSON.stringify(edit(readJson(fixture('flow.json')))));
  return { dir, file };
}

const byId = (services) => Object.fromEntries(services.map((s) => [s.id, s]));
const directorySettings = (index) => readJson(fixture('flow.json')).serviceDirectories[index];

test('v1 feed: every field becomes the flow format', () => {
  const result = engine.convertDirectory(readJson(fixture('exampleshire-v1.json')), directorySettings(0), 'exampleshire-v1.json');
  assert.deepEqual(result.errors, []);
  const services = byId(result.services);
  assert.deepEqual(Object.keys(services), ['exv1-1001', 'exv1-1002', 'exv1-1004'], 'the inactive service 1003 is left out');
  assert.deepEqual(services['exv1-1001'], {
    id: 'exv1-1001',
    name: 'Exampleshire Youth Counselling',
    description: 'Free one-to-one counselling for young people, in person or by phone.\n\nWho it is for: Young people who live in Exampleshire',
    contact: [
      { type: 'phone', number: '01632 960001', label: 'Duty counsellor' },
      { type: 'website', url: 'https://youth-counselling.example.org' },
      { type: 'email', address: 'hello@youth-counselling.example.org' },
    ],
    ages: { min: 11, max: 18 },
    areas: ['north', 'south'],
    helpsWith: ['anxiety', 'low-mood'],
    supportTypes: ['helpline', 'email', 'counselling'],
    cost: 'free',
    hours: 'Monday to Friday 9am to 5pm; Saturday 10am to 1pm',
  });
  const carers = services['exv1-1002'];
  assert.deepEqual(carers.ages, { min: 8, max: 17 }, 'an age written as "8" is read');
  assert.deepEqual(carers.areas, ['north']);
  assert.equal(carers.cost, 'free-and-paid');
  assert.equal(carers.hours, 'Wednesday 4pm to 6:30pm', 'byday with freq WEEKLY');
  assert.equal(carers.contact.find((c) => c.type === 'website').url, 'https://young-carers.example.org', 'an address without https:// gets it');
  const money = services['exv1-1004'];
  assert.equal(money.cost, 'paid');
  assert.deepEqual(money.ages, { min: 16 });
  assert.equal(money.hours, 'First Tuesday of the month, 6pm to 8pm', 'a monthly schedule keeps its own words');
  assert.equal(money.helpsWith, undefined, 'an unmapped term adds no tags');
  assert.deepEqual(money.contact, [{ type: 'phone', number: '1632960004' }], 'a phone number written as a number');
  const notes = result.notes.map((n) => `${n.path}: ${n.message}`);
  assert.ok(notes.includes("exampleshire-v1.json: left out a service that is not active: 'Exampleshire Drop-in (closed)' (inactive)"), notes.join('\n'));
  assert.ok(notes.some((n) => n.includes("'Activities', 'Money and debt'")), notes.join('\n'));
  assert.ok(notes.some((n) => n.startsWith('exampleshire-v1.json: content[0].holiday_schedules:')), notes.join('\n'));
  assert.deepEqual(result.origins, ['exampleshire-v1.json: content[0]', 'exampleshire-v1.json: content[1]', 'exampleshire-v1.json: content[3]']);
});

test('HSDS 3 feed: every field becomes the flow format', () => {
  const result = engine.convertDirectory(readJson(fixture('exampleshire-hsds3.json')), directorySettings(1), 'exampleshire-hsds3.json');
  assert.deepEqual(result.errors, []);
  const [clinic, nightline, ...rest] = result.services;
  assert.equal(rest.length, 0, 'the defunct service is left out');
  assert.deepEqual(clinic, {
    id: 'hsds-7b1c2f4e-0a55-4b8e-9d0a-3c1e5f6a7b01',
    name: 'Exampleshire Clinic for Young People',
    description: 'Confidential sexual health advice, tests and contraception.\n\nWho it is for: Anyone aged 13 to 24',
    contact: [
      { type: 'phone', number: '01632 960010', label: 'Appointments' },
      { type: 'website', url: 'https://clinic.example.org/young-people' },
    ],
    ages: { min: 13, max: 24 },
    areas: ['south'],
    helpsWith: ['sexual-health'],
    supportTypes: ['helpline', 'face-to-face'],
    cost: 'free',
    hours: 'Monday to Friday 9am to 5pm; Saturday 10am to 1pm',
  });
  assert.equal(nightline.hours, 'Every day 24 hours');
  assert.deepEqual(nightline.helpsWith, ['low-mood'], 'a term matched by its code');
  assert.equal(nightline.cost, 'free');
  assert.equal(nightline.areas, undefined, 'no service areas: every area');
  assert.deepEqual(nightline.contact.map((c) => c.type), ['phone', 'email']);
  const notes = result.notes.map((n) => n.message).join('\n');
  assert.match(notes, /'Exampleshire Helpline \(old number\)' \(defunct\)/);
  assert.match(notes, /'Loneliness'/);
});

test('opening hours read like a person wrote them', () => {
  const { openingHours } = engine;
  assert.equal(openingHours([{ days: [0, 2, 4], opens: 540, closes: 720 }, { days: [0, 2, 4], opens: 810, closes: 1020 }]), 'Monday, Wednesday and Friday 9am to midday and 1:30pm to 5pm');
  assert.equal(openingHours([{ days: [0, 1, 2, 3, 4, 6], opens: 600, closes: 1320 }]), 'Monday to Friday and Sunday 10am to 10pm');
  assert.equal(openingHours([{ days: [5, 6], opens: 0, closes: 1439 }]), 'Saturday and Sunday 24 hours');
  assert.equal(openingHours([{ days: [4], opens: 1080, closes: 1440 }]), 'Friday 6pm to midnight');
  assert.equal(openingHours([]), undefined);
});

test('slugs and areas: ids follow the flow Id pattern; a service outside every mapped area is left out, and said so', () => {
  assert.equal(engine.slugify('  Service #12 / Ünïcode '), 'service-12-unicode');
  const feed = [{ id: 'X 1', name: 'Far away', service_areas: [{ name: 'Elsewhere' }] }, { id: 'X 2', name: 'Nearby', service_areas: [{ name: 'Here' }, { name: 'Elsewhere' }] }];
  const result = engine.convertDirectory(feed, { source: 'feed.json', areas: { here: 'here-area' } }, 'feed.json');
  assert.deepEqual(result.services.map((s) => [s.id, s.areas]), [['oruk-x-2', ['here-area']]], 'areas match by name ignoring case; the default prefix is oruk');
  const notes = result.notes.map((n) => n.message).join('\n');
  assert.match(notes, /left out a service whose service areas are all missing from "areas": 'Far away'/);
  assert.match(notes, /'Elsewhere' \(2 services\)/);
  const unmapped = engine.convertDirectory(feed, { source: 'feed.json' }, 'feed.json');
  assert.equal(unmapped.services.length, 2);
  assert.match(unmapped.notes.map((n) => n.message).join('\n'), /2 services name service areas, but this directory has no "areas" setting/);
});

test('a bad feed: every problem names the feed and the place in it, in plain words', () => {
  const result = engine.convertDirectory(readJson(fixture('broken-v1.json')), { source: 'broken-v1.json' }, 'directories/feed.json');
  assert.deepEqual(result.errors.map((e) => `${e.path}: ${e.message}`), [
    "directories/feed.json: content[0].eligibilitys[0].minimum_age: should be a whole number of years, such as 11, but it is the text 'ten'",
    'directories/feed.json: content[1].name: every service needs a name',
    'directories/feed.json: content[2].regular_schedules[0].opens_at: should be a time such as "09:00", but it is the text \'nine\'',
    'directories/feed.json: content[2].regular_schedules[0].weekday: should be a day such as "Monday" or "MO", but it is the text \'Funday\'',
    "directories/feed.json: content[2].cost_options[0].amount: should be an amount of money such as 0 or 12.50, but it is the text 'a fiver'",
  ]);
  const notAList = engine.convertDirectory({ hello: 'world' }, { source: 'x.json' }, 'x.json');
  assert.match(notAList.errors[0].message, /should be a list of services/);
  const clash = engine.convertDirectory([{ id: 'A 1', name: 'One' }, { id: 'a-1', name: 'Two' }], { source: 'x.json' }, 'x.json');
  assert.deepEqual(clash.errors.map((e) => e.path), ['x.json: [1].id']);
  const include = engine.convertDirectory([{ id: '1', name: 'One' }, { id: '2', name: 'Two' }], { source: 'x.json', include: ['2', '9'] }, 'x.json', 'serviceDirectories[3]');
  assert.deepEqual(include.services.map((s) => s.name), ['Two']);
  assert.deepEqual(include.errors, [{ path: 'serviceDirectories[3].include[1]', message: "there is no service with the id '9' in x.json" }]);
});

test('the widget refuses a flow that still has serviceDirectories, with one clear error', () => {
  const result = engine.validateFlow(readJson(fixture('flow.json')));
  assert.equal(result.ok, false);
  assert.deepEqual(result.errors, [{ path: 'serviceDirectories', code: 'unpublished' }]);
  assert.deepEqual(engine.inWords(result.errors), [{ path: 'serviceDirectories', message: 'publish this flow with support-finder publish first' }]);
});

test('publish -o writes the committed published fixture exactly, so it cannot drift', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'sf-oruk-out-')), 'published.json');
  const result = run('publish', fixture('flow.json'), '-o', out);
  assert.equal(result.code, 0, result.err);
  assert.equal(readFileSync(out, 'utf8'), readFileSync(join(root, fixture('published.json')), 'utf8'), 'run: node dist/cli.js publish test/fixtures/openreferral/flow.json -o test/fixtures/openreferral/published.json');
  assert.match(result.err, /wrote .*published\.json: 7 services, 5 from directories/);
  assert.match(result.err, /note exampleshire-hsds3\.json: left out a service that is not active/);
  const published = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal('serviceDirectories' in published, false);
  assert.equal(engine.validateFlow(published).ok, true);
});

test('publish without -o prints the flow, and only the flow, on stdout', () => {
  const result = run('publish', fixture('flow.json'));
  assert.equal(result.code, 0, result.err);
  assert.equal(result.out, readFileSync(join(root, fixture('published.json')), 'utf8'));
});

test('check, paths and test read directory files, as publish will', () => {
  const check = run('check', fixture('flow.json'));
  assert.equal(check.code, 0, check.out);
  assert.match(check.out, /warning exampleshire-v1\.json: left out a service that is not active/);
  const paths = run('paths', fixture('flow.json'));
  assert.equal(paths.code, 0, paths.err);
  assert.match(paths.out, /Exampleshire Clinic for Young People/);
});

test('publish of a bad feed: exit 1, the feed path in every error, nothing written', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'sf-oruk-out-')), 'published.json');
  const result = run('publish', fixture('broken-flow.json'), '-o', out);
  assert.equal(result.code, 1);
  assert.equal(existsSync(out), false);
  assert.match(result.err, /cannot be published, so nothing was written/);
  assert.match(result.err, /error broken-v1\.json: content\[0\]\.eligibilitys\[0\]\.minimum_age: should be a whole number of years/);
  assert.match(result.err, /error broken-v1\.json: content\[1\]\.name: every service needs a name/);
});

test('publish: a feed that is not JSON, a missing feed, wrong settings', () => {
  const notJson = flowCopy((flow) => ({ ...flow, serviceDirectories: [{ source: 'not-json-feed.json' }] }));
  let result = run('publish', notJson.file);
  assert.equal(result.code, 1);
  assert.equal(result.out, '', 'nothing on stdout');
  assert.match(result.err, /not-json-feed\.json: \(the whole file\): this is not valid JSON/);
  const missing = flowCopy((flow) => ({ ...flow, serviceDirectories: [{ source: 'nowhere.json' }] }));
  result = run('publish', missing.file);
  assert.equal(result.code, 1);
  assert.match(result.err, /serviceDirectories\[0\]\.source: nowhere\.json cannot be read \(there is no such file\)/);
  const wrong = flowCopy((flow) => ({ ...flow, serviceDirectories: [{ source: 'exampleshire-v1.json', format: 'csv', tag: {} }] }));
  result = run('publish', wrong.file);
  assert.equal(result.code, 1);
  assert.match(result.err, /serviceDirectories\[0\]\.format: should be 'openreferral'/);
  assert.match(result.err, /serviceDirectories\[0\]\.tag: there is no setting called 'tag' here/);
});

test("id clash: the flow's own service wins, and publish says so", () => {
  const { file } = flowCopy((flow) => {
    flow.services.push({ id: 'exv1-1001', name: 'Our own counselling', description: 'Ours.', contact: [{ type: 'phone', number: '01632 969999' }], helpsWith: ['anxiety'] });
    return flow;
  });
  const result = run('publish', file);
  assert.equal(result.code, 0, result.err);
  const services = byId(JSON.parse(result.out).services);
  assert.equal(services['exv1-1001'].name, 'Our own counselling');
  assert.match(result.err, /note exampleshire-v1\.json: content\[0\]: the flow has its own service called 'exv1-1001', so that one is kept/);
});

test('a problem in a merged service names where it came from', () => {
  const { dir, file } = flowCopy((flow) => ({ ...flow, serviceDirectories: [{ source: 'feed.json' }] }));
  writeFileSync(join(dir, 'feed.json'), JSON.stringify([{ id: '1', name: 'Bad link', description: 'See [this](javascript:alert(1))' }]));
  const result = run('publish', file);
  assert.equal(result.code, 1);
  assert.match(result.err, /services\[2\]\.description \(from feed\.json: \[0\]\): the link 'javascript:alert\(1\)' is not allowed/);
});

test('publish fetches a web address; a 404 is an error; other commands explain they do not fetch', async () => {
  const server = createServer((request, response) => {
    if (request.url === '/services') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(readFileSync(join(root, fixture('exampleshire-hsds3.json'))));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const online = flowCopy((flow) => ({ ...flow, serviceDirectories: [{ ...flow.serviceDirectories[1], source: `${base}/services` }] }));
    let result = await runAsync('publish', online.file);
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(JSON.parse(result.out).services.map((s) => s.id).slice(2), ['hsds-7b1c2f4e-0a55-4b8e-9d0a-3c1e5f6a7b01', 'hsds-7b1c2f4e-0a55-4b8e-9d0a-3c1e5f6a7b02']);
    result = await runAsync('check', online.file);
    assert.equal(result.code, 1);
    assert.match(result.out, /only "support-finder publish" fetches those/);
    const gone = flowCopy((flow) => ({ ...flow, serviceDirectories: [{ source: `${base}/gone` }] }));
    result = await runAsync('publish', gone.file);
    assert.equal(result.code, 1);
    assert.equal(result.out, '');
    assert.match(result.err, new RegExp(`serviceDirectories\\[0\\]\\.source: ${base}/gone answered 404 Not Found`));
  } finally {
    server.close();
  }
});

test('--help lists publish, and publish has its own help', () => {
  assert.match(run('--help').out, /^ {2}publish FLOW/m);
  const help = run('publish', '--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: support-finder publish FLOW \[-o OUT\]/);
});
