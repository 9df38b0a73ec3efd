import type { FunctionDef } from './types.js';

export const decisionFunctions: FunctionDef[] = [];
