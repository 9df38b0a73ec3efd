import type { FunctionDef } from './types.js';

export const listFunctions: FunctionDef[] = [];
