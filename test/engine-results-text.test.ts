import { expect } from '@open-wc/testing';
import { MAILTO_LIMIT, TEXT_MESSAGE_LIMIT, keptServices, mailtoFits, mailtoHref, matchServices, plainMarkup, resolveText, resultsText, type ContactWords, type OutcomeStep, type Service, type Text } from '../src/engine/index.js';
import { loadValidFlow } from './support.js';

const words: ContactWords = {
  phone: (n) => `Phone ${n}`,
  sms: (n, keyword) => (keyword ? `Text ${keyword} to ${n}` : `Text ${n}`),
  website: (url) => `Website ${url}`,
  email: (address) => `Email ${address}`,
};

const text = (t: Text | undefined) => resolveText(t, { locale: 'cy', defaultLocale: 'en' });

const services: Service[] = [
  {
    id: 'shout',
    name: 'Shout',
    description: 'Text **any time**, day or night. See [their site](https://giveusashout.org).',
    hours: '24 hours a day',
    contact: [
      { type: 'sms', number: '85258', keyword: 'SHOUT' },
      { type: 'website', url: 'https://giveusashout.org', label: 'Shout website' },
    ],
  },
  {
    id: 'talk',
    name: { en: 'Talkline', cy: 'Llinell siarad' },
    description: 'Ways to reach us:\n\n- by phone\n- by email',
    contact: [
      { type: 'phone', number: '0800 1111', label: 'Call free' },
      { type: 'email', address: 'talk@example.org' },
      { type: 'sms', number: '07700 900000' },
      { type: 'address', text: '1 High Street, North Town' },
    ],
  },
];

describe('engine: results as plain text', () => {
  it('writes the title, then each service with its contacts written out, not their labels', () => {
    expect(resultsText('Services that could help', services, text, words)).to.equal(
      [
        'Services that could help',
        '',
        'Shout',
        'Text any time, day or night. See their site (https://giveusashout.org).',
        '24 hours a day',
        'Text SHOUT to 85258',
        'Website https://giveusashout.org',
        '',
        'Llinell siarad',
        'Ways to reach us:',
        '- by phone',
        '- by email',
        'Phone 0800 1111',
        'Email talk@example.org',
        'Text 07700 900000',
        '1 High Street, North Town',
      ].join('\n')
    );
  });

  it('leaves out what a service does not have, and copes with no services', () => {
    const bare: Service = { id: 'bare', name: 'Bare', description: '', contact: [] };
    expect(resultsText('Results', [bare], text, words)).to.equal('Results\n\nBare');
    expect(resultsText('Results', [], text, words)).to.equal('Results');
  });

  it('turns markup into plain lines: numbered lists, and links whose words are their address', () => {
    expect(plainMarkup('1. First\n2. Then [https://a.example](https://a.example)')).to.equal('1. First\n2. Then https://a.example');
    expect(plainMarkup('Bad [link](javascript:alert(1)) stays words')).to.equal('Bad link stays words');
  });
});

