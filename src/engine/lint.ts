/**
 * The thorough review for flow authors: everything validateFlow checks, plus the mistakes that
 * would not stop a flow running but would make it wrong — a condition on an option that does
 * not exist, a missing translation in the default language, an unsafe link, a service that can
 * never be suggested. Used by the tests and authoring tools; the widget itself runs only
 * validateFlow, which keeps its bundle small.
 */
import { SupportType, type Condition, type Flow, type LocalisedText, type Step, type Text } from './schema.js';
import { allVariants, isAudienceText } from './text.js';
import { routeMap, stepsLeadingTo, validateFlow, type Validation } from './validate.js';
import { indexOf } from './session.js';
import { explainSchemaIssues, inWords, serviceDisagreements, type FlowProblem } from './problem-words.js';
import { checkShape } from './shape.js';
import { FLOW_SCHEMA } from './flow-schema.js';

/** validateFlow, then every check for authors, every problem in words. Never throws. */
export function reviewFlow(data: unknown): Validation<FlowProblem> {
  const checked = validateFlow(data);
  if (!checked.ok) {
    // The widget names only where the shape is wrong; authors get which setting and why.
    const wrongShape = checked.errors.some((e) => e.code === 'wrong-shape');
    const errors = wrongShape ? explainSchemaIssues(checkShape(FLOW_SCHEMA, data), data) : checked.errors;
    return { ok: false, errors: inWords(errors), warnings: inWords(checked.warnings) };
  }
  try {
    const { errors, warnings } = lintFlow(checked.flow);
    const all = [...inWords(checked.warnings), ...warnings];
    return errors.length > 0 ? { ok: false, errors, warnings: all } : { ok: true, flow: checked.flow, warnings: all };
  } catch (error) {
    return {
      ok: false,
      errors: [{ path: '(the whole file)', message: `the flow could not be checked (${error instanceof Error ? error.message : 'unknown problem'})` }],
      warnings: [],
    };
  }
}


