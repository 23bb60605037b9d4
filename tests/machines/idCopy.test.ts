import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { DeviceError, type CapturedImage, type CaptureSide } from '../../device-adapters';
import { idCopyMachine, isCopyJob, printStepFor, type IdCopyImages } from '../../machines';

const image = (side: CaptureSide): CapturedImage => ({
  dataUrl: `data:image/png;base64,${side}`,
  width: 856,
  height: 540,
});

function start(
  options: {
    capture?: (side: CaptureSide) => Promise<CapturedImage>;
    print?: (i: IdCopyImages) => Promise<void>;
  } = {},
) {
  const printed: IdCopyImages[] = [];
  const machine = idCopyMachine.provide({
    actors: {
      captureImage: fromPromise(({ input }) =>
        (options.capture ?? (async (s) => image(s)))(input.side),
      ),
      printCopy: printStepFor(isCopyJob, async (job) => {
        await (options.print ?? (async () => {}))(job);
        printed.push(job);
      }),
    },
  });
  const actor = createActor(machine, { input: { locale: 'zh-CN', elderly: false } }).start();
  return { actor, printed };
}

describe('idCopy flow', () => {
  it('captures front and back, prints one copy, forgets the images, and ends done', async () => {
    const { actor, printed } = start();
    actor.send({ type: 'user.capture' });
    await waitFor(actor, (s) => s.matches('placeBack'));
    actor.send({ type: 'user.capture' });
    await waitFor(actor, (s) => s.matches('preview'));
    expect(actor.getSnapshot().context.front?.dataUrl).toContain('front');
    actor.send({ type: 'user.print' });
    await waitFor(actor, (s) => s.matches('takePaper'));
    expect(printed).toHaveLength(1);
    expect(actor.getSnapshot().context.front).toBeNull();
    actor.send({ type: 'user.done' });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({
      outcome: 'done',
      rate: { flow: 'idCopy', itemCode: null, title: '身份证复印', service: null, key: 'C:idCopy' },
    });
  });

  it('Back walks back step by step and out of the first step', async () => {
    const { actor } = start();
    actor.send({ type: 'user.capture' });
    await waitFor(actor, (s) => s.matches('placeBack'));
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().matches('placeFront')).toBe(true);
    actor.send({ type: 'user.back' });
    expect(actor.getSnapshot().output).toEqual({ outcome: 'back' });
  });

  it('a camera failure stays on the step and says why; a retry works', async () => {
    let fail = true;
    const { actor } = start({
      capture: async (side) => {
        if (fail) throw new DeviceError('camera', 'hardware-error', 'sensor');
        return image(side);
      },
    });
    actor.send({ type: 'user.capture' });
    await waitFor(actor, (s) => s.context.failure !== null);
    expect(actor.getSnapshot().matches('placeFront')).toBe(true);
    expect(actor.getSnapshot().context.failure).toBe('hardware-error');
    fail = false;
    actor.send({ type: 'user.capture' });
    await waitFor(actor, (s) => s.matches('placeBack'));
    expect(actor.getSnapshot().context.failure).toBeNull();
  });

  it.each(['paper-out', 'jam', 'cover-open', 'offline', 'timeout'] as const)(
    'a print failing with %s keeps the images, says why, and can be retried',
    async (code) => {
      let fail = true;
      const { actor, printed } = start({
        print: async () => {
          if (fail) throw new DeviceError('document', code, code);
        },
      });
      actor.send({ type: 'user.capture' });
      await waitFor(actor, (s) => s.matches('placeBack'));
      actor.send({ type: 'user.capture' });
      await waitFor(actor, (s) => s.matches('preview'));
      actor.send({ type: 'user.print' });
      await waitFor(actor, (s) => s.matches('printFailed'));
      expect(actor.getSnapshot().context.failure).toBe(code);
      expect(actor.getSnapshot().context.back).not.toBeNull();
      fail = false;
      actor.send({ type: 'user.retry' });
      await waitFor(actor, (s) => s.matches('takePaper'));
      expect(printed).toHaveLength(1);
    },
  );

  it('an error without a device code counts as a hardware error', async () => {
    const { actor } = start({
      capture: async () => {
        throw new Error('driver bug');
      },
    });
    actor.send({ type: 'user.capture' });
    await waitFor(actor, (s) => s.context.failure !== null);
    expect(actor.getSnapshot().context.failure).toBe('hardware-error');
  });
});
