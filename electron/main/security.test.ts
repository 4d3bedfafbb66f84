import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, isOurPage, refuseClientCertificates } from './security';

const PAGE = 'file:///opt/keymint/dist/renderer/index.html';

function fakeContents() {
  const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
  hardenWebContents(contents as unknown as WebContents, PAGE);
  const emit = (name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn() };
    contents.emit(name, event, ...args);
    return event.preventDefault;
  };
  return { contents, emit };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect'])('%s: stays on our page, refuses anything else', (name) => {
    const { emit } = fakeContents();
    expect(emit(name, 'https://evil.example/phish')).toHaveBeenCalled();
    expect(emit(name, 'file:///opt/keymint/dist/renderer/other.html')).toHaveBeenCalled();
    expect(emit(name, 'file:///etc/passwd')).toHaveBeenCalled();
    expect(emit(name, 'not a url')).toHaveBeenCalled();
    expect(emit(name, `${PAGE}#/providers`)).not.toHaveBeenCalled();
  });

  it('will-frame-navigate: lets the main frame stay on our page, refuses every other frame navigation', () => {
    const { contents } = fakeContents();
    const navigate = (url: string, isMainFrame: boolean) => {
      const event = { url, isMainFrame, preventDefault: vi.fn() };
      contents.emit('will-frame-navigate', event);
      return event.preventDefault;
    };
    expect(navigate('https://evil.example/phish', true)).toHaveBeenCalled();
    expect(navigate('https://evil.example/frame', false)).toHaveBeenCalled();
    expect(navigate(PAGE, false)).toHaveBeenCalled();
    expect(navigate('about:blank', false)).toHaveBeenCalled();
    expect(navigate(`${PAGE}#/providers`, true)).not.toHaveBeenCalled();
  });

  it('denies every window.open and target=_blank', () => {
    const { contents } = fakeContents();
    const [handler] = contents.setWindowOpenHandler.mock.calls[0]!;
    expect(handler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(handler({ url: PAGE })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a <webview>', () => {
    const { emit } = fakeContents();
    expect(emit('will-attach-webview', {}, {})).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  const fakeSession = () => Object.assign(new EventEmitter(), { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() });

  it('denies every permission request and check', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    const [request] = session.setPermissionRequestHandler.mock.calls[0]!;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    const [check] = session.setPermissionCheckHandler.mock.calls[0]!;
    expect(check({}, 'clipboard-read', 'file:///', {})).toBe(false);
  });

  it('cancels every download before it starts', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    const event = { preventDefault: vi.fn() };
    session.emit('will-download', event, { getURL: () => 'https://evil.example/payload.sh' }, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('refuseClientCertificates', () => {
  it('continues without a certificate instead of letting Electron pick one (net requests have no webContents)', () => {
    const app = new EventEmitter();
    refuseClientCertificates(app as never);
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    app.emit('select-client-certificate', event, null, 'https://provider.example/token', [{ subjectName: 'me' }], callback);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(callback).toHaveBeenCalledExactlyOnceWith();
  });
});

describe('isOurPage', () => {
  it('ignores hash and query but not host or path', () => {
    const ours = isOurPage('file:///app/index.html');
    expect(ours('file:///app/index.html?x=1#y')).toBe(true);
    expect(ours('file://evil/app/index.html')).toBe(false);
    expect(ours('file:///app/index.htm')).toBe(false);
  });
});

describe('renderer page', () => {
  it("declares a Content-Security-Policy with default-src 'self'", () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, 'CSP meta tag').not.toBeNull();
    expect(meta![1]!.split(';').map((directive) => directive.trim())).toContain("default-src 'self'");
  });
});
