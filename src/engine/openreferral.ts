/**
 * Services from a directory in Open Referral UK format, turned into the flow's own services.
 *
 * Reads both the field names of the first Open Referral UK API (v1: `eligibilitys`,
 * `regular_schedules`, `service_taxonomys`, `service_areas[].service_area`) and those of HSDS 3
 * (`minimum_age`, `schedules`, `attributes[].taxonomy_term`, `service_areas[].name`), service by
 * service, so a feed half-way between the two is read too. Pure: no DOM and no Node, and not part
 * of the widget — `support-finder publish` merges directories before a flow is published.
 */
import * as z from 'zod/mini';
import { ServiceDirectory, type Contact, type Service, type SupportType } from './schema.js';
import { formatPath } from './validate.js';
import { describeValue, explainSchemaIssues, inWords, type FlowProblem } from './problem-words.js';
import type { ShapeIssue } from './shape.js';

type Path = Array<string | number>;
type Json = Record<string, unknown>;

export interface DirectoryServices {
  services: Service[];
  /** Where each service came from: `directories/feed.json: content[3]`. */
  origins: string[];
  errors: FlowProblem[];
  /** Things the author should know that do not stop publishing: left-out services, unmapped terms. */
  notes: FlowProblem[];
}

/** Checks the flow's `serviceDirectories` settings, in the words validate.ts uses for flows. */
export function checkDirectorySettings(flow: Json): FlowProblem[] {
  const result = z.array(ServiceDirectory).safeParse(flow.serviceDirectories);
  if (result.success) return [];
  const issues = result.error.issues.map((issue) => ({ ...issue, path: ['serviceDirectories', ...issue.path] }));
  return inWords(explainSchemaIssues(issues as unknown as ShapeIssue[], flow));
}

/** The services of a document: a list, `{"content": […]}` (v1 pages), `{"contents": […]}` (HSDS 3 pages) or one service. */
function serviceRecords(document: unknown): Array<{ record: unknown; path: Path }> | undefined {
  if (Array.isArray(document)) return document.map((record, i) => ({ record, path: [i] }));
  if (document === null || typeof document !== 'object') return undefined;
  for (const key of ['content', 'contents', 'items']) {
    const list = (document as Json)[key];
    if (Array.isArray(list)) return list.map((record, i) => ({ record, path: [key, i] }));
  }
  if ('name' in document || 'id' in document) return [{ record: document, path: [] }];
  return undefined;
}

/** Feed ids as flow ids: lower-case letters and digits joined by hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A day as v1 and HSDS 3 feeds write it: "MO", "Monday", "mon", or 1 (Monday) to 7. */
function dayIndex(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 7 ? value - 1 : undefined;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (/^[1-7]$/.test(word)) return Number(word) - 1;
  const index = DAYS.findIndex((day) => word.length >= 2 && day.toLowerCase().startsWith(word));
  return index >= 0 ? index : undefined;
}

/** Minutes after midnight of "09:00", "9:00:00", "09:00Z" or "09:00+01:00". */
function minutes(value: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const mins = Number(match[2]);
  return hours <= 24 && mins < 60 ? hours * 60 + mins : undefined;
}

/** GOV.UK style times: 9am, 5:30pm, midday, midnight. */
function clock(total: number): string {
  const hours = Math.floor(total / 60) % 24;
  const mins = total % 60;
  if (mins === 0 && hours === 0) return 'midnight';
  if (mins === 0 && hours === 12) return 'midday';
  return `${hours % 12 || 12}${mins ? `:${String(mins).padStart(2, '0')}` : ''}${hours < 12 ? 'am' : 'pm'}`;
}

/** "Monday to Friday", "Monday, Wednesday and Friday", "Every day". */
function dayWords(days: number[]): string {
  if (days.length === 7) return 'Every day';
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j] + 1) j += 1;
    if (j - i >= 2) parts.push(`${DAYS[days[i]]} to ${DAYS[days[j]]}`);
    else for (let k = i; k <= j; k++) parts.push(DAYS[days[k]]);
    i = j + 1;
  }
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** One weekly opening: days (0 is Monday) and times in minutes after midnight. */
export interface Opening {
  days: number[];
  opens: number;
  closes: number;
}

