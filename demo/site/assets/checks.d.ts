export function compact(value: string): string;
export function nirValid(raw: string): boolean;
export function ibanValid(raw: string): boolean;
export function fiscalNumberValid(raw: string): boolean;
export function parseFrenchDate(raw: string): Date | null;
export const CHECK_NAMES: readonly string[];
export function checkValue(
  field: { required?: boolean; check?: string; label: string; kind?: string },
  value: string | null | undefined,
): string | null;
