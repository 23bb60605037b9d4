import { describe, expect, it } from 'vitest';
import { MockCodeScanner } from '../../../device-adapters/mock/mockCodeScanner';
import { CombinedScanner } from '../../../device-adapters/real/combinedScanner';
import { describeCodeScannerContract } from '../../contracts/codeScanner.contract';

describeCodeScannerContract('combined (two mocks)', () => {
  const wedge = new MockCodeScanner({ switchMs: 0 });
  const camera = new MockCodeScanner({ switchMs: 0 });
  return {
    scanner: new CombinedScanner([wedge, camera]),
    scan: (text) => {
      camera.scan(text, 'camera');
    },
    goOffline: () => {
      wedge.inject('offline');
      camera.inject('offline');
    },
    dispose: () => {},
  };
});

describe('CombinedScanner', () => {
  it('delivers the codes of every part and works while one part works', async () => {
    const wedge = new MockCodeScanner({ switchMs: 0 });
    const camera = new MockCodeScanner({ switchMs: 0 });
    const scanner = new CombinedScanner([wedge, camera]);
    const seen: string[] = [];
    scanner.onCode((code) => seen.push(`${code.source}:${code.text}`));
    await scanner.start();
    wedge.scan('A', 'wedge');
    camera.scan('B', 'camera');
    expect(seen).toEqual(['wedge:A', 'camera:B']);

    const statuses: string[] = [];
    scanner.onStatus((status) => statuses.push(status));
    camera.inject('offline');
    expect(scanner.status).toBe('online');
    wedge.inject('offline');
    expect(scanner.status).toBe('offline');
    wedge.clear();
    expect(scanner.status).toBe('online');
    expect(statuses).toEqual(['offline', 'online']);
    await scanner.stop();
    expect(scanner.running).toBe(false);
  });

  it('starts when one part cannot, and fails only when none can', async () => {
    const wedge = new MockCodeScanner({ switchMs: 0 });
    const camera = new MockCodeScanner({ switchMs: 0 });
    camera.inject('offline');
    const scanner = new CombinedScanner([wedge, camera]);
    await scanner.start();
    expect(scanner.running).toBe(true);
    await scanner.stop();
    wedge.inject('offline');
    await expect(scanner.start()).rejects.toMatchObject({ code: 'offline' });
  });
});