/** Weekly openings as readable hours: "Monday to Friday 9am to 5pm; Saturday 10am to 1pm". */
export function openingHours(openings: readonly Opening[]): string | undefined {
  const byDay = new Map<number, Array<[number, number]>>();
  for (const { days, opens, closes } of openings) {
    for (const day of days) {
      const ranges = byDay.get(day) ?? [];
      if (!ranges.some(([a, b]) => a === opens && b === closes)) ranges.push([opens, closes]);
      byDay.set(day, ranges);
    }
  }
  const groups = new Map<string, number[]>();
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const words = byDay
      .get(day)!
      .sort((a, b) => a[0] - b[0])
      .map(([opens, closes]) => (opens === 0 && closes >= 23 * 60 + 59 ? '24 hours' : `${clock(opens)} to ${clock(closes)}`))
      .join(' and ');
    groups.set(words, [...(groups.get(words) ?? []), day]);
  }
  if (groups.size === 0) return undefined;
  return [...groups].map(([words, days]) => `${dayWords(days)} ${words}`).join('; ');
}

/** Reads one service record, noting every problem with its path in the document. */
class ServiceReader {
  constructor(
    readonly source: string,
    readonly errors: FlowProblem[]
  ) {}

  problem(path: Path, message: string): void {
    this.errors.push({ path: `${this.source}: ${formatPath(path)}`, message });
  }

  /** A group of fields, or undefined (with a problem when it is something else). */
  record(value: unknown, path: Path): Json | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object' && !Array.isArray(value)) return value as Json;
    this.problem(path, `should be a group of fields in curly brackets { … }, but it is ${describeValue(value)}`);
    return undefined;
  }

  list(record: Json, key: string, path: Path): Array<{ item: Json; path: Path }> {
    const value = record[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.problem([...path, key], `should be a list in square brackets [ … ], but it is ${describeValue(value)}`);
      return [];
    }
    return value.flatMap((item, i) => {
      const found = this.record(item, [...path, key, i]);
      return found ? [{ item: found, path: [...path, key, i] }] : [];
    });
  }

  text(record: Json, key: string, path: Path): string | undefined {
    const value = record[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.trim() || undefined;
    this.problem([...path, key], `should be text in quotes, but it is ${describeValue(value)}`);
    return undefined;
  }

  /** Ids and phone numbers are sometimes written as numbers. */
  textOrNumber(record: Json, key: string, path: Path): string | undefined {
    const value = record[key];
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : this.text(record, key, path);
  }

  age(record: Json, key: string, path: Path): number | undefined {
    const value = record[key];
    if (value === undefined || value === null || value === '') return undefined;
    const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= 150) return number;
    this.problem([...path, key], `should be a whole number of years, such as 11, but it is ${describeValue(value)}`);
    return undefined;
  }

  amount(record: Json, key: string, path: Path): number | undefined {
    const value = record[key];
    if (value === undefined || value === null || value === '') return undefined;
    const number = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
    if (typeof number === 'number' && Number.isFinite(number) && number >= 0) return number;
    this.problem([...path, key], `should be an amount of money such as 0 or 12.50, but it is ${describeValue(value)}`);
    return undefined;
  }

  time(record: Json, key: string, path: Path): number | undefined {
    const value = this.text(record, key, path);
    if (value === undefined) return undefined;
    const found = minutes(value);
    if (found === undefined) this.problem([...path, key], `should be a time such as "09:00", but it is ${describeValue(value)}`);
    return found;
  }
}

interface Term {
  keys: string[];
  label: string;
}

/** The mapping value for a term, matched by id, code or name (names ignoring case). */
function lookup<T>(mapping: Record<string, T> | undefined, keys: readonly string[]): T | undefined {
  if (!mapping) return undefined;
  for (const key of keys) if (Object.hasOwn(mapping, key)) return mapping[key];
  const lower = new Map(Object.entries(mapping).map(([key, value]) => [key.toLowerCase(), value]));
  for (const key of keys) if (lower.has(key.toLowerCase())) return lower.get(key.toLowerCase());
  return undefined;
}

const counted = (counts: Map<string, number>) =>
  [...counts].map(([label, n]) => `'${label}'${n > 1 ? ` (${n} services)` : ''}`).join(', ');

/**
 * Converts one directory document. `source` names it in every problem (the file or address),
 * `at` is the directory's place in the flow (`serviceDirectories[0]`).
 */