/** The authoring checks validateFlow does not make. Assumes a flow that passed it. */
export function lintFlow(flow: Flow): { errors: FlowProblem[]; warnings: FlowProblem[] } {
  const SUPPORT_TYPES = new Set<string>(Object.keys(SupportType.def.entries));
  const errors: FlowProblem[] = [];
  const warnings: FlowProblem[] = [];
  const error = (path: string, message: string) => errors.push({ path, message });
  const warn = (path: string, message: string) => warnings.push({ path, message });


  // Every text: the default language must be there; links must be safe.
  // The default language must be there. (Links are checked by validateFlow.)
  // Every per-language text, to find the translations missing once all languages are known.
  const localised: Array<{ path: string; text: LocalisedText }> = [];
  const checkText = (path: string, text: Text | undefined) => {
    if (text === undefined) return;
    if (isAudienceText(text)) {
      const variants: Array<[string, LocalisedText]> = [['.default', text.default], ...Object.entries(text.audience).map(([a, t]) => [`.audience.${a}`, t] as [string, LocalisedText])];
      for (const [suffix, t] of variants) localised.push({ path: `${path}${suffix}`, text: t });
    } else localised.push({ path, text });
    if (typeof text === 'object' && !('default' in text) && text[flow.defaultLocale] === undefined) {
      error(path, `there is no text for the default language '${flow.defaultLocale}'`);
    }
    if (typeof text === 'object' && 'default' in text && typeof text.default === 'object' && text.default[flow.defaultLocale] === undefined) {
      error(`${path}.default`, `there is no text for the default language '${flow.defaultLocale}'`);
    }
  };
  checkText('title', flow.title);
  checkText('description', flow.description);
  checkText('directoryLink', flow.directoryLink);

  const questions = new Map<string, Extract<Step, { kind: 'question' }>>();
  for (const step of flow.steps) if (step.kind === 'question') questions.set(step.id, step);

  // Tags that some answer adds, and the values of the area question.
  const tagsAdded = new Set<string>();
  const areaValues = new Set<string>();
  let hasAreaQuestion = false;
  for (const step of questions.values()) {
    step.options?.forEach((o) => o.tags?.forEach((t) => tagsAdded.add(t)));
    if (step.about === 'area') {
      hasAreaQuestion = true;
      step.options?.forEach((o) => areaValues.add(o.value));
    }
  }

  if (flow.audience) {
    const q = questions.get(flow.audience.question);
    if (!q) error('audience.question', `there is no question called '${flow.audience.question}'`);
    else if (!q.options?.some((o) => o.value === flow.audience?.self)) {
      error('audience.self', `the question '${q.id}' has no option '${flow.audience.self}'`);
    }
  }
  const audienceValues = new Set(questions.get(flow.audience?.question ?? '')?.options?.map((o) => o.value) ?? []);

  const checkCondition = (path: string, condition: Condition) => {
    if ('all' in condition) return condition.all.forEach((c, i) => checkCondition(`${path}.all[${i}]`, c));
    if ('any' in condition) return condition.any.forEach((c, i) => checkCondition(`${path}.any[${i}]`, c));
    if ('not' in condition) return checkCondition(`${path}.not`, condition.not);
    if ('tag' in condition) {
      if (!tagsAdded.has(condition.tag)) error(`${path}.tag`, `no answer adds the tag '${condition.tag}', so this can never be true`);
      return;
    }
    if ('audience' in condition) {
      if (!flow.audience) error(`${path}.audience`, 'this flow has no "audience" question, so this can never be true');
      else if (!audienceValues.has(condition.audience)) error(`${path}.audience`, `the audience question has no option '${condition.audience}'`);
      return;
    }
    const q = questions.get(condition.answer);
    if (!q) {
      error(`${path}.answer`, flow.steps.some((s) => s.id === condition.answer) ? `'${condition.answer}' is not a question, so it has no answer` : `there is no question called '${condition.answer}'`);
      return;
    }
    const operators = (['equals', 'includes', 'gt', 'gte', 'lt', 'lte', 'answered'] as const).filter((k) => condition[k] !== undefined);
    if (operators.length !== 1) {
      error(path, operators.length === 0 ? 'say what to compare: add one of "equals", "includes", "gt", "gte", "lt", "lte" or "answered"' : `use one comparison per condition, not ${operators.join(' and ')}; combine conditions with "all"`);
      return;
    }
    const op = operators[0];
    const values = new Set(optionValues(q));
    if (op === 'equals') {
      if (q.type === 'number') {
        if (typeof condition.equals !== 'number') error(`${path}.equals`, `'${q.id}' is a number question, so compare with a number`);
      } else if (q.type === 'multiple') {
        error(`${path}.equals`, `'${q.id}' allows several answers: use "includes" instead of "equals"`);
      } else if (!values.has(String(condition.equals))) {
        error(`${path}.equals`, `the question '${q.id}' has no option '${String(condition.equals)}'`);
      }
    } else if (op === 'includes') {
      if (q.type !== 'multiple') error(`${path}.includes`, `'${q.id}' takes one answer: use "equals" instead of "includes"`);
      else if (!values.has(condition.includes ?? '')) error(`${path}.includes`, `the question '${q.id}' has no option '${condition.includes}'`);
    } else if (op !== 'answered' && q.type !== 'number') {
      error(`${path}.${op}`, `'${q.id}' is not a number question, so it cannot be compared with "${op}"`);
    }
  };

  flow.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    if (step.kind === 'question') {
      checkText(`${at}.question`, step.question);
      checkText(`${at}.hint`, step.hint);
      checkText(`${at}.skipLabel`, step.skipLabel);
      const options = step.options ?? [];
      if (step.type === 'number' && step.options) error(`${at}.options`, 'a number question has no options: remove "options"');
      if (step.type !== 'number' && (step.min !== undefined || step.max !== undefined)) error(`${at}.${step.min !== undefined ? 'min' : 'max'}`, '"min" and "max" only apply to number questions');
      checkText(`${at}.errorMessage`, step.errorMessage);
      if (step.outOfRange !== undefined && (step.type !== 'number' || (step.min === undefined && step.max === undefined))) {
        error(`${at}.outOfRange`, '"outOfRange" is where a number below "min" or above "max" goes: it needs a number question with "min" or "max"');
      }
      if (step.display !== undefined && step.type !== 'select') error(`${at}.display`, '"display" only applies to select questions');
      if (step.skipLabel !== undefined && !step.optional) error(`${at}.skipLabel`, 'only an optional question can be skipped: add "optional": true, or remove "skipLabel"');
      const seen = new Map<string, number>();
      options.forEach((option, j) => {
        const oat = `${at}.options[${j}]`;
        checkText(`${oat}.label`, option.label);
        checkText(`${oat}.hint`, option.hint);
        if (seen.has(option.value)) error(`${oat}.value`, `another option in this question is already '${option.value}' (options[${seen.get(option.value)}])`);
        seen.set(option.value, j);
        if (option.next !== undefined && step.type === 'multiple') error(`${oat}.next`, 'several options can be chosen here, so an option cannot decide the next step: use "rules"');
        if (option.exclusive && step.type !== 'multiple') error(`${oat}.exclusive`, '"exclusive" ("none of these") only applies to multiple choice questions');
        if (step.about === 'support-type' && !SUPPORT_TYPES.has(option.value)) error(`${oat}.value`, `for a support-type question, each value must be a support type: ${[...SUPPORT_TYPES].join(', ')}`);
      });
      const aboutTypes: Record<string, readonly string[]> = {
        age: ['number'],
        area: ['single', 'select'],
        'support-type': ['single', 'multiple'],
        'free-only': ['yesno'],
      };
      if (step.about && !aboutTypes[step.about].includes(step.type)) error(`${at}.about`, `an "${step.about}" question must be of type ${aboutTypes[step.about].join(' or ')}`);
    } else if (step.kind === 'info') {
      checkText(`${at}.title`, step.title);
      checkText(`${at}.body`, step.body);
      checkText(`${at}.continueLabel`, step.continueLabel);
    } else if (step.kind === 'outcome') {
      checkText(`${at}.title`, step.title);
      checkText(`${at}.body`, step.body);
      checkText(`${at}.noMatch`, step.noMatch);
      if (step.limit !== undefined && (step.limit < 1 || !Number.isInteger(step.limit))) error(`${at}.limit`, 'the number of services to show must be a whole number of at least 1');
      if (step.lead !== undefined && (step.lead < 1 || !Number.isInteger(step.lead))) error(`${at}.lead`, 'the number of services to lead with must be a whole number of at least 1');
    } else {
      checkText(`${at}.title`, step.title);
      checkText(`${at}.body`, step.body);
    }
    if (step.kind === 'question' || step.kind === 'info') {
      step.rules?.forEach((rule, j) => {
        checkCondition(`${at}.rules[${j}].when`, rule.when);
      });
    }
  });

  flow.services.forEach((service, i) => {
    const at = `services[${i}]`;
    checkText(`${at}.name`, service.name);
    checkText(`${at}.description`, service.description);
    checkText(`${at}.hours`, service.hours);
    if (service.ages?.min !== undefined && service.ages.max !== undefined && service.ages.min > service.ages.max) {
      error(`${at}.ages`, `the youngest age (${service.ages.min}) is older than the oldest (${service.ages.max})`);
    }
    service.areas?.forEach((area, j) => {
      if (!hasAreaQuestion) return;
      if (!areaValues.has(area)) error(`${at}.areas[${j}]`, `no area question offers the area '${area}'`);
    });
    if (service.areas && !hasAreaQuestion) warn(`${at}.areas`, 'this service is limited to some areas, but no question asks for the area ("about": "area"), so it will never be suggested');
    service.helpsWith?.forEach((tag, j) => {
      if (!tagsAdded.has(tag)) warn(`${at}.helpsWith[${j}]`, `no answer adds the tag '${tag}', so it never matches on it`);
    });
    for (const { path, message } of serviceDisagreements(service)) warn(`${at}.${path}`, message);
    service.contact.forEach((contact, j) => {
      const cat = `${at}.contact[${j}]`;
      // Phone numbers, email and web addresses: validateFlow's contactProblem, the widget's own rule.
      // A label is free text, so it could show one number while the link dials another.
      if ((contact.type === 'phone' || contact.type === 'sms') && contact.label !== undefined) {
        const dialled = contact.number.replace(/\D/g, '');
        const labels = typeof contact.label === 'string' ? [contact.label] : allVariants(contact.label).map((v) => v.value);
        for (const label of labels) {
          const shownNumber = (label.match(/\+?\d(?:[\d-]|\s(?=[\d(])|\(\d+\))*\d/g) ?? []).map((run) => run.replace(/\D/g, '')).find((d) => d.length >= 3 && d !== dialled);
          if (shownNumber) warn(`${cat}.label`, `the label shows the number ${shownNumber}, but the link dials ${dialled}: make them the same`);
        }
      }
      if (contact.type === 'address') checkText(`${cat}.text`, contact.text);
      else checkText(`${cat}.label`, contact.label);
    });
  });

  for (const [path, message] of deadEnds(flow)) error(path, message);

  flow.knownGaps?.forEach((gap, i) => {
    const at = `knownGaps[${i}]`;
    if (gap.outcome !== undefined && !flow.steps.some((s) => s.id === gap.outcome && s.kind === 'outcome')) {
      error(`${at}.outcome`, `there is no outcome step called '${gap.outcome}'`);
    }
    checkCondition(`${at}.when`, gap.when);
    if (!gap.reason.trim()) error(`${at}.reason`, 'say why this gap is accepted, for the people who sign the flow off');
  });

  // A language used anywhere should be there everywhere; where it is not, people reading it see
  // the default language's words instead (the widget falls back), so this is a warning.
  // A plain string is the default language.
  const byLanguage = localised.map(({ path, text }) => ({ path, text: typeof text === 'string' ? { [flow.defaultLocale]: text } : text }));
  const languages = new Set(byLanguage.flatMap(({ text }) => Object.keys(text)));
  if (languages.size < 2) return { errors, warnings };
  for (const { path, text } of byLanguage) {
    for (const language of languages) {
      if (text[language] === undefined && text[language.split('-')[0]] === undefined) {
        warnings.push({
          path: `${path}.${language}`,
          message: `there is no '${language}' translation here, so people reading '${language}' see the '${flow.defaultLocale}' words instead`,
          kind: 'translation',
        });
      }
    }
  }
  return { errors, warnings };
}

