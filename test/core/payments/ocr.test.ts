import { afterAll, describe, expect, it } from 'vitest';
import { readText, stopOcr } from '../../../electron/core/payments/ocr';
import { parseAmount, parseReceiptText } from '../../../shared/domain/receiptText';
import { renderReceipt, sampleReceipts } from '../../helpers/receipts';

/** The OCR against ten made-up receipts, one worker reused; prints time per image and peak memory (README). */
describe('OCR of payment screenshots', () => {
  afterAll(() => stopOcr());

  it('reads the amount and the operation number of at least 9 of 10 receipts', async () => {
    const results: { isRight: boolean; ms: number }[] = [];
    let peakRss = process.memoryUsage().rss;
    const progress: number[] = [];
    for (const [i, spec] of sampleReceipts.entries()) {
      const image = await renderReceipt(spec);
      const started = performance.now();
      const text = await readText(image, (p) => (i === 0 ? progress.push(p) : undefined));
      const ms = performance.now() - started;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const reading = parseReceiptText(text);
      results.push({ isRight: reading.amount === parseAmount(spec.amount) && reading.operationNumber === spec.operation, ms });
    }
    const right = results.filter((r) => r.isRight).length;
    const warm = results.slice(1).map((r) => r.ms);
    console.info(
      `OCR: ${right}/10 right; first image ${Math.round(results[0]?.ms ?? 0)} ms (worker start), then ${Math.round(Math.min(...warm))}-${Math.round(Math.max(...warm))} ms, ` +
        `mean ${Math.round(warm.reduce((a, b) => a + b, 0) / warm.length)} ms; peak RSS ${Math.round(peakRss / 1024 / 1024)} MB`,
    );
    expect(right).toBeGreaterThanOrEqual(9);
    expect(progress.at(-1)).toBe(1);
  }, 120_000);
});
