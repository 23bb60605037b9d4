import { DeviceError, type DeviceErrorCode } from '../device';

/**
 * A browser failure as a receipt DeviceError. The WebSerial and WebUSB specs name their failures
 * with DOMException names: NotFoundError when the operator closes the picker, SecurityError when
 * the page may not use the port, NetworkError when the device went away.
 */
export function transportError(
  message: string,
  error: unknown,
  otherwise: DeviceErrorCode = 'hardware-error',
): DeviceError {
  if (error instanceof DeviceError) return error;
  const name = error instanceof Error ? error.name : '';
  const code: DeviceErrorCode =
    name === 'NotFoundError'
      ? 'cancelled'
      : name === 'SecurityError' || name === 'NotAllowedError'
        ? 'permission-denied'
        : name === 'NetworkError'
          ? 'offline'
          : otherwise;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new DeviceError('receipt', code, `${message} (${reason})`, { cause: error });
}

/** A failed read: the device being lost (unplugged, switched off) is 'offline', anything else a hardware error. */
export function readError(error: unknown): DeviceError {
  const name = error instanceof Error ? error.name : '';
  const lost = name === 'NotFoundError' || name === 'NetworkError' || name === 'AbortError';
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new DeviceError(
    'receipt',
    lost ? 'offline' : 'hardware-error',
    `reading from the receipt printer failed (${reason})`,
    { cause: error },
  );
}
