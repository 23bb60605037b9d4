// A Chrome DevTools Protocol client over --remote-debugging-pipe: commands on fd 3, answers and
// events on fd 4, each message JSON ended by a NUL byte. No TCP debugging port is opened, so
// nothing on the hall's network can drive the kiosk's browser.
import { EventEmitter } from 'node:events';

export class CdpPipe extends EventEmitter {
  #out;
  #nextId = 1;
  #pending = new Map();
  #buffer = '';
  #closed = false;

  /** @param {import('node:stream').Writable} toBrowser @param {import('node:stream').Readable} fromBrowser */
  constructor(toBrowser, fromBrowser) {
    super();
    this.#out = toBrowser;
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk) => this.#receive(chunk));
    fromBrowser.on('close', () => this.#close(new Error('the browser closed the DevTools pipe')));
    fromBrowser.on('error', (error) => this.#close(error));
    toBrowser.on('error', (error) => this.#close(error));
  }

  /** Sends a command; rejects on a protocol error, a closed pipe, or no answer within timeoutMs. */
  send(method, params = {}, { sessionId, timeoutMs = 5000 } = {}) {
    if (this.#closed) return Promise.reject(new Error(`${method}: the DevTools pipe is closed`));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, { resolve, reject, timer, method });
      this.#out.write(
        `${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`,
      );
    });
  }

  #receive(chunk) {
    this.#buffer += chunk;
    let end;
    while ((end = this.#buffer.indexOf('\0')) >= 0) {
      const text = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 1);
      let message;
      try {
        message = JSON.parse(text);
      } catch (error) {
        this.emit('protocolError', error);
        continue;
      }
      if (message.id !== undefined) {
        const pending = this.#pending.get(message.id);
        if (!pending) continue;
        this.#pending.delete(message.id);
        clearTimeout(pending.timer);
        if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
        else pending.resolve(message.result);
      } else {
        this.emit('event', message);
      }
    }
  }

  #close(error) {
    if (this.#closed) return;
    this.#closed = true;
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.#pending.clear();
    this.emit('close', error);
  }
}
