declare module "pngjs" {
  export class PNG {
    constructor(options?: { width?: number; height?: number });
    width: number;
    height: number;
    data: Buffer;
    static sync: {
      read(buffer: Uint8Array): PNG;
      /** colorType: 0 grey, 2 RGB, 4 grey with alpha, 6 RGBA (the data is always given as RGBA). */
      write(png: PNG, options?: { colorType?: 0 | 2 | 4 | 6 }): Buffer;
    };
  }
}
