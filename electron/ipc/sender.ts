/** Who sent an IPC message: the frame's URL and whether it is the window's main frame. */
export interface IpcSender {
  url: string;
  isMainFrame: boolean;
}

/** Only our own page, in the main frame, may call main: an iframe or a navigated page may not. */
export function trustOnly(pageUrl: string): (sender: IpcSender) => boolean {
  const trusted = new URL(pageUrl);
  return (sender) => {
    if (!sender.isMainFrame) return false;
    try {
      const url = new URL(sender.url);
      if (trusted.protocol === 'file:') return url.protocol === 'file:' && url.host === trusted.host && url.pathname === trusted.pathname;
      return url.origin === trusted.origin;
    } catch {
      return false;
    }
  };
}
