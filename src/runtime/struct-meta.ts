/**
 * The declared type of a struct made by structNew("soft" | "weak" | "synchronized" | "normal"),
 * kept beside the struct for getMetadata (Lucee's StructUtil.getMetaData): every struct here
 * behaves alike, the name is only reported. Literal structs have none.
 */
import type { Struct } from './struct.js';

const declared = new WeakMap<Struct, string>();

/** Records the type name Lucee reports for structNew(type): regular, soft, weak or synchronized. */
export function setStructType(s: Struct, type: string): Struct {
  declared.set(s, type);
  return s;
}

/**
 * getMetadata of a struct, as Lucee: `type` (ordered, regular, soft, weak, synchronized, or
 * "unsynchronized" for a literal struct) and `ordered` ("ordered" or "unordered").
 */
export function structTypeInfo(s: Struct): { type: string; ordered: string } {
  const ordered = s.kind === 'ordered';
  return { type: ordered ? 'ordered' : (declared.get(s) ?? 'unsynchronized'), ordered: ordered ? 'ordered' : 'unordered' };
}
