import type { FunctionDef } from './types.js';

export const structsFunctions: FunctionDef[] = [];
