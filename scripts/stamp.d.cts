// Types of scripts/stamp.cjs (plain JavaScript: it runs before TypeScript is compiled), for the tests.
export interface Stamp {
  hash: string;
  inputs: string[];
  outputs?: string[];
}
export const TYPESCRIPT_INPUTS: string[];
export function listInputs(root: string, paths: string[], skip?: string[]): string[];
export function hashInputs(root: string, inputs: string[]): string;
export function readStamp(file: string): Stamp | undefined;
export function staleReason(root: string, stampFile: string, opts?: { inputs?: string[]; outputs?: string[] }): string | undefined;
export function writeStamp(stampFile: string, stamp: Stamp): void;
