import type { FunctionDef } from './types.js';

export const jsonFunctions: FunctionDef[] = [];
