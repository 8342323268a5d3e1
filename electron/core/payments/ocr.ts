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
const languages = (process.env.CHASQUI_OCR_LANGS ?? 'spa+eng').split('+').filter((l) => l === 'spa' || l === 'eng');

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
/** One reading at a time: the worker is shared, and its progress belongs to the image being read. */
let queue: Promise<unknown> = Promise.resolve();

// tesseract.js loads with the first receipt, not at start (cold start, issue #22).
const startWorker = async (): Promise<Worker> => {
  const { createWorker } = await import('tesseract.js');
  return createWorker(
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
};

const worker = (): Promise<Worker> => {
  starting ??= startWorker().catch((error: unknown) => {
    starting = null;
    throw error;
  });
  return starting;
};

export const readText = (image: Buffer, onProgress: OcrProgress = () => undefined): Promise<string> => {
  const run = queue.then(async () => {
    const ocr = await worker();
    listener = onProgress;
    try {
      const { data } = await ocr.recognize(image);
      return data.text;
    } finally {
      listener = null;
    }
  });
  queue = run.catch(() => undefined);
  return run;
};

/** Ends the worker thread (on shutdown and after tests). */
export const stopOcr = async (): Promise<void> => {
  const current = starting;
  starting = null;
  if (current) await (await current).terminate();
};
