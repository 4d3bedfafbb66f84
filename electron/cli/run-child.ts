import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { CliError, EXIT } from './exit-codes';

/** Signals a terminal or a supervisor sends that the child must get too. */
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Runs a command with stdio inherited and resolves with what the shell should see: its exit
 * code, or 128 + the signal that ended it (after this process re-raised that signal on itself,
 * so that a parent sees "killed by SIGINT" as it would without Keymint in between). Signals sent
 * to Keymint go on to the command, like aws-vault exec and op run.
 */
export function runChild(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    const forwarders = FORWARDED.map((signal) => {
      const forward = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      };
      process.on(signal, forward);
      return () => process.off(signal, forward);
    });
    const stopForwarding = () => forwarders.forEach((stop) => stop());
    child.once('error', (error: NodeJS.ErrnoException) => {
      stopForwarding();
      if (error.code === 'ENOENT') reject(new CliError(EXIT.commandNotFound, `${command}: command not found.`));
      else if (error.code === 'EACCES') reject(new CliError(EXIT.notExecutable, `${command}: permission denied.`));
      else reject(error);
    });
    child.once('exit', (code, signal) => {
      stopForwarding();
      if (signal) {
        // Ended by a signal: end the same way (nothing of ours handles it any more); the code
        // is what is left should the signal not end this process.
        process.kill(process.pid, signal);
        setTimeout(() => resolve(128 + (constants.signals[signal] ?? 0)), 200);
        return;
      }
      resolve(code ?? EXIT.failed);
    });
  });
}
