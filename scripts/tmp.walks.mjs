export default function run(walk) {
  const U = 'uk-young-people', X = 'exampleshire';
  // UK: who, age, worries, risk, how-long, gp, nation, support-type, free-only
  walk(U, 'me, 15, anxious+school, no risk, weeks, gp=no, England, skip type, skip free', ['me', '15', ['anxious', 'school'], 'no', 'weeks', 'no', 'england', 'SKIP', 'SKIP']);
  walk(U, 'me, 12 (younger-info), low+bullying, no, days, gp skipped, Wales, chat+helpline, free yes', ['me', '12', ['low', 'bullying'], 'no', 'days', 'SKIP', 'wales', ['chat', 'helpline'], 'yes']);
  walk(U, 'me, 17, someone-died (bereavement-info), no, months, gp yes, Scotland, online, no', ['me', '17', ['someone-died'], 'no', 'months', 'yes', 'scotland', ['online'], 'no']);
  walk(U, 'me, 20, eating+identity, no, months, gp no, NI, skip, skip', ['me', '20', ['eating', 'identity'], 'no', 'months', 'no', 'northern-ireland', 'SKIP', 'SKIP']);
  walk(U, 'me, 16, none, no, not-sure, skip, skip, skip, skip', ['me', '16', ['none'], 'no', 'not-sure', 'SKIP', 'SKIP', 'SKIP', 'SKIP']);
  walk(U, 'me, 28, low, no, months, no, england, skip, skip', ['me', '28', ['low'], 'no', 'months', 'no', 'england', 'SKIP', 'SKIP']);
  walk(U, 'me, 14, anxious, RISK yes', ['me', '14', ['anxious'], 'yes']);
  walk(U, 'me, 14, anxious + hurt-myself (urgent option)', ['me', '14', ['anxious', 'hurt-myself']]);
  walk(U, 'parent, 9, anxious+sleep, no, months, gp no (gp-info), england, skip, skip', ['parent', '9', ['anxious', 'sleep'], 'no', 'months', 'no', 'england', 'SKIP', 'SKIP']);
  walk(U, 'parent, 14, someone-died, no, weeks, yes, england, online, yes', ['parent', '14', ['someone-died'], 'no', 'weeks', 'yes', 'england', ['online'], 'yes']);
  walk(U, 'parent, 15, eating, no, days, skip, skip, helpline, skip', ['parent', '15', ['eating'], 'no', 'days', 'SKIP', 'SKIP', ['helpline'], 'SKIP']);
  walk(U, 'parent, 13, RISK yes', ['parent', '13', ['low'], 'yes']);
  walk(U, 'professional, 16, bullying+family, no, weeks, no, england, skip, skip', ['professional', '16', ['bullying', 'family'], 'no', 'weeks', 'no', 'england', 'SKIP', 'SKIP']);
  walk(U, 'professional, 17, hurt-myself', ['professional', '17', ['hurt-myself']]);
  walk(U, 'me, 15, anxious, no, weeks, no, england, ONLY text', ['me', '15', ['anxious'], 'no', 'weeks', 'no', 'england', ['text'], 'SKIP']);
  walk(U, 'me, 21, anxious, no, weeks, no, england, ONLY email', ['me', '21', ['anxious'], 'no', 'weeks', 'no', 'england', ['email'], 'SKIP']);
  walk(U, 'parent, 10, none, no, not-sure, skip, NI, online, skip', ['parent', '10', ['none'], 'no', 'not-sure', 'SKIP', 'northern-ireland', ['online'], 'SKIP']);

  // Exampleshire: area, age, worries, risk, how-soon, how-long, support-type, free-only
  walk(X, 'exampleton, 15, anxious+school, no, soon, weeks, skip, skip', ['exampleton', '15', ['anxious', 'school'], 'no', 'soon', 'weeks', 'SKIP', 'SKIP']);
  walk(X, 'the-vale, 14, someone-died, no, no-rush, months, skip, skip', ['the-vale', '14', ['someone-died'], 'no', 'no-rush', 'months', 'SKIP', 'SKIP']);
  walk(X, 'north, 16, lonely+identity, no, soon, not-sure, group, yes', ['north-exampleshire', '16', ['lonely', 'identity'], 'no', 'soon', 'not-sure', ['group'], 'yes']);
  walk(X, 'riverside, 19, low+relationships, no, soon, months, counselling, free yes', ['riverside', '19', ['low', 'relationships'], 'no', 'soon', 'months', ['counselling'], 'yes']);
  walk(X, 'riverside, 19, low+relationships, no, soon, months, counselling, free no', ['riverside', '19', ['low', 'relationships'], 'no', 'soon', 'months', ['counselling'], 'no']);
  walk(X, 'south-downs, 12, eating, no, soon, months, skip, skip', ['south-downs', '12', ['eating'], 'no', 'soon', 'months', 'SKIP', 'SKIP']);
  walk(X, 'exampleton, 9, anxious, no, soon, days, skip, skip', ['exampleton', '9', ['anxious'], 'no', 'soon', 'days', 'SKIP', 'SKIP']);
  walk(X, 'the-vale, 17, none, no, no-rush, not-sure, skip, skip', ['the-vale', '17', ['none'], 'no', 'no-rush', 'not-sure', 'SKIP', 'SKIP']);
  walk(X, 'outside, 16, anxious, no, soon, weeks, skip, skip -> national', ['outside', '16', ['anxious'], 'no', 'soon', 'weeks', 'SKIP', 'SKIP']);
  walk(X, 'exampleton, 27, low -> national', ['exampleton', '27', ['low'], 'no', 'soon', 'weeks', 'SKIP', 'SKIP']);
  walk(X, 'riverside, 15, RISK yes', ['riverside', '15', ['low'], 'yes']);
  walk(X, 'riverside, 15, hurt-myself', ['riverside', '15', ['hurt-myself', 'low']]);
  walk(X, 'exampleton, 15, how-soon today', ['exampleton', '15', ['anxious'], 'no', 'today']);
  walk(X, 'the-vale, 22, anxious, group only (edge case)', ['the-vale', '22', ['anxious'], 'no', 'soon', 'weeks', ['group'], 'SKIP']);
  walk(X, 'exampleton, 15, none+anxious refused (exclusive)', ['exampleton', '15', ['none', 'anxious']]);
}
