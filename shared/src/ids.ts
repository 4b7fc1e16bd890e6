import { randomId } from './randomId';

/** Ids are URL-safe so they go into paths unencoded (DESIGN.md §7). */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** True for a string that may serve as a planId or memberId. */
export function isSafeId(value: string): boolean {
  return SAFE_ID.test(value);
}

/** A new random URL-safe id of 16 characters (96 bits). */
export function newId(): string {
  return randomId(12);
}
