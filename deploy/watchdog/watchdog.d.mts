import type { EventEmitter } from 'node:events';

export const KIOSK_FLAGS: string[];

export interface WatchdogOptions {
  url: string;
  chromium?: string;
  userDataDir?: string;
  extraFlags?: string[];
  heartbeatMs?: number;
  missedBeats?: number;
  log?: (entry: { event: string; at: string; [key: string]: unknown }) => void;
}

export interface Watchdog {
  readonly events: EventEmitter;
  readonly pid: number | undefined;
  sendToPage(method: string, params?: object): Promise<unknown>;
  stop(): Promise<void>;
}

export function startWatchdog(options: WatchdogOptions): Watchdog;
