import type { CodeScanner } from '../codeScanner';
import type { CameraScannerOptions } from './cameraScanner';
import type { TrustedScriptURLLike } from './browserCameraPlatform';

/** The camera scanner, loaded only when a flow needs the camera: a chunk of its own. */
export async function loadCameraScanner(
  scriptUrl: (url: string) => string | TrustedScriptURLLike,
  options?: CameraScannerOptions,
): Promise<CodeScanner> {
  const [{ CameraScanner }, { browserCameraPlatform }] = await Promise.all([
    import('./cameraScanner'),
    import('./browserCameraPlatform'),
  ]);
  return new CameraScanner(browserCameraPlatform(scriptUrl), options);
}
