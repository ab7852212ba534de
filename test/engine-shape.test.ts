/**
 * The widget checks a flow's shape against the JSON Schema generated from the zod schema, not
 * with zod. This holds the two in agreement: on valid flows and on thousands of seeded random
 * breakages, both must accept or refuse alike and explain the same problems at the same paths.
 */
import { expect } from '@open-wc/testing';
import { Flow, checkShape, explainSchemaIssues, inWords, type CodedProblem, type ShapeIssue } from '../src/engine/index.js';
import { FLOW_SCHEMA } from '../src/engine/flow-schema.js';
import { clone, fetchJson } from './support.js';

type Json = unknown;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return state / 4294967296;
  };
}

/** Every place in a JSON value: [parent, key] pairs. */
function places(value: Json, out: Array<[Record<string, Json> | Json[], string | number]> = []) {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push([value, i]), places(item, out)));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push([value as Record<string, Json>, key]);
      places(item, out);
    }
  }
  return out;
}

const REPLACEMENTS: Json[] = [null, true, 0, -3.5, '', 'Not An Id', 'x'.repeat(500), [], {}, ['a'], { en: 'hi' }, { nope: 1 }, 'question', 'yes'];

/** One random breakage: delete, replace with something of another kind, or add a stray key. */
function mutate(flow: Json, next: () => number): Json {
  const copy = clone(flow);
  const all = places(copy);
  const [parent, key] = all[Math.floor(next() * all.length)];
  const roll = next();
  if (roll < 0.25 && !Array.isArray(parent)) delete (parent as Record<string, Json>)[key as string];
  else if (roll < 0.4 && !Array.isArray(parent)) (parent as Record<string, Json>)[`stray${Math.floor(next() * 3)}`] = 1;
  else (parent as Record<string | number, Json>)[key] = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)];
  return copy;
}

const explained = (problems: CodedProblem[]) => inWords(problems).map((p) => `${p.path}: ${p.message}`).sort();

function compare(data: Json): boolean {
  const byZod = Flow.safeParse(data);
  const byShape = checkShape(FLOW_SCHEMA, data);
  expect(byShape.length === 0, `accepted by zod: ${byZod.success}`).to.equal(byZod.success);
  if (!byZod.success) {
    const mine = explained(explainSchemaIssues(byShape, data));
    const zods = explained(explainSchemaIssues(byZod.error.issues as unknown as ShapeIssue[], data));
    expect(mine, `shape: ${JSON.stringify(mine)}\nzod:   ${JSON.stringify(zods)}`).to.deep.equal(zods);
  }
  return byZod.success;
}

describe('shape checking against the generated schema', () => {
  const sources = ['/test/flows/basic.json', '/flows/uk-young-people.json', '/flows/exampleshire.json'];

  it('accepts every valid flow, as zod does', async () => {
    for (const source of sources) expect(compare(await fetchJson(source)), source).to.equal(true);
  });

  it('agrees with zod on 3,000 random breakages, problem for problem', async () => {
    const next = random(20261124);
    let refused = 0;
    for (const source of sources) {
      const flow = await fetchJson(source);
      for (let i = 0; i < 1000; i++) {
        // A third of them broken twice, so problems in different places meet.
        const broken = i % 3 === 0 ? mutate(mutate(flow, next), next) : mutate(flow, next);
        try {
          if (!compare(broken)) refused += 1;
        } catch (error) {
          throw new Error(`${source}, breakage ${i}: ${(error as Error).message}`);
        }
      }
    }
    // Most breakages must really break the shape, or this test proves little.
    expect(refused).to.be.greaterThan(2000);
  });

  it('agrees on values that are not flows at all', () => {
    for (const data of [null, 1, 'flow', [], {}, { formatVersion: 1 }, { formatVersion: '1', steps: {}, services: null }]) compare(data);
  });
});
