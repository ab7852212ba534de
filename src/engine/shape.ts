/**
 * Checks a value against the flow's JSON Schema, the one generated from the zod schema in
 * schema.ts. The widget checks flows with this rather than with zod itself, which would more
 * than double the engine's share of the bundle. It reports the issues zod would report, in
 * zod's shape, so validate.ts explains both the same way; a test holds the two in agreement.
 *
 * Only the keywords the generator emits are understood: type, $ref, properties, required,
 * additionalProperties, propertyNames, items, const, enum, pattern and anyOf.
 */

type JsonType = 'string' | 'number' | 'boolean' | 'array' | 'object';

export interface JsonSchema {
  /** One type, or a list where zod had a union of plain types. */
  type?: JsonType | readonly JsonType[];
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  const?: unknown;
  enum?: readonly unknown[];
  pattern?: string;
  anyOf?: readonly JsonSchema[];
  $defs?: Record<string, JsonSchema>;
}

type Path = Array<string | number>;

/** The subset of zod's issues that validate.ts explains. */
export type ShapeIssue =
  | { code: 'invalid_type'; expected: string; path: Path }
  | { code: 'unrecognized_keys'; keys: string[]; path: Path; continue?: true }
  | { code: 'invalid_value'; values: unknown[]; path: Path }
  | { code: 'invalid_format'; path: Path; continue?: true }
  | { code: 'invalid_key'; path: Path }
  | { code: 'invalid_union'; errors: ShapeIssue[][]; path: Path };

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** A required property that is absent, reported as zod reports it. */
function missing(property: JsonSchema, path: Path, issues: ShapeIssue[]): void {
  if ('const' in property || property.enum) {
    issues.push({ code: 'invalid_value', values: property.enum ? [...property.enum] : [property.const], path });
  } else {
    issues.push({ code: 'invalid_type', expected: String(property.type ?? 'value'), path });
  }
}

const patterns = new Map<string, RegExp>();
function regex(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) patterns.set(source, (pattern = new RegExp(source)));
  return pattern;
}

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

type Fit = (value: unknown) => boolean;

/**
 * The schema compiled into plain functions that say whether a value fits, with no issues built:
 * the fast path for the usual case, a valid flow. References are resolved and key lists worked
 * out once, so checking a large flow does no interpretation per node. (No eval: compiled to
 * closures, so it runs under a strict Content-Security-Policy.)
 */
function compile(root: JsonSchema): Fit {
  const made = new Map<JsonSchema, Fit>();
  const make = (schema: JsonSchema): Fit => {
    let fit = made.get(schema);
    if (!fit) {
      let built: Fit | undefined;
      // Conditions refer to themselves: hand out a forwarder before building.
      made.set(schema, (fit = (value) => (built as Fit)(value)));
      built = build(schema);
    }
    return fit;
  };
  const build = (schema: JsonSchema): Fit => {
    if (schema.$ref) return make(root.$defs?.[schema.$ref.slice('#/$defs/'.length)] ?? {});
    if (schema.anyOf) {
      const options = schema.anyOf.map(make);
      return (value) => options.some((fit) => fit(value));
    }
    if ('const' in schema) return (value) => value === schema.const;
    if (schema.enum) {
      const allowed = new Set(schema.enum);
      return (value) => allowed.has(value);
    }
    const { type } = schema;
    if (Array.isArray(type)) return (value) => type.includes(typeOf(value));
    if (type !== 'object') {
      const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern);
      const item = schema.items && make(schema.items);
      return (value) => {
        if (type && typeOf(value) !== type) return false;
        if (pattern && !pattern.test(value as string)) return false;
        if (item) for (const each of value as unknown[]) if (!item(each)) return false;
        return true;
      };
    }
    const properties = Object.entries(schema.properties ?? {}).map(
      ([key, property]) => [key, make(property), schema.required?.includes(key) ?? false] as const
    );
    const known = new Set(properties.map(([key]) => key));
    const more = schema.additionalProperties;
    const name = schema.propertyNames && make(schema.propertyNames);
    const extra = typeof more === 'object' ? make(more) : undefined;
    return (value) => {
      if (typeOf(value) !== 'object') return false;
      const record = value as Record<string, unknown>;
      for (const [key, fit, required] of properties) {
        const item = has(record, key) ? record[key] : undefined;
        if (item === undefined ? required : !fit(item)) return false;
      }
      if (more === false || extra) {
        for (const key of Object.keys(record)) {
          if (known.has(key)) continue;
          if (!extra || (name && !name(key)) || !extra(record[key])) return false;
        }
      }
      return true;
    };
  };
  return make(root);
}

