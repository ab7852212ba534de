/**
 * The urgent help the widget shows when it has no flow to go on — the flow failed to load or
 * is invalid — so a person is never left with an empty box. UK-wide numbers that have been
 * stable for years; a flow's own urgent step replaces them once it loads.
 */
import type { Service } from './schema.js';

export const DEFAULT_URGENT_SERVICES: readonly Service[] = [
  {
    id: 'emergency-999',
    name: 'Emergency services (999)',
    description: 'If someone is in danger or badly hurt, call 999 or go to A&E now.',
    supportTypes: ['emergency'],
    cost: 'free',
    contact: [{ type: 'phone', number: '999', label: 'Call 999' }],
  },
  {
    id: 'nhs-111',
    name: 'NHS 111',
    description: 'Urgent mental health help, any time: call 111 and choose the mental health option.',
    supportTypes: ['helpline'],
    cost: 'free',
    contact: [
      { type: 'phone', number: '111', label: 'Call 111' },
      { type: 'website', url: 'https://111.nhs.uk', label: 'NHS 111 online' },
    ],
  },
  {
    id: 'shout',
    name: 'Shout',
    description: 'Free, confidential text support, 24 hours a day.',
    supportTypes: ['text'],
    cost: 'free',
    contact: [{ type: 'sms', number: '85258', keyword: 'SHOUT', label: 'Text SHOUT to 85258' }],
  },
  {
    id: 'samaritans',
    name: 'Samaritans',
    description: 'Talk to someone about anything, 24 hours a day.',
    supportTypes: ['helpline'],
    cost: 'free',
    contact: [{ type: 'phone', number: '116 123', label: 'Call 116 123' }],
  },
  {
    id: 'childline',
    name: 'Childline',
    description: 'For anyone under 19: talk about anything.',
    supportTypes: ['helpline', 'chat'],
    cost: 'free',
    ages: { max: 18 },
    contact: [
      { type: 'phone', number: '0800 1111', label: 'Call 0800 1111' },
      { type: 'website', url: 'https://www.childline.org.uk', label: 'Childline website' },
    ],
  },
];
