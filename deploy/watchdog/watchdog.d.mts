import type { EventEmitter } from 'node:events';

export const KIOSK_FLAGS: string[];
export const MOUNT_PROBE: string;

export interface WatchdogOptions {
  url: string;
  chromium?: string;
  userDataDir?: string;
  extraFlags?: string[];
  heartbeatMs?: number;
  missedBeats?: number;
  /** How long the page may answer without the app mounted before it is opened afresh. */
  mountLimitMs?: number;
  log?: (entry: { event: string; at: string; [key: string]: unknown }) => void;
}

export interface Watchdog {
  readonly events: EventEmitter;
  readonly pid: number | undefined;
  sendToPage(method: string, params?: object): Promise<unknown>;
  stop(): Promise<void>;
}

export function startWatchdog(options: WatchdogOptions): Watchdog;
