import type { FunctionDef } from './types.js';

export const queryFunctions: FunctionDef[] = [];
