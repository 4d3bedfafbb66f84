import { watch, type FSWatcher } from 'node:fs';

export interface FolderWatchOptions {
  /** Quiet time after the last file event before checking (one write is several events); default 30 ms. */
  readonly debounceMs?: number;
  /** Checks this often whatever the events say; default 2 s. */
  readonly pollMs?: number;
}

/**
 * Calls `check` shortly after a file named in `names` changes in `dir`, and on a slow poll as
 * well: fs.watch is silent on some network and virtual filesystems, and fails outright where
 * the platform has no watcher. `check` decides whether anything really changed (a version
 * check), so spurious events cost a stat. Never keeps the process alive. Returns a stop.
 */
export function watchFolder(dir: string, names: readonly string[], check: () => void, options: FolderWatchOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 30;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(debounce);
    debounce = setTimeout(check, debounceMs);
    debounce.unref?.();
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      // Some platforms give no name; then any event may be ours.
      if (name === null || names.includes(name.toString())) soon();
    });
    // The folder went away or the watch broke: the poll carries on alone.
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = undefined;
  }
  const poll = setInterval(check, options.pollMs ?? 2_000);
  poll.unref?.();

  return () => {
    watcher?.close();
    clearInterval(poll);
    clearTimeout(debounce);
  };
}
