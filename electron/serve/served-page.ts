/** The bootstrap that gives the page `window.keymint` over HTTP (built from page/keymint-over-http.ts). */
export const PAGE_SCRIPT_PATH = '/keymint-api.js';

const META_CSP = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

export interface ServedPage {
  /** index.html as served: the app's own, with its CSP letting the page call back home and the bootstrap loaded first. */
  html: string;
  /** The Content-Security-Policy header sent with every response. */
  csp: string;
}

/**
 * The built index.html for the browser. Its CSP stays the app's, directive for directive,
 * except `connect-src`: the app's page talks to main over IPC and may connect nowhere
 * ('none'); the served page's API is fetch to its own origin ('self'). The header adds
 * `frame-ancestors 'none'`, which a <meta> cannot carry. The bootstrap is a classic script
 * placed before the app's module script, so `window.keymint` exists before the app runs.
 */
export function servedPage(indexHtml: string): ServedPage {
  const match = META_CSP.exec(indexHtml);
  if (!match) throw new Error('The built index.html has no Content-Security-Policy <meta>; refusing to serve it without one.');
  const directives = new Map<string, string>();
  for (const directive of match[1]!.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values.join(' '));
  }
  if (directives.get('default-src') !== "'self'") throw new Error("The app's CSP no longer has default-src 'self'; check served-page.ts before serving it.");
  directives.set('connect-src', "'self'");
  const text = (entries: Iterable<[string, string]>) => [...entries].map(([name, value]) => (value ? `${name} ${value}` : name)).join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${text(directives)}" />\n    <script src="${PAGE_SCRIPT_PATH}"></script>`;
  return {
    html: indexHtml.replace(META_CSP, () => meta),
    csp: text([...directives, ['frame-ancestors', "'none'"]]),
  };
}
