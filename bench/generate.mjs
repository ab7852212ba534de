// Valid flows of any size for measuring how cost grows: a chain of questions whose rules look
// back at earlier answers, one outcome, urgent help, and one service for every ten steps (or
// `services`). Every fiftieth question has an answer that goes to urgent help. `links` puts a
// link in each service's description. Also used by the large-flow and flow-map tests.
export function generateFlow(stepCount, { services: serviceCount = Math.max(1, Math.round(stepCount / 10)), links = false } = {}) {
  const questions = stepCount - 2;
  const tag = (i) => `need-${i % 25}`;
  const steps = [];
  for (let i = 0; i < questions; i++) {
    const next = i + 1 < questions ? `q${i + 1}` : 'results';
    steps.push({
      id: `q${i}`,
      kind: 'question',
      type: 'single',
      question: { en: `Question ${i + 1}: which of these fits best?`, cy: `Cwestiwn ${i + 1}` },
      hint: 'Choose one.',
      options: [
        { value: 'a', label: `First answer to ${i + 1}`, tags: [tag(i)] },
        { value: 'b', label: `Second answer to ${i + 1}`, tags: [tag(i + 7)] },
        { value: 'c', label: 'Something else', urgent: i % 50 === 49 },
      ],
      rules: i > 0 ? [{ when: { any: [{ answer: `q${i - 1}`, equals: 'a' }, { tag: tag(i) }] }, next }] : [],
      next,
    });
  }
  const services = Array.from({ length: serviceCount }, (_, i) => ({
    id: `s${i}`,
    name: `Service ${i + 1}`,
    description: `Support number ${i + 1}, for young people who need it.${links ? ` See [our site](https://example.org/s${i}).` : ''}`,
    ages: { min: 11, max: 25 },
    helpsWith: [tag(i), tag(i + 3)],
    supportTypes: ['helpline', 'chat'],
    cost: 'free',
    access: 'self-referral',
    contact: [{ type: 'phone', number: `0800 ${String(100000 + i).slice(-6)}` }, { type: 'website', url: `https://example.org/s${i}` }],
    hours: 'Every day, 9am to 9pm',
  }));
  steps.push({ id: 'results', kind: 'outcome', title: 'Services that could help', limit: 5, alwaysInclude: ['s0'] });
  steps.push({ id: 'urgent', kind: 'urgent', title: 'Get help now', services: ['s0'], next: 'results' });
  return { formatVersion: 1, id: `generated-${stepCount}`, title: 'Generated flow', defaultLocale: 'en', steps, services };
}
