import { DeviceError, type WaitOptions } from '../device';
import type { CaptureSide, CapturedImage, DocumentCamera } from '../documentCamera';
import { DEFAULT_DEVICE_TIMEOUTS } from '../../domain';
import { bounded } from '../shared/bounded';
import { StatusDevice } from '../shared/statusCell';

/** The parts of the browser the camera needs; tests hand in fakes. */
export interface CameraPlatform {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /** Draws the stream's current frame and returns it as a JPEG data: URL. */
  grabFrame(stream: MediaStream): Promise<CapturedImage>;
  /** Tells when a camera is plugged in or out; returns the unsubscribe. */
  watchPresence(listener: (present: boolean) => void): () => void;
}

const browserPlatform: CameraPlatform = {
  getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
  async grabFrame(stream) {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    video.srcObject = null;
    return {
      dataUrl: canvas.toDataURL('image/jpeg', 0.92),
      width: canvas.width,
      height: canvas.height,
    };
  },
  watchPresence(listener) {
    const check = () =>
      navigator.mediaDevices
        .enumerateDevices()
        .then((devices) => listener(devices.some((d) => d.kind === 'videoinput')))
        .catch(() => listener(false));
    navigator.mediaDevices.addEventListener('devicechange', check);
    return () => navigator.mediaDevices.removeEventListener('devicechange', check);
  },
};

/**
 * A document camera (高拍仪), which shows up as a UVC camera: opened for each capture and
 * released right after, so no picture of a citizen's card is ever kept in a running stream.
 */
export class MediaDocumentCamera extends StatusDevice<'camera'> implements DocumentCamera {
  readonly #platform: CameraPlatform;
  readonly #deviceId: string | undefined;

  constructor(options: { platform?: CameraPlatform; deviceId?: string } = {}) {
    super('camera', 'online');
    this.#platform = options.platform ?? browserPlatform;
    this.#deviceId = options.deviceId;
    this.#platform.watchPresence((present) => this.setStatus(present ? 'online' : 'offline'));
  }

  capture(_side: CaptureSide, options?: WaitOptions): Promise<CapturedImage> {
    return bounded<CapturedImage>(
      'camera',
      ({ resolve, reject }) => {
        let stream: MediaStream | null = null;
        let cancelled = false;
        const release = () => {
          stream?.getTracks().forEach((track) => track.stop());
          stream = null;
        };
        if (this.status === 'offline') {
          reject(new DeviceError('camera', 'offline', 'no document camera is connected'));
          return;
        }
        this.#platform
          .getUserMedia({
            video: {
              ...(this.#deviceId ? { deviceId: { exact: this.#deviceId } } : {}),
              width: { ideal: 1920 },
            },
            audio: false,
          })
          .then(async (opened) => {
            stream = opened;
            if (cancelled) {
              release();
              return;
            }
            const image = await this.#platform.grabFrame(opened);
            release();
            this.setStatus('online');
            resolve(image);
          })
          .catch((error: unknown) => {
            release();
            const name = error instanceof Error ? error.name : '';
            if (name === 'NotAllowedError')
              return reject(
                new DeviceError('camera', 'permission-denied', 'the camera may not be used', {
                  cause: error,
                }),
              );
            const code =
              name === 'NotFoundError' || name === 'OverconstrainedError'
                ? 'offline'
                : 'hardware-error';
            this.setStatus(code);
            reject(
              new DeviceError(
                'camera',
                code,
                `the document camera failed: ${name || String(error)}`,
                { cause: error },
              ),
            );
          });
        return () => {
          cancelled = true;
          release();
        };
      },
      options,
      DEFAULT_DEVICE_TIMEOUTS.captureMs,
    );
  }
}
