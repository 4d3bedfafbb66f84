import { runVaultBench } from './vault-bench';

await runVaultBench();
