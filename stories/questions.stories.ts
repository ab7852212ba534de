/**
 * Every kind of question, as a person reaches it in stories/flows/questions.json, with and
 * without its error, and with the wording for someone else (third person).
 */
import type { Meta } from '@storybook/web-components-vite';
import { QUESTIONS, SKIP, UK, continueWithoutAnswer, flowArgType, renderFinder, walk, type Args, type Story } from './support.js';

const meta: Meta<Args> = {
  title: 'Steps/Question',
  component: 'support-finder',
  args: { flow: QUESTIONS },
  argTypes: { flow: flowArgType },
  render: renderFinder,
};
export default meta;

const problem = 'There is a problem';
const toAge = ['me'];
const toWorries = [...toAge, '14'];
const toRisk = [...toWorries, ['anxious']];
const toArea = [...toRisk, 'no'];
const toHow = [...toArea, 'north'];

/** The first step: radios, with a hint for the question and one for an option. */
export const SingleChoice: Story = {
  name: 'Single choice, with hints',
  play: walk({ heading: 'Who is this for?' }),
};

/**
 * Continue pressed with no answer: the error summary (focused) and the message on the field,
 * naming the question (built from its words, as the flow sets no errorMessage here).
 */
export const SingleChoiceError: Story = {
  name: 'Single choice: error',
  play: walk({ heading: 'Who is this for?', then: continueWithoutAnswer, shows: 'Select an answer to “Who is this for?”' }),
};

/** The flow's own words for the error (errorMessage), GOV.UK style, on the UK flow's first question. */
export const NamedErrorFromFlow: Story = {
  name: 'Single choice: error in the flow’s own words',
  args: { flow: UK },
  play: walk({ heading: 'Who are you looking for support for?', then: continueWithoutAnswer, shows: 'Select who you are looking for support for' }),
};

/** A number, typed in a text field with a numeric keyboard (the age question). */
export const NumberQuestion: Story = {
  name: 'Number',
  play: walk({ answers: toAge, heading: 'How old are you?' }),
};

export const NumberError: Story = {
  name: 'Number: error (no answer)',
  play: walk({ answers: toAge, heading: 'How old are you?', then: continueWithoutAnswer, shows: problem }),
};

/** What was typed is kept, with a message saying what to enter. */
export const NumberNotWhole: Story = {
  name: 'Number: error (not a whole number)',
  play: walk({ answers: [...toAge, 'ten'], heading: 'How old are you?', shows: problem }),
};

/**
 * An age outside the question's range, where the flow has no page of its own: the finder's page
 * about who it is for, with Change your answer and See all services, never a bare error.
 */
export const NumberOutOfRange: Story = {
  name: 'Age outside the range: who the finder is for',
  play: walk({ answers: [...toAge, '3'], heading: 'This finder is for people aged 5 to 25', shows: 'Change your answer' }),
};

/** The UK flow's own page for ages outside 5 to 30 (outOfRange), after typing 31. */
export const NumberOutOfRangeFlowPage: Story = {
  name: 'Age outside the range: the flow’s own page',
  args: { flow: UK },
  play: walk({ answers: ['me', '31'], heading: 'This finder is for 5 to 30 year olds' }),
};

/** A select question with 4 options, shown as radios (the UK flow's “How long”), not a drop-down. */
export const SelectAsRadios: Story = {
  name: 'Select with few options: radios',
  args: { flow: UK },
  play: walk({ answers: ['me', '15', ['anxious'], 'no'], heading: 'How long have you felt like this?' }),
};

/** Checkboxes, an option hint, and an exclusive “None of these” after an “or”. */
export const MultipleChoice: Story = {
  name: 'Multiple choice',
  play: walk({ answers: toWorries, heading: 'What is worrying you?' }),
};

export const MultipleChoiceError: Story = {
  name: 'Multiple choice: error',
  play: walk({ answers: toWorries, heading: 'What is worrying you?', then: continueWithoutAnswer, shows: problem }),
};

/** Two radios; “Yes” here leads straight to urgent help. */
export const YesNo: Story = {
  name: 'Yes/no',
  play: walk({ answers: toRisk, heading: 'Are you thinking about hurting yourself?' }),
};

export const YesNoError: Story = {
  name: 'Yes/no: error',
  play: walk({ answers: toRisk, heading: 'Are you thinking about hurting yourself?', then: continueWithoutAnswer, shows: problem }),
};

/** A choice from a list (select), with a hint. */
export const Select: Story = {
  name: 'Select (list)',
  play: walk({ answers: toArea, heading: 'Where do you live?' }),
};

export const SelectError: Story = {
  name: 'Select: error',
  play: walk({ answers: toArea, heading: 'Where do you live?', then: continueWithoutAnswer, shows: problem }),
};

/** An optional question: the secondary button with the flow's own skip label. */
export const Optional: Story = {
  name: 'Optional, with skip label',
  play: walk({ answers: toHow, heading: 'How would you like to get support?', shows: 'Prefer not to say' }),
};

/** After “Someone I care for”, questions and hints speak of “they”. */
export const ThirdPersonNumber: Story = {
  name: 'Third person: number',
  play: walk({ answers: ['someone-else'], heading: 'How old are they?', shows: 'Their age in years' }),
};

export const ThirdPersonMultiple: Story = {
  name: 'Third person: multiple choice',
  play: walk({ answers: ['someone-else', '14'], heading: 'What is worrying them?' }),
};

export const ThirdPersonYesNo: Story = {
  name: 'Third person: yes/no',
  play: walk({ answers: ['someone-else', '14', ['low']], heading: 'Are they thinking about hurting themselves?' }),
};

/** Back to a question already answered: the earlier answer is still chosen. */
export const AnsweredBefore: Story = {
  name: 'Back to an answered question',
  play: walk({
    answers: [...toHow, SKIP],
    heading: 'How would you like to get support?',
    then: async (el) => {
      el.shadowRoot?.querySelector<HTMLElement>('.back')?.click();
      await el.updateComplete;
    },
  }),
};
