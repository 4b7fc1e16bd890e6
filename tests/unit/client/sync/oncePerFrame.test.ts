import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { oncePerFrame } from '../../../../client/src/sync/oncePerFrame';

describe('oncePerFrame', () => {
  const frames: (() => void)[] = [];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      frames[id - 1] = () => undefined;
    });
  });
  afterEach(() => {
    frames.length = 0;
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  const paintFrame = () => frames.splice(0).forEach((cb) => cb());

  it('runs once in the task after the next frame, however often it was asked', () => {
    let runs = 0;
    const task = oncePerFrame(() => (runs += 1));
    task.request();
    task.request();
    expect(frames).toHaveLength(1);
    paintFrame();
    expect(runs).toBe(0);
    vi.advanceTimersByTime(0);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(1);
  });

  it('still runs where no frame comes (a hidden tab), and not at all once cancelled', () => {
    let runs = 0;
    const task = oncePerFrame(() => (runs += 1));
    task.request();
    vi.advanceTimersByTime(300);
    expect(runs).toBe(1);
    task.request();
    task.cancel();
    paintFrame();
    vi.advanceTimersByTime(1000);
    expect(runs).toBe(1);
  });
});
