/**
 * One number for "how sure are we": the OCR's own word confidence, whether a label stood next to
 * the value, and whether the validator accepted it. A passing check digit is strong evidence even
 * when the OCR was unsure; a failing one is strong evidence that something was misread.
 */
export function fieldConfidence(p: {
  ocr: number;
  labelled: boolean;
  valid: boolean;
  /** The kind has a check digit (IBAN, NIR, numéro fiscal, SIRET). */
  checked: boolean;
  repaired: boolean;
}): number {
  let c: number;
  if (p.checked) c = p.valid ? 0.55 + 0.45 * p.ocr : 0.35 * p.ocr;
  else c = p.valid ? 0.85 * p.ocr : 0.4 * p.ocr;
  if (!p.labelled) c *= 0.8;
  if (p.repaired) c *= p.valid ? 0.9 : 0.8;
  return Math.round(Math.min(1, Math.max(0, c)) * 100) / 100;
}
