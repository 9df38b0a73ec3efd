import type { FunctionDef } from './types.js';

export const conversionFunctions: FunctionDef[] = [];
