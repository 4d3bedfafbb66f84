import { printResult, writeResults } from './results';
import { tokenBench } from './token-bench';
import { vaultBench } from './vault-bench';

console.log('Keymint benchmarks: medians, each measure beside its baseline in this run\n');
const tokens = await tokenBench();
tokens.forEach(printResult);
const vault = await vaultBench();
vault.results.forEach(printResult);
vault.notes.forEach((note) => console.log(`\n${note}`));
const path = writeResults([...tokens, ...vault.results], vault.notes);
console.log(`\nWritten to ${path}`);
