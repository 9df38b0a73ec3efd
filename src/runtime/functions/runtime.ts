import type { FunctionDef } from './types.js';

export const runtimeFunctions: FunctionDef[] = [];
