import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { ProviderView } from '../../../shared/ipc/provider-view';
import type { BoardDialogKind } from './board-dialogs';
import { CountdownPainter } from './countdown-painter';
import { CountdownPainterContext } from './painted-countdown';
import { ProviderRow } from './provider-row';

/** A row's height before it is measured: two lines of text and a button. */
const ROW_ESTIMATE_PX = 44;
/** Two columns of rows once there is room for them, so thirty providers fit on a 1280×800 screen. */
const TWO_LANES_FROM_PX = 1000;
const OVERSCAN = 4;

interface ProviderListProps {
  providers: readonly ProviderView[];
  onDialog: (kind: BoardDialogKind, id: string) => void;
}

/** How far each key moves, in list order, with `lanes` rows side by side. */
function step(key: string, lanes: number): number | 'first' | 'last' | null {
  switch (key) {
    case 'ArrowDown':
      return lanes;
    case 'ArrowUp':
      return -lanes;
    case 'ArrowRight':
      return 1;
    case 'ArrowLeft':
      return -1;
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/**
 * The scroller's size, or the window's while the scroller has none yet (before layout, or where
 * nothing lays out, as in unit tests), so the first render already holds the rows in view.
 */
function observeRect(instance: Virtualizer<HTMLDivElement, Element>, callback: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: window.innerHeight }));
}

function renderedRow(scroller: HTMLElement | null, id: string): HTMLElement | undefined {
  return Array.from(scroller?.querySelectorAll<HTMLElement>('[data-row-id]') ?? []).find((row) => row.dataset.rowId === id);
}

/**
 * The providers as a virtualised list: only the rows in view (and a few beyond) are in the DOM.
 * One row is in the Tab order at a time; arrows, Home and End move between rows, keeping the row
 * in view and focused even when it had to be rendered first.
 */
export function ProviderList({ providers, onDialog }: ProviderListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [lanes, setLanes] = useState(1);
  const [activeId, setActiveId] = useState<string | null>(null);
  const focusWanted = useRef<string | null>(null);
  // One painter for the countdowns of every row (countdown-painter.ts says why), on a layer over them.
  const [painter] = useState(() => (CountdownPainter.supported(document) ? new CountdownPainter() : null));
  const countdownLayer = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => (painter && countdownLayer.current ? painter.attach(countdownLayer.current) : undefined), [painter]);
  const activeIndex = Math.max(0, providers.findIndex((p) => p.id === activeId));

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const fit = () => setLanes(element.clientWidth >= TWO_LANES_FROM_PX ? 2 : 1);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useVirtualizer({
    count: providers.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (index) => providers[index]?.id ?? index,
    overscan: OVERSCAN,
    lanes,
    observeElementRect: observeRect,
  });

  useLayoutEffect(() => {
    const id = focusWanted.current;
    if (id === null) return;
    const row = renderedRow(scroller.current, id);
    if (!row) return;
    focusWanted.current = null;
    row.focus();
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-row-id]');
    const move = step(event.key, lanes);
    // Only from a row or a button in it: a menu handles its own arrows, a field its own Home and End.
    if (move === null || !row || providers.length === 0 || (target !== row && target.tagName !== 'BUTTON')) return;
    const from = Number(row.dataset.index);
    const to = move === 'first' ? 0 : move === 'last' ? providers.length - 1 : Math.min(providers.length - 1, Math.max(0, from + move));
    event.preventDefault();
    const id = providers[to]?.id;
    if (id === undefined) return;
    focusWanted.current = id;
    setActiveId(id);
    virtualizer.scrollToIndex(to, { align: 'auto' });
    // Already rendered: focus now; otherwise the layout effect above does once it is.
    const rendered = renderedRow(scroller.current, id);
    if (rendered) {
      focusWanted.current = null;
      rendered.focus();
    }
  }

  // A click or Tab into a row makes it the one arrows start from.
  const onFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-id]');
    if (row?.dataset.rowId) setActiveId(row.dataset.rowId);
  }, []);

  return (
    <CountdownPainterContext.Provider value={painter}>
      <div ref={scroller} className="board-scroller">
        <div role="list" aria-labelledby="board-heading" className="board-list" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown} onFocus={onFocus}>
          {virtualizer.getVirtualItems().map((item) => {
            const provider = providers[item.index];
            if (!provider) return null;
            return (
              <ProviderRow
                key={provider.id}
                provider={provider}
                index={item.index}
                count={providers.length}
                top={item.start}
                lane={item.lane}
                lanes={lanes}
                active={item.index === activeIndex}
                measure={virtualizer.measureElement}
                onDialog={onDialog}
              />
            );
          })}
          <div ref={countdownLayer} className="countdown-layer" aria-hidden="true" />
        </div>
      </div>
    </CountdownPainterContext.Provider>
  );
}
