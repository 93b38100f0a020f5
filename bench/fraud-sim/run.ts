/**
 * bench/fraud-sim: a simulated day of orders, legitimate and fraudulent, through the real verifier; prints how
 * much of each attack the risk engine stopped and how many customers it stopped with it. See bench/README.md.
 */
import { toJson } from '../flow/run-helpers.js';
import { runBenchmark } from '../shared/entry-point.js';
import type { FraudSimCommand } from './options.js';
import { USAGE, parseFraudSimOptions } from './options.js';
import { actorsText, headerText, pumpingText, targetsText } from './report.js';
import { runFraudSimulation } from './simulation.js';

async function main(command: FraudSimCommand): Promise<number> {
  console.log(headerText({ options: command.simulation }));
  const figures = await runFraudSimulation(command.simulation, (progress) =>
    console.log(
      `  [${progress.elapsedSeconds.toFixed(0).padStart(4)} s] simulated hour ${progress.simulatedHours.toFixed(1).padStart(4)}, ` +
        `${progress.sendAttempts} send attempts`,
    ),
  );
  console.log(
    [
      '',
      `Simulated ${figures.simulatedHours.toFixed(1)} hours in ${figures.elapsedSeconds.toFixed(1)} s`,
      '',
      actorsText(figures),
      '',
      pumpingText(figures),
      '',
      targetsText(figures),
    ].join('\n'),
  );
  if (command.json) console.log(toJson(figures));
  const missed = figures.targets.filter((target) => !target.pass);
  if (missed.length > 0) {
    console.error(`\nFAILED: ${missed.map((target) => target.figure).join(', ')} missed the target.`);
    return 1;
  }
  return 0;
}

runBenchmark({ name: 'fraud-sim', usage: USAGE, parse: parseFraudSimOptions }, main);
