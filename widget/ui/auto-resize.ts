/** The parts of `window` the resizing needs, so tests can pass their own. */
export interface ResizeWindow {
  ResizeObserver: typeof ResizeObserver;
  requestAnimationFrame(callback: FrameRequestCallback): number;
  cancelAnimationFrame(handle: number): void;
}

/**
 * Reports the element's height whenever it changes, at most once per animation frame, so the
 * embedding page can size the widget's frame to its content. Returns the unsubscribe.
 * @example observeHeight(root, (height) => host.resize(height), window)
 */
export function observeHeight(element: HTMLElement, onHeight: (height: number) => void, win: ResizeWindow): () => void {
  let frame = 0;
  let reported = -1;
  const report = () => {
    frame = 0;
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height !== reported) {
      reported = height;
      onHeight(height);
    }
  };
  const observer = new win.ResizeObserver(() => {
    if (frame === 0) frame = win.requestAnimationFrame(report);
  });
  observer.observe(element);
  return () => {
    observer.disconnect();
    if (frame !== 0) win.cancelAnimationFrame(frame);
  };
}
