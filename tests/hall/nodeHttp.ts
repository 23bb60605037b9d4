/**
 * JSON over keep-alive `node:http`, for the kill test and the hall bench: on a busy machine it
 * costs the load generator less than fetch, so the server, not the client, sets the pace.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface Reply {
  status: number;
  text: string;
}

/** A JSON request; resolves with the status and body text, rejects when the connection fails. */
export function send(
  port: number,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; agent?: Agent; timeoutMs?: number } = {},
): Promise<Reply> {
  const body = options.body === undefined ? '' : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = Buffer.byteLength(body);
    }
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        agent: options.agent,
        timeout: options.timeoutMs ?? 30_000,
        headers,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(body);
  });
}

export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets });
}
