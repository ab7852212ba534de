import { expect } from '@open-wc/testing';
import { mailtoHref, plainMarkup, resolveText, resultsText, type ContactWords, type Service, type Text } from '../src/engine/index.js';

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
