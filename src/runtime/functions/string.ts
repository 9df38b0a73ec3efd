import type { FunctionDef } from './types.js';

export const stringFunctions: FunctionDef[] = [];
