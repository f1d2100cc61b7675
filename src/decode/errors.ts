/**
 * Raised for every input the decode stage refuses. `byteOffset` points into the
 * original bytes (BOM included), so a user can open the file in a hex viewer at
 * that position.
 */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';

  constructor(
    readonly source: string,
    readonly reason: string,
    readonly byteOffset?: number,
  ) {
    super(`${source}: ${reason}${byteOffset === undefined ? '' : ` at byte ${byteOffset}`}`);
  }
}
