import { describe, expect, it, vi } from 'vitest';
import { managedEngine, type TessWorker } from '../../../utils/ocr/engine/managed.ts';
import { OcrCancelledError, OcrError } from '../../../utils/ocr/engine/types.ts';

const page = (text: string) => ({ data: { text, confidence: 90, blocks: [] } });

/** A stand-in for a tesseract.js worker: recognize takes `ms`, terminate is recorded. */
function fakeWorker(ms = 50, fail = false) {
  const w = {
    terminated: 0,
    calls: 0,
    recognize: vi.fn(async () => {
      w.calls++;
      await new Promise((r) => setTimeout(r, ms));
      if (fail) throw new Error('boom');
      return page('Bonjour');
    }),
    terminate: vi.fn(async () => {
      w.terminated++;
    }),
  };
  return w;
}

const img = new Uint8Array([1, 2, 3]);

describe('managedEngine', () => {
  it('creates the worker once, on first use, and asks for blocks', async () => {
    const w = fakeWorker(1);
    const spawn = vi.fn(async () => w as unknown as TessWorker);
    const engine = managedEngine(spawn);
    expect(spawn).not.toHaveBeenCalled();
    expect((await engine.recognize(img)).text).toBe('Bonjour');
    await engine.recognize(img);
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(w.recognize).toHaveBeenCalledWith(img, {}, { text: true, blocks: true });
  });

  it('cancels: rejects with OcrCancelledError, terminates, and starts a fresh worker next time', async () => {
    const workers = [fakeWorker(500), fakeWorker(1)];
    let n = 0;
    const engine = managedEngine(async () => workers[n++] as unknown as TessWorker);
    const ctrl = new AbortController();
    const pending = engine.recognize(img, { signal: ctrl.signal });
    // Cancelled while the worker is reading (not before it started, not after it answered).
    await vi.waitFor(() => expect(workers[0]?.calls).toBe(1), { timeout: 10_000 });
    ctrl.abort();
    await expect(pending).rejects.toBeInstanceOf(OcrCancelledError);
    await vi.waitFor(() => expect(workers[0]?.terminated).toBe(1), { timeout: 10_000 });
    expect((await engine.recognize(img)).text).toBe('Bonjour');
    expect(n).toBe(2);
  });

  it('does not even load the engine for an already aborted signal', async () => {
    const spawn = vi.fn(async () => fakeWorker() as unknown as TessWorker);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(managedEngine(spawn).recognize(img, { signal: ctrl.signal })).rejects.toMatchObject({
      code: 'cancelled',
    });
    expect(spawn).not.toHaveBeenCalled();
  });

  it('an engine-wide signal (closing the panel) kills the worker', async () => {
    const w = fakeWorker(500);
    const ctrl = new AbortController();
    const engine = managedEngine(async () => w as unknown as TessWorker, ctrl.signal);
    const pending = engine.recognize(img);
    await vi.waitFor(() => expect(w.calls).toBe(1), { timeout: 10_000 });
    ctrl.abort();
    await expect(pending).rejects.toBeInstanceOf(OcrCancelledError);
    await vi.waitFor(() => expect(w.terminated).toBe(1), { timeout: 10_000 });
  });

  it('reports load and recognition failures with typed errors, and retries loading', async () => {
    let attempts = 0;
    const engine = managedEngine(async () => {
      attempts++;
      if (attempts === 1) throw new Error('404 worker.min.js');
      return fakeWorker(1, true) as unknown as TessWorker;
    });
    await expect(engine.recognize(img)).rejects.toMatchObject({ code: 'engine-load-failed' });
    const second = engine.recognize(img);
    await expect(second).rejects.toBeInstanceOf(OcrError);
    await expect(second).rejects.toMatchObject({ code: 'recognize-failed' });
    expect(attempts).toBe(2);
  });
});
