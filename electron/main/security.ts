import type { App, Session, WebContents } from 'electron';

/** True for our own page (any hash or query), false for everything else, unparsable included. */
export function isOurPage(pageUrl: string): (url: string) => boolean {
  const page = new URL(pageUrl);
  return (url) => {
    try {
      const target = new URL(url);
      return target.protocol === page.protocol && target.host === page.host && target.pathname === page.pathname;
    } catch {
      return false;
    }
  };
}

/**
 * Keeps a webContents on our page: no navigation or redirect elsewhere, no frame navigating at
 * all (our page has no frames; an injected one may not load anything), no new windows, no
 * <webview>. Applied to every webContents the app creates, so none can be missed.
 */
export function hardenWebContents(contents: WebContents, pageUrl: string): void {
  const allowed = isOurPage(pageUrl);
  const stayOnPage = (event: { preventDefault(): void }, url: string) => {
    if (!allowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnPage);
  contents.on('will-redirect', stayOnPage);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !allowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Keymint's page needs no browser permission (camera, notifications, clipboard read…) and never
 * downloads anything: refuse all, so a compromised page cannot write files or ask for access.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/**
 * Never present a client certificate. Since Electron 44 requests made with `net` (token requests)
 * reach 'select-client-certificate' too, and unhandled it picks the first matching certificate
 * from the OS store: a provider could then learn who the user is from a certificate they never
 * chose. Continuing without one keeps what Electron 39 did (the request fails if one is required).
 */
export function refuseClientCertificates(app: Pick<App, 'on'>): void {
  app.on('select-client-certificate', (event, _contents, _url, _list, callback) => {
    event.preventDefault();
    callback();
  });
}
