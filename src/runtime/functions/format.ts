import type { FunctionDef } from './types.js';

export const formatFunctions: FunctionDef[] = [];
