/**
 * bench/fraud-sim: a simulated day of orders, legitimate and fraudulent, through the real verifier, three times:
 * every risk rule off (the baseline), the default rules, the default rules with a captcha. Prints how much of each
 * attack each stopped and how many customers it stopped with it. See bench/README.md.
 */
import { toJson } from '../flow/run-helpers.js';
import { runBenchmark } from '../shared/entry-point.js';
import { RUNS, runComparison } from './comparison.js';
import type { FraudSimCommand } from './options.js';
import { USAGE, parseFraudSimOptions } from './options.js';
import { actorsText, comparisonText, headerText, pumpingText, targetsText } from './report.js';

async function main(command: FraudSimCommand): Promise<number> {
  console.log(headerText({ options: command.simulation }));
  const started = performance.now();
  const comparison = await runComparison(command.simulation, (run, progress) =>
    console.log(
      `  [${run.padEnd(8)} ${progress.elapsedSeconds.toFixed(0).padStart(4)} s] simulated hour ` +
        `${progress.simulatedHours.toFixed(1).padStart(4)}, ${progress.sendAttempts} send attempts`,
    ),
  );
  for (const run of RUNS) {
    const figures = comparison[run.name];
    console.log(
      [
        '',
        `=== ${run.label}: simulated ${figures.simulatedHours.toFixed(1)} hours in ${figures.elapsedSeconds.toFixed(1)} s`,
        '',
        actorsText(figures),
        '',
        pumpingText(figures),
      ].join('\n'),
    );
  }
  console.log(
    [
      '',
      `=== The same day, three runs (${((performance.now() - started) / 1000).toFixed(1)} s in all)`,
      comparisonText(comparison),
      '',
      "=== Issue 8's targets, on the default rules (no captcha)",
      targetsText(comparison.defaults),
    ].join('\n'),
  );
  if (command.json) console.log(toJson(comparison));
  const missed = comparison.defaults.targets.filter((target) => !target.pass);
  if (missed.length > 0) {
    console.error(`\nFAILED: ${missed.map((target) => target.figure).join(', ')} missed the target.`);
    return 1;
  }
  return 0;
}

runBenchmark({ name: 'fraud-sim', usage: USAGE, parse: parseFraudSimOptions }, main);
