import type { FunctionDef } from './types.js';

export const filesFunctions: FunctionDef[] = [];