/**
 * No dead ends: from every step a person can reach, results must still be reachable, and that
 * includes after urgent help. validateFlow lets urgent help end a route (the widget then offers
 * the A-Z list), but a person at risk should be offered support that fits what they said.
 */
function deadEnds(flow: Flow): Array<[path: string, message: string]> {
  const { edges, reached } = routeMap(flow, indexOf(flow).urgentId);
  const toResults = stepsLeadingTo(edges, flow.steps.filter((s) => s.kind === 'outcome').map((s) => s.id));
  const problems: Array<[string, string]> = [];
  flow.steps.forEach((step, i) => {
    if (!reached.has(step.id) || toResults.has(step.id)) return;
    problems.push([
      `steps[${i}]`,
      step.kind === 'urgent'
        ? `after urgent help ('${step.id}') there is no way on to other support, so a person at risk can only go back: give it a "next" (an outcome step for people at risk, e.g. services that help with self-harm) and, if you like, a "continueLabel"`
        : `every route from '${step.id}' ends at urgent help with no way on, or goes round a loop, and never reaches results: give '${step.id}' (or the urgent step) a "next" that leads to an outcome step`,
    ]);
  });
  return problems;
}

function optionValues(step: Extract<Step, { kind: 'question' }>): string[] {
  if (step.type === 'yesno' && !step.options) return ['yes', 'no'];
  return step.options?.map((o) => o.value) ?? [];
}

