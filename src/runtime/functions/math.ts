import type { FunctionDef } from './types.js';

export const mathFunctions: FunctionDef[] = [];