export function convertDirectory(document: unknown, directory: ServiceDirectory, source: string, at = 'serviceDirectories[0]'): DirectoryServices {
  const errors: FlowProblem[] = [];
  const notes: FlowProblem[] = [];
  const services: Service[] = [];
  const origins: string[] = [];
  const records = serviceRecords(document);
  if (!records) {
    errors.push({ path: `${source}: (the whole file)`, message: 'should be a list of services: a list [ … ], or {"content": [ … ]} as the Open Referral UK API sends it' });
    return { services, origins, errors, notes };
  }
  const read = new ServiceReader(source, errors);
  const prefix = directory.idPrefix ?? 'oruk';
  const include = directory.include ? new Set(directory.include) : undefined;
  const found = new Set<string>();
  const ids = new Map<string, string>();
  const left: string[] = [];
  const unmappedTerms = new Map<string, number>();
  const unmappedAreas = new Map<string, number>();
  let areasIgnored = 0;
  const outOfArea: string[] = [];

  for (const { record: raw, path } of records) {
    const service = read.record(raw, path);
    if (!service) continue;
    const errorCount = errors.length;
    const feedId = read.textOrNumber(service, 'id', path);
    if (feedId === undefined && (service.id == null || typeof service.id === 'string')) read.problem([...path, 'id'], 'every service needs an id');
    if (feedId !== undefined) found.add(feedId);
    if (include && (feedId === undefined || !include.has(feedId))) continue;
    const name = read.text(service, 'name', path);
    if (name === undefined && (service.name == null || typeof service.name === 'string')) read.problem([...path, 'name'], 'every service needs a name');
    const status = read.text(service, 'status', path)?.toLowerCase();
    if (status !== undefined && status !== 'active') {
      left.push(`'${name ?? feedId}' (${status})`);
      continue;
    }

    // Ages: HSDS 3 on the service; v1 in each eligibility, the widest range of them all.
    const mins: Array<number | undefined> = [read.age(service, 'minimum_age', path)];
    const maxes: Array<number | undefined> = [read.age(service, 'maximum_age', path)];
    const eligibility: string[] = [];
    const eligibilityText = read.text(service, 'eligibility_description', path);
    if (eligibilityText) eligibility.push(eligibilityText);
    for (const { item, path: p } of read.list(service, 'eligibilitys', path)) {
      mins.push(read.age(item, 'minimum_age', p));
      maxes.push(read.age(item, 'maximum_age', p));
      const words = read.text(item, 'eligibility', p);
      if (words) eligibility.push(words);
    }
    const min = mins.filter((n) => n !== undefined).sort((a, b) => a - b)[0];
    const max = maxes.filter((n) => n !== undefined).sort((a, b) => b - a)[0];
    if (min !== undefined && max !== undefined && min > max) read.problem([...path, 'maximum_age'], `the maximum age (${max}) is below the minimum age (${min})`);

    // Contacts: every phone number once, then website and email.
    const contact: Contact[] = [];
    const url = read.text(service, 'url', path);
    const email = read.text(service, 'email', path);
    const numbers = new Set<string>();
    const phone = (item: Json, p: Path, label: string | undefined) => {
      const number = read.textOrNumber(item, 'number', p);
      if (number === undefined || numbers.has(number)) return;
      numbers.add(number);
      contact.push(label ? { type: 'phone', number, label } : { type: 'phone', number });
    };
    for (const { item, path: p } of read.list(service, 'phones', path)) phone(item, p, read.text(item, 'description', p));
    for (const { item, path: p } of read.list(service, 'contacts', path)) {
      const label = read.text(item, 'name', p);
      for (const { item: number, path: q } of read.list(item, 'phones', p)) phone(number, q, label);
    }
    if (url) contact.push({ type: 'website', url: /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `https://${url}` });
    if (email) contact.push({ type: 'email', address: email });

    // Opening hours from weekly schedules; a schedule's own words when there are no times.
    const openings: Opening[] = [];
    const scheduleWords: string[] = [];
    for (const key of ['regular_schedules', 'schedules']) {
      for (const { item, path: p } of read.list(service, key, path)) {
        const opens = read.time(item, 'opens_at', p);
        const closes = read.time(item, 'closes_at', p);
        const freq = read.text(item, 'freq', p)?.toUpperCase();
        const byday = read.text(item, 'byday', p);
        const days = byday ? byday.split(',').map((code) => DAY_CODES.indexOf(code.trim().toUpperCase())) : [];
        const weekday = item.weekday;
        if (weekday !== undefined && weekday !== null) {
          const day = dayIndex(weekday);
          if (day === undefined) read.problem([...p, 'weekday'], `should be a day such as "Monday" or "MO", but it is ${describeValue(weekday)}`);
          else days.push(day);
        }
        const weekly = (freq === undefined || freq === 'WEEKLY') && days.length > 0 && days.every((d) => d >= 0);
        if (weekly && opens !== undefined && closes !== undefined) openings.push({ days: [...new Set(days)].sort(), opens, closes });
        else {
          const words = read.text(item, 'description', p);
          if (words) scheduleWords.push(words);
        }
      }
    }
    if (read.list(service, 'holiday_schedules', path).length > 0) {
      notes.push({ path: `${source}: ${formatPath([...path, 'holiday_schedules'])}`, message: `holiday opening times are not shown; the regular hours of '${name}' are` });
    }
    const hours = openingHours(openings) ?? ([...new Set(scheduleWords)].join('; ') || undefined);

    // Cost: free when every option costs nothing.
    let free = service.free_of_charge === true;
    let paid = false;
    for (const { item, path: p } of read.list(service, 'cost_options', path)) {
      const amount = read.amount(item, 'amount', p);
      const words = `${read.text(item, 'option', p) ?? ''} ${read.text(item, 'amount_description', p) ?? ''}`;
      if (amount !== undefined ? amount > 0 : !/\bfree\b/i.test(words)) paid = true;
      else free = true;
    }
    const fees = read.text(service, 'fees', path) ?? read.text(service, 'fees_description', path);
    if (!free && !paid && fees) {
      if (/^(free|no charge)\b/i.test(fees)) free = true;
    }
    const cost = free && paid ? 'free-and-paid' : paid ? 'paid' : free ? 'free' : undefined;

    // Taxonomy terms: v1 service_taxonomys[].taxonomy, HSDS 3 attributes[].taxonomy_term.
    const terms: Term[] = [];
    const term = (item: Json | undefined, p: Path) => {
      if (!item) return;
      const keys = ['id', 'code', 'name', 'term'].flatMap((key) => read.textOrNumber(item, key, p) ?? []);
      if (keys.length > 0) terms.push({ keys, label: read.text(item, 'name', p) ?? read.text(item, 'term', p) ?? keys[0] });
    };
    for (const { item, path: p } of read.list(service, 'service_taxonomys', path)) term(read.record(item.taxonomy, [...p, 'taxonomy']), [...p, 'taxonomy']);
    for (const { item, path: p } of read.list(service, 'attributes', path)) term(read.record(item.taxonomy_term, [...p, 'taxonomy_term']), [...p, 'taxonomy_term']);
    const helpsWith = new Set<string>();
    const supportTypes = new Set<SupportType>();
    if (numbers.size > 0) supportTypes.add('helpline');
    if (email) supportTypes.add('email');
    for (const { keys, label } of terms) {
      const tags = lookup(directory.tags, keys);
      const types = lookup(directory.supportTypes, keys);
      tags?.forEach((tag) => helpsWith.add(tag));
      types?.forEach((type) => supportTypes.add(type));
      if (!tags && !types) unmappedTerms.set(label, (unmappedTerms.get(label) ?? 0) + 1);
    }

    // Service areas: only through the directory's "areas" mapping.
    const areaNames: string[][] = read
      .list(service, 'service_areas', path)
      .map(({ item, path: p }) => ['service_area', 'name', 'id'].flatMap((key) => read.textOrNumber(item, key, p) ?? []))
      .filter((keys) => keys.length > 0);
    let areas: string[] | undefined;
    if (areaNames.length > 0 && !directory.areas) areasIgnored += 1;
    else if (areaNames.length > 0) {
      areas = [];
      for (const keys of areaNames) {
        const area = lookup(directory.areas, keys);
        if (area === undefined) unmappedAreas.set(keys[0], (unmappedAreas.get(keys[0]) ?? 0) + 1);
        else if (!areas.includes(area)) areas.push(area);
      }
      if (areas.length === 0) {
        outOfArea.push(`'${name ?? feedId}'`);
        continue;
      }
    }

    if (errors.length > errorCount || feedId === undefined || name === undefined) continue;
    const slug = slugify(feedId);
    if (!slug) {
      read.problem([...path, 'id'], `the id '${feedId}' has no letters or digits, so it cannot be made into a service id`);
      continue;
    }
    const id = `${prefix}-${slug}`;
    const clash = ids.get(id);
    if (clash !== undefined) {
      read.problem([...path, 'id'], `the id '${feedId}' makes the service id '${id}', as '${clash}' does earlier in the directory: every service needs its own id`);
      continue;
    }
    ids.set(id, feedId);
    const description = [read.text(service, 'description', path), ...eligibility.map((words) => `Who it is for: ${words}`)].filter(Boolean).join('\n\n');
    const converted: Service = { id, name, description, contact };
    if (min !== undefined || max !== undefined) converted.ages = { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
    if (areas) converted.areas = areas;
    if (helpsWith.size > 0) converted.helpsWith = [...helpsWith];
    if (supportTypes.size > 0) converted.supportTypes = [...supportTypes];
    if (cost) converted.cost = cost;
    if (hours) converted.hours = hours;
    services.push(converted);
    origins.push(`${source}: ${formatPath(path)}`);
  }

  directory.include?.forEach((id, i) => {
    if (!found.has(id)) errors.push({ path: `${at}.include[${i}]`, message: `there is no service with the id '${id}' in ${source}` });
  });
  const note = (message: string) => notes.push({ path: source, message });
  if (left.length > 0) note(`left out ${left.length === 1 ? 'a service that is' : `${left.length} services that are`} not active: ${left.join(', ')}`);
  if (outOfArea.length > 0) note(`left out ${outOfArea.length === 1 ? 'a service' : `${outOfArea.length} services`} whose service areas are all missing from "areas": ${outOfArea.join(', ')}`);
  if (unmappedAreas.size > 0) note(`these service areas are not in "areas", so they are not used: ${counted(unmappedAreas)}`);
  if (areasIgnored > 0) note(`${areasIgnored === 1 ? 'a service names' : `${areasIgnored} services name`} service areas, but this directory has no "areas" setting, so they are shown for every area`);
  if (unmappedTerms.size > 0) note(`these taxonomy terms are not in "tags" or "supportTypes", so they add nothing: ${counted(unmappedTerms)}`);
  return { services, origins, errors, notes };
}

export interface MergedFlow {
  /** The flow with the directories' services added and `serviceDirectories` removed. */
  flow: Json;
  /** Where each added service came from, by its index in `services`. */
  origins: Map<number, string>;
  notes: FlowProblem[];
}

/** Adds converted services after the flow's own. The flow's own service wins an id clash. */
export function mergeDirectories(flow: Json, directories: readonly DirectoryServices[]): MergedFlow {
  // Services that are not a list are left for the review to explain.
  if (flow.services !== undefined && !Array.isArray(flow.services)) directories = [];
  const own = Array.isArray(flow.services) ? (flow.services as unknown[]) : [];
  const ownIds = new Set(own.map((service) => (service as { id?: unknown } | null)?.id));
  const services = [...own];
  const origins = new Map<number, string>();
  const notes: FlowProblem[] = [];
  for (const directory of directories) {
    directory.services.forEach((service, i) => {
      if (ownIds.has(service.id)) {
        notes.push({ path: directory.origins[i], message: `the flow has its own service called '${service.id}', so that one is kept and this one is left out` });
        return;
      }
      origins.set(services.length, directory.origins[i]);
      services.push(service);
    });
  }
  const merged: Json = {};
  for (const [key, value] of Object.entries(flow)) if (key !== 'serviceDirectories') merged[key] = key === 'services' ? services : value;
  if (!('services' in merged)) merged.services = services;
  return { flow: merged, origins, notes };
}

/** Says where a problem in a merged service came from: `services[12].contact[0].url (from feed.json: content[3])`. */
export function traceProblem(problem: FlowProblem, origins: ReadonlyMap<number, string>): FlowProblem {
  const match = /^services\[(\d+)\]/.exec(problem.path);
  const origin = match ? origins.get(Number(match[1])) : undefined;
  return origin ? { path: `${problem.path} (from ${origin})`, message: problem.message } : problem;
}