describe('engine: mailto link for the results', () => {
  const decode = (href: string) => {
    const url = new URL(href);
    expect(url.protocol).to.equal('mailto:');
    expect(url.pathname).to.equal('');
    const params = new URLSearchParams(url.search);
    return { subject: params.get('subject'), body: params.get('body')?.replace(/\r\n/g, '\n') };
  };

  it('encodes subject and body so they decode exactly, with CRLF line breaks', () => {
    const body = 'A & B = 100%?\nLine two #3 + more\n“quotes” and émoji 🙂';
    const href = mailtoHref('Help & support', body);
    expect(href).to.not.include(' ');
    expect(href).to.include('%0D%0A');
    expect(href).to.not.include('+');
    expect(decode(href)).to.deep.equal({ subject: 'Help & support', body });
  });

  it('cuts a long body at the end of a line so the link stays under the cap', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Service ${i} — phone 0800 ${1000 + i}`);
    const body = lines.join('\n');
    const href = mailtoHref('Results', body, 2000);
    expect(href.length).to.be.at.most(2000);
    const kept = decode(href).body ?? '';
    expect(kept.endsWith('\n…')).to.equal(true);
    const keptLines = kept.slice(0, -2).split('\n');
    expect(keptLines.length).to.be.greaterThan(10);
    expect(keptLines).to.deep.equal(lines.slice(0, keptLines.length));
  });

  it('never splits a character that is two UTF-16 units, even with no line to cut at', () => {
    const body = '🙂'.repeat(1000);
    const href = mailtoHref('Results', body, 500);
    expect(href.length).to.be.at.most(500);
    const kept = decode(href).body ?? '';
    expect(kept.endsWith('\n…')).to.equal(true);
    expect(/^(🙂)+$/u.test(kept.slice(0, -2))).to.equal(true);
  });
});

describe('engine: kept results fit each channel without losing a service', () => {
  /** Many services with long descriptions and hours, each with a phone number. */
  const many = (count: number): Service[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `s${i}`,
      name: `Service ${i}`,
      description: `A long description of service ${i}, `.repeat(12).trim(),
      hours: 'Monday to Friday, 9am to 5pm, and Saturday mornings',
      contact: [{ type: 'phone', number: `0800 ${1000 + i}` }],
    }));
  const plain = (t: Text | undefined) => resolveText(t, { locale: 'en', defaultLocale: 'en' });
  const everyServiceIn = (kept: string, list: Service[]) => {
    for (const s of list) {
      expect(kept, s.name as string).to.include(`${s.name}\n`);
      expect(kept, s.name as string).to.include(`Phone ${(s.contact[0] as { number: string }).number}`);
    }
  };

  it('shortens descriptions (with "…") to fit a text message, keeping every service', () => {
    const list = many(6);
    const full = resultsText('Finder', list, plain, words);
    expect(full.length).to.be.greaterThan(TEXT_MESSAGE_LIMIT);
    const kept = resultsText('Finder', list, plain, words, (t) => t.length <= TEXT_MESSAGE_LIMIT);
    expect(kept.length).to.be.at.most(TEXT_MESSAGE_LIMIT);
    expect(kept).to.include('…');
    expect(kept).to.include('Monday to Friday');
    everyServiceIn(kept, list);
  });

  it('drops descriptions, then hours, before it would drop a service', () => {
    const list = many(16);
    const kept = resultsText('Finder', list, plain, words, (t) => t.length <= TEXT_MESSAGE_LIMIT);
    expect(kept.length).to.be.at.most(TEXT_MESSAGE_LIMIT);
    expect(kept).to.not.include('long description');
    expect(kept).to.not.include('Monday to Friday');
    everyServiceIn(kept, list);
  });

  it('fits a mailto: link at its limit, with every service and no cut', () => {
    const list = many(14);
    const kept = resultsText('Finder', list, plain, words, (t) => mailtoFits('Finder', t));
    const href = mailtoHref('Finder', kept);
    expect(href.length).to.be.at.most(MAILTO_LIMIT);
    expect(href.endsWith('%E2%80%A6')).to.equal(false);
    everyServiceIn(kept, list);
  });

  it('keeps the text whole when it fits', () => {
    const list = many(1);
    expect(resultsText('Finder', list, plain, words, (t) => t.length <= TEXT_MESSAGE_LIMIT)).to.equal(resultsText('Finder', list, plain, words));
  });

  it('lists the urgent contacts, then the always-shown ones, then the matches, each once', async () => {
    const flow = await loadValidFlow('/test/flows/basic.json');
    const results = flow.steps.find((s) => s.id === 'results') as OutcomeStep;
    const result = matchServices(flow, results, { who: 'me', age: 14, feelings: ['anxious'], safe: 'no', area: 'north', how: [], free: 'no' });
    expect(result.matches.length).to.be.greaterThan(0);
    const ids = keptServices(flow, result).map((s) => s.id);
    expect(ids.slice(0, 3)).to.deep.equal(['emergency', 'textline', 'talkline']);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const m of result.matches) expect(ids).to.include(m.service.id);
  });
});
