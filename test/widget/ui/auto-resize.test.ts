import { describe, expect, it } from 'vitest';
import { observeHeight } from '../../../widget/ui/auto-resize';
import type { ResizeWindow } from '../../../widget/ui/auto-resize';

/** A window whose ResizeObserver and animation frames the test drives by hand. */
function fakeWindow() {
  const observers: (() => void)[] = [];
  const frames = new Map<number, FrameRequestCallback>();
  let nextFrame = 1;
  const win: ResizeWindow = {
    ResizeObserver: class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe() {
        observers.push(() => this.callback([], this as unknown as ResizeObserver));
      }
      unobserve() {}
      disconnect() {
        observers.length = 0;
      }
    } as unknown as typeof ResizeObserver,
    requestAnimationFrame(callback) {
      frames.set(nextFrame, callback);
      return nextFrame++;
    },
    cancelAnimationFrame: (handle) => void frames.delete(handle),
  };
  const runFrames = () => {
    const pending = [...frames.values()];
    frames.clear();
    pending.forEach((callback) => callback(0));
  };
  return { win, resize: () => observers.forEach((notify) => notify()), runFrames };
}

const elementOfHeight = (height: { value: number }) =>
  ({ getBoundingClientRect: () => ({ height: height.value }) }) as unknown as HTMLElement;

describe('observeHeight', () => {
  it('reports the rounded-up height once per animation frame', () => {
    const { win, resize, runFrames } = fakeWindow();
    const height = { value: 120.2 };
    const reported: number[] = [];
    observeHeight(elementOfHeight(height), (h) => reported.push(h), win);
    resize();
    resize();
    runFrames();
    expect(reported).toEqual([121]);
  });

  it('reports only changes', () => {
    const { win, resize, runFrames } = fakeWindow();
    const height = { value: 100 };
    const reported: number[] = [];
    observeHeight(elementOfHeight(height), (h) => reported.push(h), win);
    resize();
    runFrames();
    resize();
    runFrames();
    height.value = 180;
    resize();
    runFrames();
    expect(reported).toEqual([100, 180]);
  });

  it('stops reporting once unsubscribed', () => {
    const { win, resize, runFrames } = fakeWindow();
    const reported: number[] = [];
    const stop = observeHeight(elementOfHeight({ value: 90 }), (h) => reported.push(h), win);
    resize();
    stop();
    runFrames();
    resize();
    runFrames();
    expect(reported).toEqual([]);
  });
});
