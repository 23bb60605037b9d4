import { appointmentMessages } from '../flows/appointment/messages';
import { useLocalised } from '../session';

/** An on-screen numeric keypad: the kiosk has no keyboard, and digits are all a phone number needs. */
export function NumericKeypad({
  onDigit,
  onDelete,
}: {
  onDigit: (digit: string) => void;
  onDelete: () => void;
}) {
  const a = useLocalised(appointmentMessages);
  return (
    <div class="keypad" role="group">
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
        <button key={d} type="button" class="keypad__key" onClick={() => onDigit(d)}>
          {d}
        </button>
      ))}
      <span />
      <button type="button" class="keypad__key" onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" class="keypad__key keypad__key--delete" onClick={onDelete}>
        {a.delete}
      </button>
    </div>
  );
}
