// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { assign, createActor, setup } from 'xstate';
import { shallowEqual, useSelector } from '../../../kiosk-ui/useSelector';

const counterMachine = setup({
  types: {
    context: {} as { shown: number; hidden: number },
    events: {} as { type: 'shown' } | { type: 'hidden' },
  },
}).createMachine({
  context: { shown: 0, hidden: 0 },
  on: {
    shown: { actions: assign({ shown: ({ context }) => context.shown + 1 }) },
    hidden: { actions: assign({ hidden: ({ context }) => context.hidden + 1 }) },
  },
});

const root = document.createElement('div');
afterEach(() => render(null, root));

describe('useSelector', () => {
  it('re-renders for the part it selects, and only for that part', () => {
    const actor = createActor(counterMachine).start();
    let renders = 0;
    function Shown() {
      renders += 1;
      return <p>{useSelector(actor, (s) => s.context.shown)}</p>;
    }
    act(() => render(<Shown />, root));
    expect(root.textContent).toBe('0');
    act(() => actor.send({ type: 'hidden' }));
    act(() => actor.send({ type: 'hidden' }));
    expect(renders).toBe(1);
    act(() => actor.send({ type: 'shown' }));
    expect(root.textContent).toBe('1');
    expect(renders).toBe(2);
  });

  it('with shallowEqual, a fresh object with the same fields does not re-render', () => {
    const actor = createActor(counterMachine).start();
    let renders = 0;
    function Both() {
      renders += 1;
      const { shown } = useSelector(actor, (s) => ({ shown: s.context.shown }), shallowEqual);
      return <p>{shown}</p>;
    }
    act(() => render(<Both />, root));
    act(() => actor.send({ type: 'hidden' }));
    expect(renders).toBe(1);
  });

  it('stops listening when the component goes away', () => {
    const actor = createActor(counterMachine).start();
    let renders = 0;
    function Shown() {
      renders += 1;
      return <p>{useSelector(actor, (s) => s.context.shown)}</p>;
    }
    act(() => render(<Shown />, root));
    act(() => render(null, root));
    act(() => actor.send({ type: 'shown' }));
    expect(renders).toBe(1);
  });
});

describe('shallowEqual', () => {
  it('compares one level deep', () => {
    expect(shallowEqual({ a: 1, b: 'x' }, { a: 1, b: 'x' })).toBe(true);
    expect(shallowEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(shallowEqual({ a: {} }, { a: {} })).toBe(false);
    expect(shallowEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
