import type { DeviceErrorCode } from '../../device-adapters';
import { useMessages } from '../session';

/** What went wrong with a device, in the citizen's words. */
export function FailureNotice({ code }: { code: DeviceErrorCode }) {
  const t = useMessages();
  return (
    <p class="notice notice--failure" role="alert">
      {t.failures[code]}
    </p>
  );
}
