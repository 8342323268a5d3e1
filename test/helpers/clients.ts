import { createApiClient, type ApiClient, type Transport } from '../../shared/api/client';
import type { AppEvent } from '../../shared/api/contract';

export { coreTransport as inProcessTransport } from '../../electron/core/client';

export const httpTransport = (baseUrl: string, token: string): Transport => ({
  invoke: async (method, args) => {
    const response = await fetch(`${baseUrl}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(args),
    });
    return response.json();
  },
  onEvent: (listener: (event: AppEvent) => void) => {
    const controller = new AbortController();
    void (async () => {
      const response = await fetch(`${baseUrl}/api/events`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data) listener(JSON.parse(data.slice(6)));
          end = buffer.indexOf('\n\n');
        }
      }
    })().catch(() => undefined);
    return () => controller.abort();
  },
});

export const clientFor = (transport: Transport): ApiClient => createApiClient(transport);
