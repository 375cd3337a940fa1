/**
 * A small, real PNG (a bar chart) for code-interpreter image outputs, built with zlib so the
 * dashboard has an actual image to show. Generated once per variant and cached.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const WIDTH = 240;
const HEIGHT = 150;
const BAR_COLORS: Array<[number, number, number]> = [
  [59, 130, 246],
  [16, 185, 129],
  [245, 158, 11],
  [239, 68, 68],
];

function render(heights: number[]): Buffer {
  const rows: Buffer[] = [];
  const barWidth = 36;
  const gap = (WIDTH - 30 - heights.length * barWidth) / (heights.length + 1);
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + WIDTH * 3, 255); // filter byte 0 is overwritten below
    row[0] = 0;
    for (let x = 0; x < WIDTH; x++) {
      let rgb: [number, number, number] | null = null;
      if (x === 20 && y >= 10 && y <= HEIGHT - 15) rgb = [60, 60, 60]; // y axis
      if (y === HEIGHT - 15 && x >= 20 && x <= WIDTH - 5) rgb = [60, 60, 60]; // x axis
      heights.forEach((h, i) => {
        const left = 25 + gap + i * (barWidth + gap);
        const top = HEIGHT - 16 - h;
        if (x >= left && x < left + barWidth && y >= top && y < HEIGHT - 15) rgb = BAR_COLORS[i % BAR_COLORS.length] ?? null;
      });
      if (rgb) row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const cache = new Map<number, Buffer>();
const VARIANTS = [
  [52, 70, 88, 115],
  [110, 84, 96, 60],
  [40, 95, 72, 120],
];

/** One of a few bar-chart PNGs, chosen by `variant` (deterministic). */
export function chartPng(variant: number): Buffer {
  const key = Math.abs(variant) % VARIANTS.length;
  let png = cache.get(key);
  if (!png) {
    png = render(VARIANTS[key] as number[]);
    cache.set(key, png);
  }
  return png;
}
