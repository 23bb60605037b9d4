import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeConnection } from '../../../device-adapters/real/bridgeConnection';
import { BridgeFaceVerifier } from '../../../device-adapters/real/bridgeFaceVerifier';
import { BridgeIdCardReader } from '../../../device-adapters/real/bridgeIdCardReader';
import { TEST_PERSONS } from '../../../device-adapters/mock';
import { describeFaceVerifierContract } from '../../contracts/faceVerifier.contract';
import { describeIdCardReaderContract } from '../../contracts/idCardReader.contract';
import { FakeBridge } from './fakeBridge';

async function connected() {
  const bridge = new FakeBridge();
  const connection = new BridgeConnection('ws://127.0.0.1:9871', bridge.connect);
  await vi.waitFor(() => expect(connection.open).toBe(true));
  return { bridge, connection };
}

describeIdCardReaderContract('bridge', async () => {
  const { bridge, connection } = await connected();
  const reader = new BridgeIdCardReader(connection);
  return {
    reader,
    placeCard: (record) => bridge.placeCard(record),
    pullCard: () => bridge.pullCard(),
    failNextRead: () => bridge.failNextRead(),
    pullCardDuringNextRead: () => bridge.pullCardDuringNextRead(),
    goOffline: () => bridge.goOffline(),
    dispose: () => connection.close(),
  };
});

describeFaceVerifierContract('bridge', async () => {
  const { bridge, connection } = await connected();
  return {
    verifier: new BridgeFaceVerifier(connection),
    presentFace: (face) => bridge.presentFace(face),
    stall: () => bridge.stall(),
    goOffline: () => bridge.goOffline(),
    dispose: () => connection.close(),
  };
});

describe('BridgeConnection', () => {
  let connection: BridgeConnection | undefined;
  afterEach(() => connection?.close());

  it('reports a message outside the protocol and carries on', async () => {
    const setup = await connected();
    connection = setup.connection;
    const problems: string[] = [];
    connection.onProblem((p) => problems.push(p));
    setup.bridge.sendRaw('not json');
    setup.bridge.sendRaw(JSON.stringify({ header: { type: 'shout' } }));
    expect(problems).toHaveLength(2);
    const reader = new BridgeIdCardReader(connection);
    const person = TEST_PERSONS[0];
    if (!person) throw new Error('no test person');
    setup.bridge.placeCard(person.record);
    await expect(reader.read({ timeoutMs: 500 })).resolves.toEqual(person.record);
  });

  it('refuses a card record outside the protocol as a failed read', async () => {
    const setup = await connected();
    connection = setup.connection;
    const reader = new BridgeIdCardReader(connection);
    const person = TEST_PERSONS[0];
    if (!person) throw new Error('no test person');
    setup.bridge.placeCard({ ...person.record, idNumber: 'short' });
    await expect(reader.read({ timeoutMs: 500 })).rejects.toMatchObject({ code: 'read-failed' });
  });

  it('reconnects after the bridge restarts, and the reader comes back online', async () => {
    const setup = await connected();
    connection = setup.connection;
    const reader = new BridgeIdCardReader(connection);
    const statuses: string[] = [];
    reader.onStatus((s) => statuses.push(s));
    setup.bridge.goOffline();
    expect(reader.status).toBe('offline');
    setup.bridge.comeBack();
    await vi.waitFor(() => expect(reader.status).toBe('online'), { timeout: 3000 });
    expect(statuses).toEqual(['offline', 'online']);
  });

  it('follows the status the bridge reports for each device', async () => {
    const setup = await connected();
    connection = setup.connection;
    const reader = new BridgeIdCardReader(connection);
    const face = new BridgeFaceVerifier(connection);
    setup.bridge.setStatus('idCard', 'hardware-error');
    expect(reader.status).toBe('hardware-error');
    expect(face.status).toBe('online');
    setup.bridge.setStatus('idCard', 'online');
    expect(reader.status).toBe('online');
  });
});

describe('BridgeIdCardReader asks the bridge what lies in the field', () => {
  let connection: BridgeConnection | undefined;
  afterEach(() => connection?.close());
  const person = TEST_PERSONS[0];
  if (!person) throw new Error('no test person');

  it('learns from IdCard.Status of a card placed while nobody was told, and reads it', async () => {
    const setup = await connected();
    connection = setup.connection;
    const reader = new BridgeIdCardReader(connection);
    setup.bridge.placeCardSilently(person.record);
    expect(reader.cardPresent).toBe(false);
    await expect(reader.queryCard()).resolves.toBe('card');
    expect(reader.cardPresent).toBe(true);
    expect(setup.bridge.received.map((c) => c.header.name)).toContain('IdCard.Status');
    await expect(reader.read({ timeoutMs: 500 })).resolves.toEqual(person.record);
  });

  it('keeps what the media events told when the bridge has no IdCard.Status', async () => {
    const setup = await connected();
    connection = setup.connection;
    setup.bridge.noStatusCommand = true;
    const reader = new BridgeIdCardReader(connection);
    await expect(reader.queryCard()).resolves.toBe('none');
    setup.bridge.placeCard(person.record);
    await vi.waitFor(() => expect(reader.cardPresent).toBe(true));
    await expect(reader.queryCard()).resolves.toBe('card');
  });

  it('answers from what it knows, at once, while the bridge is away', async () => {
    const setup = await connected();
    connection = setup.connection;
    const reader = new BridgeIdCardReader(connection);
    setup.bridge.goOffline();
    await vi.waitFor(() => expect(reader.status).toBe('offline'));
    await expect(reader.queryCard()).resolves.toBe('none');
  });
});
