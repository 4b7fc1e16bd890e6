/** Data that does not fit the schema; `field` names where, as a path like `docs.gezamenlijk.zorgen[2]`. */
export class InvalidData extends Error {
  readonly code = 'invalid';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidData';
  }
}
