import fs from 'node:fs';
import path from 'node:path';
import type { AdapterFactory, InboundMessage } from './adapter';
import { demoScript, type DemoLine } from './demoScript';

export interface DemoOptions {
  /** First customer writes this long after connecting; the next ones every intervalMs. */
  firstDelayMs?: number;
  intervalMs?: number;
  /** How long a customer "types" before answering the seller. */
  answerDelayMs?: number;
  script?: DemoLine[];
}

const conversationIdOf = (line: DemoLine): string => `demo:${line.channel}:${line.sender}`;

/**
 * Simulated customers writing in, for the demo shop and the tests. It behaves like a real channel:
 * messages arrive over time, replies go "out" and the customer answers. Where it got to in its
 * script is its session, so a restart goes on instead of repeating.
 */
export const createDemoAdapter =
  (options: DemoOptions = {}): AdapterFactory =>
  (hooks, env) => {
    const script = options.script ?? demoScript;
    const timers = new Set<NodeJS.Timeout>();
    let next = 0;
    let sentCount = 0;

    const later = (ms: number, work: () => void): void => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        work();
      }, ms);
      timer.unref();
      timers.add(timer);
    };

    const deliver = (line: DemoLine, id: string, text: string): void => {
      const message: InboundMessage = {
        channel: line.channel,
        conversationExternalId: conversationIdOf(line),
        messageExternalId: id,
        direction: 'in',
        author: line.author,
        senderExternalId: line.sender,
        text,
        sentAt: env.now(),
      };
      void hooks.onMessage(message);
    };

    const step = (): void => {
      const line = script[next];
      if (!line) return;
      deliver(line, `demo-${next}`, line.text);
      next += 1;
      hooks.saveSession({ next });
      const following = script[next];
      if (following) later(options.intervalMs ?? following.afterMs ?? 30_000, step);
    };

    // What the simulated customers "received", kept like a real network would keep it: a restart
    // (or a crash) of Chasqui does not make the other side forget.
    const logFile = path.join(env.sessionDir, 'delivered.jsonl');
    const remember = (entry: { to: string; text: string; key: string; at: number; photo?: string; file?: string }): void => {
      fs.mkdirSync(env.sessionDir, { recursive: true });
      const fd = fs.openSync(logFile, 'a');
      try {
        // A leading newline too: a record torn by a crash never swallows the next one.
        fs.writeSync(fd, `\n${JSON.stringify(entry)}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    };
    const delivered = (): { to: string; text: string; key: string; at: number }[] =>
      fs.existsSync(logFile)
        ? fs
            .readFileSync(logFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .flatMap((line) => {
              try {
                return [JSON.parse(line)];
              } catch {
                return [];
              }
            })
        : [];

    const stopAll = (): void => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    };

    return {
      async connect(_input, session) {
        next = typeof session === 'object' && session !== null && 'next' in session && typeof session.next === 'number' ? session.next : 0;
        stopAll();
        hooks.onStatus({ status: 'ready', account: 'Clientes de prueba', detail: '' });
        later(options.firstDelayMs ?? 1500, step);
      },
      async answerPrompt() {
        // The demo never asks for codes.
      },
      async disconnect() {
        stopAll();
      },
      async sendDirect(to, text, idempotencyKey) {
        sentCount += 1;
        remember({ to, text, key: idempotencyKey, at: env.now() });
        const index = script.findIndex((line) => conversationIdOf(line) === to);
        const line = script[index];
        if (line?.answer) {
          const answer = line.answer;
          later(options.answerDelayMs ?? 2500, () => deliver(line, `demo-${index}-answer`, answer));
        }
        return { externalId: `demo-out-${idempotencyKey}`, sentAt: env.now() };
      },
      async sendPhoto(to, photo, caption, idempotencyKey) {
        sentCount += 1;
        remember({ to, text: caption, key: idempotencyKey, at: env.now(), photo: photo.fileName });
        return { externalId: `demo-out-${idempotencyKey}`, sentAt: env.now() };
      },
      async sendFile(to, file, caption, idempotencyKey) {
        sentCount += 1;
        remember({ to, text: caption, key: idempotencyKey, at: env.now(), file: file.fileName });
        return { externalId: `demo-out-${idempotencyKey}`, sentAt: env.now() };
      },
      async publish(post) {
        sentCount += 1;
        return { externalId: `demo-post-${post.kind}-${env.now()}-${sentCount}` };
      },
      async recentOutgoing(to) {
        return delivered()
          .filter((entry) => entry.to === to)
          .slice(-30)
          .map((entry) => ({ text: entry.text, at: entry.at }));
      },
    };
  };
