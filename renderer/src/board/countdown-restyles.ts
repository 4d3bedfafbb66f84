/**
 * Everything that can move or restyle the countdowns' slots without a render of their rows, so
 * the painter hears of it: a resize of the list, the theme (data-theme on <html>), a font that
 * arrives, forced colours turned on or off, and a new device pixel ratio (another screen, zoom).
 * Returns the function that stops listening.
 */
export function watchRestyles(layer: HTMLElement, on: { moved: () => void; restyled: () => void; fontsLoaded: () => void }): () => void {
  const document = layer.ownerDocument;
  const view = document.defaultView;
  const stops: (() => void)[] = [];

  // A resize is seen after layout, before the frame is painted: repainting at once keeps the
  // text on its slots while a window edge is dragged, where the next frame would be one late.
  const resized = new ResizeObserver(() => on.moved());
  resized.observe(layer);
  stops.push(() => resized.disconnect());

  const themed = new MutationObserver(() => on.restyled());
  themed.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  stops.push(() => themed.disconnect());

  const fonts = document.fonts as FontFaceSet | undefined;
  if (fonts) {
    const loaded = () => on.fontsLoaded();
    fonts.addEventListener('loadingdone', loaded);
    stops.push(() => fonts.removeEventListener('loadingdone', loaded));
  }

  if (view?.matchMedia) {
    const forced = view.matchMedia('(forced-colors: active)');
    const restyled = () => on.restyled();
    forced.addEventListener('change', restyled);
    stops.push(() => forced.removeEventListener('change', restyled));

    // A query for the ratio now, asked again for the new one each time it stops matching.
    let resolution: MediaQueryList | null = null;
    const watchRatio = () => {
      resolution?.removeEventListener('change', ratioChanged);
      resolution = view.matchMedia(`(resolution: ${view.devicePixelRatio || 1}dppx)`);
      resolution.addEventListener('change', ratioChanged);
    };
    const ratioChanged = () => {
      watchRatio();
      on.restyled();
    };
    watchRatio();
    stops.push(() => resolution?.removeEventListener('change', ratioChanged));
  }
  return () => stops.forEach((stop) => stop());
}
