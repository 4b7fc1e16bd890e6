/**
 * The numbers of Yjs's v1 update encoding that our own readers of update bytes need (the update check, and
 * the index of a doc's stored state): the bits of a struct's info byte and the content refs, as Yjs 13's
 * `readClientsStructRefs` reads them.
 */

/** The content ref in the low five bits of a struct's info byte. */
export const BITS5 = 31;
/** The item has a parentSub (a map key). */
export const BIT6 = 32;
/** The item has a right origin. */
export const BIT7 = 64;
/** The item has an origin. */
export const BIT8 = 128;
export const CONTENT = { gc: 0, deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9, skip: 10 } as const;
/** YArray, YMap, YText, YXmlElement, YXmlFragment, YXmlHook, YXmlText. */
export const TYPE_REFS = 7;
/** Type refs whose content carries a name (the element's tag, the hook's name). */
export const XML_ELEMENT = 3;
export const XML_HOOK = 5;
