import { table } from '../flow/report.js';
import type { Comparison } from './comparison.js';
import { COMPARED, RUNS } from './comparison.js';
import type { Figures } from './figures.js';
import { ACTORS } from './ledger.js';
import { SIMULATION_START } from './simulation.js';

const percent = (value: number) => `${(value * 100).toFixed(2)} %`;
const reasons = (byReason: Record<string, number>) =>
  Object.entries(byReason)
    .sort(([, a], [, b]) => b - a)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ') || '-';

/** Every actor's attempts, what went out (answers and dev inbox), what was refused and by which rule. */
export function actorsText(figures: Figures): string {
  const rows = [
    ['actor', 'send attempts', 'sent', 'in dev inbox', 'refused', 'refused %', 'first rule of each refusal'],
  ];
  for (const actor of ACTORS) {
    const entry = figures.actors[actor];
    rows.push([
      actor,
      String(entry.attempts),
      String(entry.sent),
      String(entry.inboxMessages),
      String(entry.blocked),
      percent(entry.blockedShare),
      reasons(entry.byReason),
    ]);
  }
  const dryRuns = ACTORS.map((actor) => `  ${actor}: ${reasons(figures.actors[actor].dryRunHits)}`);
  const others = ACTORS.flatMap((actor) =>
    Object.entries(figures.actors[actor].otherAnswers).map(([answer, count]) => `${actor}: ${answer} x${count}`),
  );
  const customers = figures.legitCustomers;
  const ofCustomers = (count: number) => `${count} (${percent(customers.asked === 0 ? 0 : count / customers.asked)})`;
  return [
    'Send attempts by actor (a number refused at session creation counts as an attempt; "sent" from the answers, ' +
      '"in dev inbox" the codes that arrived for the actor\'s numbers)',
    table(rows, 1),
    `  legitimate customers stepped up by the shop after a SIM change: ${figures.legitStepUps} (their next send went out, not counted as refused)`,
    `  legitimate customers who asked for a code: ${customers.asked}; challenged by the captcha (and solved it): ` +
      `${ofCustomers(customers.captchaChallenged)}; refused once or more: ${ofCustomers(customers.refused)}`,
    `  legitimate sessions verified: ${figures.legitVerified}`,
    ...figures.legitRefusals.map(
      (refusal) =>
        `  customer refused: prefix ${refusal.prefix} at hour ${hoursIn(refusal.at)} by ${refusal.reasons.join(', ')}` +
        (refusal.attackedPrefix ? ' (a prefix an attacker used too)' : ''),
    ),
    'Dry-run hits (reported, not enforced; a captcha rule is reported so while the brand has no captcha), by actor:',
    ...dryRuns,
    "Other answers (clients' own mistakes: typos, cooldowns, wrong codes; and refusals after the send):",
    ...others.map((line) => `  ${line}`),
  ].join('\n');
}

export function pumpingText(figures: Figures): string {
  const { pumping, pumpingSpread, bruteForce } = figures;
  const money = (value: number) => `${value.toFixed(2)} ${figures.currency}`;
  const cost = (run: Figures['pumpingSpread']) =>
    `money saved ${money(run.moneySaved)} (blocked segments x price table), lost ${money(run.moneyLost)}` +
    (run.segmentsEstimated > 0 ? ` (${run.segmentsEstimated} attempts without a segment count: 1 assumed)` : '');
  const blocks = figures.lowConversionBlocks.map(
    (block) => `  ${block.subject} at hour ${hoursIn(block.at)}: ${block.verified} of ${block.sends} sends verified`,
  );
  return [
    `Sequential pumping: ${percent(pumping.blockedShare)} of sends blocked; codes that went out: ${pumping.sentTo.premium} to the premium range, ${pumping.sentTo.mobile} to the mobile range`,
    `  ${cost(pumping)}`,
    `Spread pumping (1-2 numbers per number block, no target: where the defence ends): ${percent(pumpingSpread.blockedShare)} of sends blocked, ${pumpingSpread.sent} went out`,
    `  ${cost(pumpingSpread)}`,
    `Brute force: ${bruteForce.guesses} codes guessed, ${bruteForce.liveGuesses} of them at a live code; expected successes by chance ` +
      `${bruteForce.liveGuesses} x 10^-${bruteForce.codeLength} = ${bruteForce.expectedSuccesses.toPrecision(2)}; successes ${figures.bruteForceSuccesses}`,
    `All attacks: ${percent(figures.attackBlockedShare)} of send attempts sent no code`,
    `Low-conversion blocks started: ${figures.lowConversionBlocks.length}`,
    ...blocks,
  ].join('\n');
}

/** The runs side by side, each figure's ratio to the baseline beside it. */
export function comparisonText(comparison: Comparison): string {
  const currency = comparison.defaults.currency;
  const [baseline, ...others] = RUNS;
  const rows = [['figure', ...RUNS.map((run) => run.label), ...others.map((run) => `${run.name}/baseline`)]];
  for (const row of COMPARED) {
    const base = row.value(comparison[baseline.name]);
    const shown = (value: number) =>
      row.unit === 'share' ? percent(value) : row.unit === 'money' ? `${value.toFixed(2)} ${currency}` : String(value);
    rows.push([
      row.figure,
      ...RUNS.map((run) => shown(row.value(comparison[run.name]))),
      ...others.map((run) => (base === 0 ? '-' : `${(row.value(comparison[run.name]) / base).toFixed(3)}`)),
    ]);
  }
  return table(rows, 1);
}

export function targetsText(figures: Figures): string {
  const rows = [['figure', 'value', 'target', 'result']];
  for (const target of figures.targets)
    rows.push([target.figure, target.value, target.target, target.pass ? 'PASS' : 'FAIL']);
  return table(rows, 2);
}

export function headerText(figures: Pick<Figures, 'options'>): string {
  const { options } = figures;
  return (
    `otp-verify fraud simulation: --legit ${options.legit} --pumping ${options.pumping} ` +
    `--pumping-spread ${options.pumpingSpread} --brute-force ${options.bruteForce} ` +
    `--sim-swap ${options.simSwap} --enumeration ${options.enumeration} --seed ${options.seed}`
  );
}

/** Simulated hours since the day began, one decimal. */
function hoursIn(at: number): string {
  return ((at - SIMULATION_START) / 3_600_000).toFixed(1);
}
