import { boardBench } from './board-bench';
import { cliBench } from './cli-bench';
import { printResult, writeResults } from './results';
import { servedBench } from './served-bench';
import { tokenBench } from './token-bench';
import { vaultBench } from './vault-bench';

console.log('Keymint benchmarks: medians, each measure beside its baseline in this run\n');
const tokens = await tokenBench();
tokens.forEach(printResult);
const vault = await vaultBench();
vault.results.forEach(printResult);
vault.notes.forEach((note) => console.log(`\n${note}`));
const served = await servedBench();
served.results.forEach(printResult);
served.notes.forEach((note) => console.log(`\n${note}`));
const cli = await cliBench();
cli.results.forEach(printResult);
cli.notes.forEach((note) => console.log(`\n${note}`));
const board = await boardBench();
board.results.forEach(printResult);
board.notes.forEach((note) => console.log(`\n${note}`));
const path = writeResults(
  [...tokens, ...vault.results, ...served.results, ...cli.results, ...board.results],
  [...vault.notes, ...served.notes, ...cli.notes, ...board.notes],
);
console.log(`\nWritten to ${path}`);
