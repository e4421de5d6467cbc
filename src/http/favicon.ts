/**
 * /favicon.ico: browsers ask for it whatever the page says, and a 404 is an error in every console. The icon is
 * drawn here (32×32, the same three linked nodes as web/favicon.svg) and packed as an ICO holding one 32-bit BMP,
 * so there is no binary file in the repository and no image library.
 */

const SIZE = 32;
type RGBA = [number, number, number, number];

function pixel(x: number, y: number): RGBA {
  const dots: [number, number, RGBA][] = [
    [16, 9, [0xf6, 0xb7, 0x3c, 255]],
    [9, 22, [0x5e, 0xc9, 0x8f, 255]],
    [23, 22, [0xff, 0x7a, 0x6b, 255]],
  ];
  for (const [cx, cy, color] of dots) if ((x - cx) ** 2 + (y - cy) ** 2 <= 16) return color;
  // The links between the dots, one pixel wide either side of each segment.
  const near = (ax: number, ay: number, bx: number, by: number) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= 1;
  };
  if (near(16, 9, 9, 22) || near(16, 9, 23, 22) || near(9, 22, 23, 22)) return [0x9c, 0xc3, 0xff, 255];
  // A rounded dark square behind everything.
  const r = 6;
  const dx = Math.max(r - x, x - (SIZE - 1 - r), 0);
  const dy = Math.max(r - y, y - (SIZE - 1 - r), 0);
  return dx * dx + dy * dy <= r * r ? [0x1f, 0x3a, 0x5f, 255] : [0, 0, 0, 0];
}

function render(): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  const bmpInfo = Buffer.alloc(40);
  bmpInfo.writeUInt32LE(40, 0);
  bmpInfo.writeInt32LE(SIZE, 4);
  bmpInfo.writeInt32LE(SIZE * 2, 8); // colour rows + mask rows, as ICO requires
  bmpInfo.writeUInt16LE(1, 12);
  bmpInfo.writeUInt16LE(32, 14);
  const colours = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const [r, g, b, a] = pixel(x, y);
      const at = ((SIZE - 1 - y) * SIZE + x) * 4; // bottom-up rows, BGRA
      colours[at] = b;
      colours[at + 1] = g;
      colours[at + 2] = r;
      colours[at + 3] = a;
    }
  }
  const mask = Buffer.alloc((SIZE / 8) * SIZE); // all zero: the alpha channel decides
  const image = Buffer.concat([bmpInfo, colours, mask]);
  header.writeUInt8(SIZE, 6);
  header.writeUInt8(SIZE, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([header, image]);
}

let icon: Buffer | undefined;
export function faviconIco(): Buffer {
  return (icon ??= render());
}
