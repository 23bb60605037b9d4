import { describe, expect, it } from 'vitest';
import {
  MediaDocumentCamera,
  type CameraPlatform,
} from '../../../device-adapters/real/mediaDocumentCamera';
import { describeDocumentCameraContract } from '../../contracts/documentCamera.contract';

const JPEG =
  'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==';

function fakePlatform() {
  const state = { failNext: false, stalled: false, offline: false, open: 0, stopped: 0 };
  let presence: (present: boolean) => void = () => {};
  const platform: CameraPlatform = {
    watchPresence: (listener) => {
      presence = listener;
      return () => {};
    },
    async getUserMedia() {
      if (state.offline) throw Object.assign(new Error('no camera'), { name: 'NotFoundError' });
      if (state.stalled) return new Promise<MediaStream>(() => {});
      state.open += 1;
      return {
        getTracks: () => [{ stop: () => void (state.stopped += 1) }],
      } as unknown as MediaStream;
    },
    async grabFrame() {
      if (state.failNext) {
        state.failNext = false;
        throw Object.assign(new Error('sensor'), { name: 'NotReadableError' });
      }
      return { dataUrl: JPEG, width: 1920, height: 1080 };
    },
  };
  const unplug = () => {
    state.offline = true;
    presence(false);
  };
  return { platform, state, unplug };
}

describeDocumentCameraContract('media camera', () => {
  const { platform, state, unplug } = fakePlatform();
  return {
    camera: new MediaDocumentCamera({ platform }),
    failNextCapture: () => void (state.failNext = true),
    stall: () => void (state.stalled = true),
    goOffline: unplug,
    dispose: () => {},
  };
});

describe('MediaDocumentCamera', () => {
  it('opens the camera for each capture and releases it after', async () => {
    const { platform, state } = fakePlatform();
    const camera = new MediaDocumentCamera({ platform });
    await camera.capture('front');
    await camera.capture('back');
    expect(state).toMatchObject({ open: 2, stopped: 2 });
  });

  it('a refused permission is permission-denied', async () => {
    const camera = new MediaDocumentCamera({
      platform: {
        watchPresence: () => () => {},
        getUserMedia: async () =>
          Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' })),
        grabFrame: async () => ({ dataUrl: JPEG, width: 1, height: 1 }),
      },
    });
    await expect(camera.capture('front')).rejects.toMatchObject({ code: 'permission-denied' });
  });
});
