import type { FunctionDef } from './types.js';

export const encodingFunctions: FunctionDef[] = [];
