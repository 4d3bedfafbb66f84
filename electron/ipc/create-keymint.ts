import { events as eventSchemas } from '../../shared/ipc/contract';
import { createKeymintCore, type KeymintCore, type KeymintPorts } from '../core';
import { channelHandlers, type HostTraits } from './channel-handlers';
import { sendCoreChange, type EventSink } from './core-events';
import { createRouter, type IpcRouter } from './router';
import type { IpcSender } from './sender';

export type { EventSink, HostTraits };

/** The core with its IPC face: what a host that serves the page (the app, the served host) composes. */
export interface Keymint {
  readonly core: KeymintCore;
  router(isTrustedSender: (sender: IpcSender) => boolean): IpcRouter;
  /** Where pushed events go (the window's webContents, or the served page's event stream). */
  setEventSink(sink: EventSink | undefined): void;
  /** Pushes a host's own event (e.g. the global shortcut's `ui:open-palette`) to the page, parsed like the core's. */
  send: EventSink;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export function createKeymint(ports: KeymintPorts, host: HostTraits = {}): Keymint {
  const core = createKeymintCore(ports);
  const handlers = channelHandlers(core, host);
  let sink: EventSink | undefined;
  core.subscribe((change) => {
    if (sink) sendCoreChange(core, change, sink, host);
  });
  return {
    core,
    router: (isTrustedSender) => createRouter({ handlers, isTrustedSender, redact: (text) => core.redact(text), log: ports.log }),
    setEventSink: (next) => {
      // Parsed like handler outputs: zod keeps only the fields the contract names.
      sink = next && ((event, payload) => {
        const parsed = eventSchemas[event].payload.safeParse(payload);
        if (parsed.success) next(event, parsed.data as typeof payload);
        else ports.log.warn(`event ${event}: payload does not match the contract`);
      });
    },
    send: (event, payload) => sink?.(event, payload),
    start: () => core.start(),
    dispose: () => core.dispose(),
  };
}
