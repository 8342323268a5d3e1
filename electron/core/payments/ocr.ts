import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'tesseract.js';

/**
 * Reads the text of a payment screenshot with tesseract.js, fully offline: the trained data comes
 * from the @tesseract.js-data packages on disk (langPath is a local folder, so tesseract.js reads
 * files and never its CDN) and the wasm core from tesseract.js-core in node_modules (required, not fetched). The worker runs in a
 * worker_thread, so the core's event loop (and the app) stays free while it reads.
 */
// Spanish alone: receipts here are in Spanish, and one model loads and reads faster than spa+eng
// (measured 10/10 right against 9/10 with both; see the README's OCR figures).
const languages = (process.env.CHASQUI_OCR_LANGS ?? 'spa').split('+').filter((l) => l === 'spa' || l === 'eng');

/**
 * tesseract.js takes one langPath for all languages, and each language is its own package: one
 * private folder of links to the packages' files serves both.
 */
const languageFolder = (): string => {
  const require = createRequire(__filename);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chasqui-ocr-'));
  for (const lang of languages) {
    const pkg = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    fs.symlinkSync(path.join(pkg, '4.0.0_best_int', `${lang}.traineddata.gz`), path.join(dir, `${lang}.traineddata.gz`));
  }
  return dir;
};

export type OcrProgress = (fraction: number) => void;

let listener: OcrProgress | null = null;
let starting: Promise<Worker> | null = null;
let isReady = false;
/** One reading at a time: the worker is shared, and its progress belongs to the image being read. */
let queue: Promise<unknown> = Promise.resolve();

// tesseract.js loads with the first receipt, not at start (cold start, issue #22).
const startWorker = async (): Promise<Worker> => {
  const { createWorker, PSM } = await import('tesseract.js');
  const started = await createWorker(
    languages,
    1, // OEM.LSTM_ONLY: the best_int data holds only the LSTM model.
    {
      langPath: languageFolder(),
      gzip: true,
      // Nothing is written next to the app: the packages' files are read each time the worker starts.
      cacheMethod: 'none',
      logger: (m) => {
        if (m.status === 'recognizing text') listener?.(m.progress);
      },
      errorHandler: () => undefined,
    },
  );
  // Automatic page layout, not tesseract.js's single block: a receipt is lines scattered over a card,
  // and read as one block the big amount line was missed (9/10 against 10/10 measured).
  await started.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  return started;
};

const worker = (): Promise<Worker> => {
  starting ??= startWorker().then(
    (started) => ((isReady = true), started),
    (error: unknown) => {
      starting = null;
      throw error;
    },
  );
  return starting;
};

/** The worker holds ~150 MB: it is let go after a while without receipts, and starts again with the next. */
const IDLE_MS = 10 * 60_000;
let idleTimer: NodeJS.Timeout | null = null;
let readings = 0;
const stopWhenIdle = (): void => {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => (readings === 0 ? void stopOcr() : undefined), IDLE_MS);
  idleTimer.unref();
};

/**
 * Starts the worker ahead of the first receipt (a customer's photo is on screen), so "Es un pago"
 * does not wait for tesseract to load; says whether it was ready already, and when it is.
 */
export const warmUpOcr = (): { wasReady: boolean; ready: Promise<void> } => {
  const wasReady = isReady;
  // A failed start is not this caller's problem: the next reading tries again and says why.
  const ready = worker().then(stopWhenIdle, () => undefined);
  return { wasReady, ready };
};

/**
 * What each recent image read as, by its bytes' hash: the same screenshot opened again (she closed the
 * form, or the customer sent it twice) answers at once instead of a second OCR of seconds.
 */
const CACHE_SIZE = 32;
const recent = new Map<string, string>();
const remember = (key: string, text: string): void => {
  recent.delete(key);
  recent.set(key, text);
  for (const oldest of recent.keys()) {
    if (recent.size <= CACHE_SIZE) break;
    recent.delete(oldest);
  }
};

export const readText = (image: Buffer, onProgress: OcrProgress = () => undefined): Promise<string> => {
  const key = crypto.createHash('sha256').update(image).digest('hex');
  const known = recent.get(key);
  if (known !== undefined) {
    remember(key, known);
    onProgress(1);
    return Promise.resolve(known);
  }
  readings += 1;
  const run = queue.then(async () => {
    try {
      const ocr = await worker();
      listener = onProgress;
      const { data } = await ocr.recognize(image);
      remember(key, data.text);
      return data.text;
    } finally {
      listener = null;
      readings -= 1;
      stopWhenIdle();
    }
  });
  queue = run.catch(() => undefined);
  return run;
};

/** Ends the worker thread (on shutdown and after tests). */
export const stopOcr = async (): Promise<void> => {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const current = starting;
  starting = null;
  isReady = false;
  if (current) await (await current).terminate();
};