const compiled = new WeakMap<JsonSchema, Fit>();

/** Whether a value has the schema's shape: the widget's check, compiled once, with no listing. */
export function fitsShape(root: JsonSchema, value: unknown): boolean {
  let fits = compiled.get(root);
  if (!fits) compiled.set(root, (fits = compile(root)));
  return fits(value);
}

/** Every place a value departs from the schema, as zod words it; empty when it fits. For tools. */
export function checkShape(root: JsonSchema, value: unknown): ShapeIssue[] {
  if (fitsShape(root, value)) return [];
  const check = (schema: JsonSchema, value: unknown, path: Path, issues: ShapeIssue[]): void => {
    if (schema.$ref) return check(root.$defs?.[schema.$ref.slice('#/$defs/'.length)] ?? {}, value, path, issues);
    if (schema.anyOf) {
      const errors: ShapeIssue[][] = [];
      for (const option of schema.anyOf) {
        const found: ShapeIssue[] = [];
        check(option, value, [], found);
        if (found.length === 0) return;
        errors.push(found);
      }
      // As zod does: when exactly one branch failed only on stray keys or a pattern (problems
      // that do not stop checking), that branch is the one meant, and its problems are reported.
      const nearly = errors.filter((found) => found.every((issue) => 'continue' in issue));
      if (nearly.length === 1) {
        for (const issue of nearly[0]) issues.push({ ...issue, path: [...path, ...issue.path] });
      } else {
        issues.push({ code: 'invalid_union', errors, path });
      }
      return;
    }
    if ('const' in schema || schema.enum) {
      const values = schema.enum ? [...schema.enum] : [schema.const];
      if (!values.includes(value)) issues.push({ code: 'invalid_value', values, path });
      return;
    }
    const actual = typeOf(value);
    if (Array.isArray(schema.type)) {
      if (!schema.type.includes(actual)) {
        issues.push({ code: 'invalid_union', errors: schema.type.map((expected) => [{ code: 'invalid_type', expected, path: [] }]), path });
      }
      return;
    }
    if (schema.type && actual !== schema.type) {
      issues.push({ code: 'invalid_type', expected: schema.type as string, path });
      return;
    }
    if (schema.pattern !== undefined) {
      if (!regex(schema.pattern).test(value as string)) issues.push({ code: 'invalid_format', path, continue: true });
    }
    if (schema.items && Array.isArray(value)) {
      value.forEach((item, i) => check(schema.items as JsonSchema, item, [...path, i], issues));
    }
    if (actual !== 'object') return;
    const record = value as Record<string, unknown>;
    const known = schema.properties ?? {};
    for (const [key, property] of Object.entries(known)) {
      if (has(record, key) && record[key] !== undefined) check(property, record[key], [...path, key], issues);
      else if (schema.required?.includes(key)) missing(property, [...path, key], issues);
    }
    const extra = Object.keys(record).filter((key) => !has(known, key));
    const more = schema.additionalProperties;
    if (more === false) {
      if (extra.length > 0) issues.push({ code: 'unrecognized_keys', keys: extra, path, continue: true });
    } else if (typeof more === 'object') {
      for (const key of extra) {
        const keyIssues: ShapeIssue[] = [];
        if (schema.propertyNames) check(schema.propertyNames, key, [], keyIssues);
        if (keyIssues.length > 0) issues.push({ code: 'invalid_key', path: [...path, key] });
        else check(more, record[key], [...path, key], issues);
      }
    }
  };
  const issues: ShapeIssue[] = [];
  check(root, value, [], issues);
  return issues;
}
