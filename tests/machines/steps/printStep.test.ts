import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromPromise, toPromise, waitFor } from 'xstate';
import { DeviceError } from '../../../device-adapters';
import { PrintFailedError } from '../../../domain';
import {
  printStepFor,
  printStepMachine,
  type PrintActorOutput,
  type PrintJob,
  type PrintStepInput,
} from '../../../machines';

interface Sheet {
  title: string;
}
const isSheet = (job: PrintJob): job is Sheet => 'title' in job;
const sheets = (...titles: string[]): Sheet[] => titles.map((title) => ({ title }));

/** A printer that answers each call with the next of `answers` (then prints), noting what it was given. */
function printer(answers: (() => Promise<PrintActorOutput>)[] = []) {
  const calls: string[] = [];
  const step = printStepFor(isSheet, async (sheet) => {
    calls.push(sheet.title);
    const answer = answers.shift();
    return answer ? answer() : undefined;
  });
  return { step, calls };
}

const start = (
  machine: ReturnType<typeof printer>['step'],
  jobs: readonly PrintJob[],
  onFailure: PrintStepInput['onFailure'] = 'ask',
) => createActor(machine, { input: { jobs, onFailure } }).start();

const fails = (code: 'paper-out' | 'jam', uncertain: boolean) => async () =>
  Promise.reject(
    uncertain ? new PrintFailedError(code, true) : new DeviceError('document', code, code),
  );

afterEach(() => vi.useRealTimers());

describe('the print step (打印)', () => {
  it('prints every job in turn, busy meanwhile', async () => {
    const { step, calls } = printer();
    const run = start(step, sheets('正本', '副本'));
    expect(run.getSnapshot().hasTag('busy')).toBe(true);
    await expect(toPromise(run)).resolves.toEqual({
      result: 'printed',
      results: ['printed', 'printed'],
    });
    expect(calls).toEqual(['正本', '副本']);
  });

  it('notes a job the journal refused without printing', async () => {
    const { step } = printer([async () => ({ printed: false, refused: 'already-printed' })]);
    await expect(toPromise(start(step, sheets('正本')))).resolves.toEqual({
      result: 'printed',
      results: ['already-printed'],
    });
  });

  it('out of paper: waits, and prints the same job again on retry', async () => {
    const { step, calls } = printer([fails('paper-out', false)]);
    const run = start(step, sheets('正本', '副本'));
    await waitFor(run, (s) => s.matches('failed'));
    expect(run.getSnapshot().hasTag('failed')).toBe(true);
    expect(run.getSnapshot().context).toMatchObject({ failure: 'paper-out', uncertain: false });
    expect(run.getSnapshot().can({ type: 'user.retry' })).toBe(true);
    run.send({ type: 'user.retry' });
    await expect(toPromise(run)).resolves.toEqual({
      result: 'printed',
      results: ['printed', 'printed'],
    });
    expect(calls).toEqual(['正本', '正本', '副本']);
  });

  it('no retry while the kiosk storage is full: the journal could not record the sheet', async () => {
    const { step, calls } = printer([
      async () => {
        throw new DeviceError('document', 'storage-full', 'the journal could not be written');
      },
    ]);
    const run = start(step, sheets('正本'));
    await waitFor(run, (s) => s.matches('failed'));
    expect(run.getSnapshot().context.failure).toBe('storage-full');
    expect(run.getSnapshot().can({ type: 'user.retry' })).toBe(false);
    expect(calls).toEqual(['正本']);
  });

  it('a failure that may have printed is not tried again, and is left for staff', async () => {
    const { step, calls } = printer([fails('jam', true)]);
    const run = start(step, sheets('正本', '副本'));
    await waitFor(run, (s) => s.matches('failed'));
    expect(run.getSnapshot().context.uncertain).toBe(true);
    expect(run.getSnapshot().can({ type: 'user.retry' })).toBe(false);
    run.send({ type: 'user.retry' });
    expect(run.getSnapshot().matches('failed')).toBe(true);
    run.send({ type: 'user.done' });
    await expect(toPromise(run)).resolves.toEqual({
      result: 'failed',
      results: ['needs-check'],
      failure: 'jam',
      uncertain: true,
    });
    expect(calls).toEqual(['正本']);
  });

  it("with onFailure 'end' a failure ends the step at once, for the flow to offer its retry", async () => {
    const { step } = printer([fails('paper-out', false)]);
    await expect(toPromise(start(step, sheets('取号凭条'), 'end'))).resolves.toEqual({
      result: 'failed',
      results: [],
      failure: 'paper-out',
      uncertain: false,
    });
  });

  it('gives up when the printer never answers, as a sheet that may have printed', async () => {
    vi.useFakeTimers();
    const machine = printStepMachine.provide({
      actors: { print: fromPromise<PrintActorOutput, PrintJob>(() => new Promise(() => {})) },
    });
    const run = start(machine, sheets('正本'));
    await vi.advanceTimersByTimeAsync(150_000);
    expect(run.getSnapshot().matches('failed')).toBe(true);
    expect(run.getSnapshot().context).toMatchObject({ failure: 'timeout', uncertain: true });
  });

  it('a job of another flow is a wiring mistake, and fails as one', async () => {
    const { step, calls } = printer();
    const run = start(step, [{ ticket: 'B001' }], 'end');
    await expect(toPromise(run)).resolves.toMatchObject({ result: 'failed' });
    expect(calls).toEqual([]);
  });
});
