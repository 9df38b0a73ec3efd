import type { FunctionDef } from './types.js';

export const arrayFunctions: FunctionDef[] = [];
