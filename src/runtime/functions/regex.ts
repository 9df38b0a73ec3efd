import type { FunctionDef } from './types.js';

export const regexFunctions: FunctionDef[] = [];
