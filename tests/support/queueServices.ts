import type { QueueServiceConfig } from '../../domain';

/**
 * The 税务 queue service the tests use (B001 …, Window 7, no card needed), open all day with room
 * for every number unless a test says otherwise.
 */
export function taxService(overrides: Partial<QueueServiceConfig> = {}): QueueServiceConfig {
  return {
    code: 'tax',
    name: { 'zh-CN': '税务', en: 'Tax' },
    prefix: 'B',
    windows: { 'zh-CN': '7号窗口', en: 'Window 7' },
    windowCount: 1,
    materials: [],
    averageHandlingMinutes: 10,
    requiresIdCard: false,
    dailyMax: 999,
    issuingWindows: [{ start: '00:00', end: '23:59', quota: 999 }],
    ...overrides,
  };
}
