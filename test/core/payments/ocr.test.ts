import { afterAll, describe, expect, it } from 'vitest';
import { readText, stopOcr, warmUpOcr } from '../../../electron/core/payments/ocr';
import { parseAmount, parseReceiptText } from '../../../shared/domain/receiptText';
import { renderReceipt, sampleReceipts } from '../../helpers/receipts';

/**
 * The OCR against ten made-up receipts, one worker for the file (started while the receipts are drawn,
 * as "Es un pago" finds it warm); prints the worker's start, time per image and peak memory (README).
 */
describe('OCR of payment screenshots', () => {
  afterAll(() => stopOcr());

  it('reads the amount and the operation number of at least 9 of 10 receipts', async () => {
    const started = performance.now();
    const warm = warmUpOcr();
    expect(warm.wasReady).toBe(false);
    const images = await Promise.all(sampleReceipts.map((spec) => renderReceipt(spec)));
    await warm.ready;
    const startMs = performance.now() - started;
    expect(warmUpOcr().wasReady).toBe(true);

    const results: { isRight: boolean; ms: number }[] = [];
    let peakRss = process.memoryUsage().rss;
    const progress: number[] = [];
    for (const [i, spec] of sampleReceipts.entries()) {
      const t0 = performance.now();
      const text = await readText(images[i]!, (p) => (i === 0 ? progress.push(p) : undefined));
      const ms = performance.now() - t0;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const reading = parseReceiptText(text);
      results.push({ isRight: reading.amount === parseAmount(spec.amount) && reading.operationNumber === spec.operation, ms });
    }
    const right = results.filter((r) => r.isRight).length;
    const times = results.map((r) => r.ms);
    console.info(
      `OCR: ${right}/10 right; worker start with drawing the receipts ${Math.round(startMs)} ms, then ${Math.round(Math.min(...times))}-${Math.round(Math.max(...times))} ms per photo, ` +
        `mean ${Math.round(times.reduce((a, b) => a + b, 0) / times.length)} ms; peak RSS ${Math.round(peakRss / 1024 / 1024)} MB`,
    );
    expect(right).toBeGreaterThanOrEqual(9);
    expect(progress.at(-1)).toBe(1);

    // The same screenshot again (she reopens the form, the customer sends it twice): the text at once, no second OCR.
    const t1 = performance.now();
    const again = await readText(Buffer.from(images[0]!), (p) => progress.push(p));
    expect(performance.now() - t1).toBeLessThan(50);
    expect(parseReceiptText(again).operationNumber).toBe(sampleReceipts[0]!.operation);
  }, 120_000);
});
