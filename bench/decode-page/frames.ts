// Camera frames (640×480) of a citizen holding an appointment slip up to the kiosk's camera:
// the slip's QR at different distances, angles, light and noise, and frames with no QR at all.
// Drawn on a canvas from a seeded generator, so every run decodes the same pixels.
import { encode } from 'uqr';

export const WIDTH = 640;
export const HEIGHT = 480;

/** An appointment slip's code, as kiosk-ui/printing/appointmentSlip.ts prints it. */
export const SLIP_PAYLOAD = 'BDY1:A:3f2b8c1e-7a4d-4e2b-9c1f-5d6e7f8a9b0c';

export interface FrameSpec {
  name: string;
  /** The QR's side in pixels, or null for a frame with no QR. */
  qr: number | null;
  /** Degrees the slip is turned. */
  angle: number;
  /** Where the slip's centre is. */
  at: [number, number];
  /** Whether a slip (paper with text) is in view. */
  slip: boolean;
  noise: number;
  blur: number;
  /** 1 is the printed contrast; less is a dim or washed-out picture. */
  contrast: number;
  brightness: number;
  glare: boolean;
}

const base: Omit<FrameSpec, 'name'> = {
  qr: 200,
  angle: 0,
  at: [320, 250],
  slip: true,
  noise: 6,
  blur: 0,
  contrast: 1,
  brightness: 0,
  glare: false,
};

export const FRAMES: FrameSpec[] = [
  { ...base, name: 'qr near, upright', qr: 260, noise: 4 },
  { ...base, name: 'qr mid, tilted 10°', qr: 180, angle: 10, noise: 4, blur: 0.5, at: [300, 240] },
  { ...base, name: 'qr mid, turned 45°', qr: 170, angle: 45, noise: 4, at: [350, 250] },
  { ...base, name: 'qr far (3.4 px/module)', qr: 100, angle: -6, blur: 0.6, at: [250, 220] },
  { ...base, name: 'qr upside down', qr: 200, angle: 184, noise: 4 },
  {
    ...base,
    name: 'qr dim, low contrast',
    qr: 190,
    angle: -15,
    contrast: 0.45,
    brightness: -40,
    noise: 10,
  },
  { ...base, name: 'qr glare and blur', qr: 220, angle: 5, glare: true, blur: 1.2 },
  { ...base, name: 'no qr: empty counter', qr: null, slip: false, noise: 8 },
  { ...base, name: 'no qr: slip text side', qr: null, angle: 8 },
  { ...base, name: 'no qr: noisy, dark', qr: null, slip: false, noise: 22, brightness: -30 },
];

/** mulberry32: a small seeded generator, so the frames are the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function context(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D canvas in this browser');
  return ctx;
}

/** The counter and whatever lies on it. */
function drawBackground(ctx: OffscreenCanvasRenderingContext2D, random: () => number) {
  const gradient = ctx.createLinearGradient(0, 0, WIDTH, HEIGHT);
  gradient.addColorStop(0, '#3b4046');
  gradient.addColorStop(1, '#646a70');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  for (let i = 0; i < 14; i += 1) {
    const shade = Math.floor(60 + random() * 90);
    ctx.fillStyle = `rgb(${shade}, ${shade - 6}, ${shade - 12})`;
    ctx.globalAlpha = 0.5;
    ctx.fillRect(random() * WIDTH, random() * HEIGHT, 20 + random() * 120, 8 + random() * 60);
  }
  ctx.globalAlpha = 1;
}

/** The slip's QR, printed crisp at 12 px a module; the camera's view scales it. */
function qrImage(): OffscreenCanvas {
  const { data, size } = encode(SLIP_PAYLOAD, { ecc: 'M', border: 0 });
  const module = 12;
  const canvas = new OffscreenCanvas(size * module, size * module);
  const ctx = context(canvas);
  ctx.fillStyle = '#f3f2ec';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#151515';
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1)
      if (data[y]?.[x]) ctx.fillRect(x * module, y * module, module, module);
  return canvas;
}

/** The slip: paper, two lines of print, and the QR (module size rounded by the printer). */
function drawSlip(ctx: OffscreenCanvasRenderingContext2D, spec: FrameSpec) {
  const side = spec.qr ?? 200;
  const paperW = side * 1.5;
  const paperH = side * 1.9;
  ctx.save();
  ctx.translate(spec.at[0], spec.at[1]);
  ctx.rotate((spec.angle * Math.PI) / 180);
  ctx.shadowColor = 'rgba(0, 0, 0, 0.45)';
  ctx.shadowBlur = 12;
  ctx.fillStyle = '#f3f2ec';
  ctx.fillRect(-paperW / 2, -paperH / 2, paperW, paperH);
  ctx.shadowBlur = 0;
  ctx.fillStyle = '#2a2a2a';
  ctx.font = `${Math.round(side / 9)}px sans-serif`;
  ctx.fillText('预约凭条  不动产登记', -paperW / 2 + side * 0.12, -paperH / 2 + side * 0.22);
  ctx.font = `${Math.round(side / 12)}px sans-serif`;
  ctx.fillText('2026-11-23 09:30–10:00', -paperW / 2 + side * 0.12, -paperH / 2 + side * 0.38);
  if (spec.qr !== null) {
    const top = -paperH / 2 + side * 0.55;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(qrImage(), -side / 2, top, side, side);
  } else {
    ctx.font = `${Math.round(side / 14)}px sans-serif`;
    for (let line = 0; line < 6; line += 1)
      ctx.fillText(
        '请在预约时段前 30 分钟内到大厅签到',
        -paperW / 2 + side * 0.12,
        -paperH / 2 + side * (0.7 + line * 0.16),
      );
  }
  ctx.restore();
}

/** Draws one frame. */
export function renderFrame(spec: FrameSpec, seed: number): ImageData {
  const random = seeded(seed);
  const scene = new OffscreenCanvas(WIDTH, HEIGHT);
  const sceneCtx = context(scene);
  drawBackground(sceneCtx, random);
  if (spec.slip) drawSlip(sceneCtx, spec);
  if (spec.glare) {
    const glare = sceneCtx.createRadialGradient(380, 200, 10, 380, 200, 220);
    glare.addColorStop(0, 'rgba(255, 255, 255, 0.75)');
    glare.addColorStop(1, 'rgba(255, 255, 255, 0)');
    sceneCtx.fillStyle = glare;
    sceneCtx.fillRect(0, 0, WIDTH, HEIGHT);
  }
  const out = new OffscreenCanvas(WIDTH, HEIGHT);
  const ctx = context(out);
  if (spec.blur > 0) ctx.filter = `blur(${spec.blur}px)`;
  ctx.drawImage(scene, 0, 0);
  const image = ctx.getImageData(0, 0, WIDTH, HEIGHT);
  const pixels = image.data;
  for (let i = 0; i < pixels.length; i += 4) {
    // Box–Muller: a camera sensor's noise, the same on the three channels plus a little each.
    const n =
      Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()) * spec.noise;
    for (let c = 0; c < 3; c += 1) {
      const v = pixels[i + c] ?? 0;
      const adjusted = 128 + (v - 128) * spec.contrast + spec.brightness + n + (random() - 0.5) * 2;
      pixels[i + c] = Math.max(0, Math.min(255, adjusted));
    }
  }
  return image;
}
