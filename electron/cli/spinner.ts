const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Quick answers show nothing: a spinner that flashes for 50 ms is noise. */
export const SPINNER_DELAY_MS = 300;

/**
 * Shows `label` with a spinner on stderr while `work` runs, once it has taken longer than
 * 300 ms, and only when stderr is a terminal: piped or captured output never holds it.
 */
export async function withSpinner<T>(stderr: NodeJS.WriteStream, label: string, work: Promise<T>): Promise<T> {
  if (!stderr.isTTY) return work;
  let frame = 0;
  let spinning: ReturnType<typeof setInterval> | undefined;
  const start = setTimeout(() => {
    spinning = setInterval(() => {
      stderr.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label}`);
    }, 80);
  }, SPINNER_DELAY_MS);
  try {
    return await work;
  } finally {
    clearTimeout(start);
    if (spinning) {
      clearInterval(spinning);
      // Erase the line: what follows on stderr starts clean.
      stderr.write('\r\u001b[2K');
    }
  }
}
