/**
 * Sensitive fields (passwords, card numbers, one-time codes, security codes) are shown to the
 * person but their values are never copied, saved, exported or read aloud. One rule for the
 * whole product, so readable mode, progress and OCR agree.
 */
export type FieldDescriptor = {
  type?: string | null;
  autocomplete?: string | null;
  name?: string | null;
  id?: string | null;
  label?: string | null;
};

const SENSITIVE_AUTOCOMPLETE =
  /\b(current-password|new-password|one-time-code|cc-number|cc-csc|cc-exp(-month|-year)?)\b/i;
// Words in names, ids and labels that mark secrets on French and English sites.
const SENSITIVE_WORDS =
  /(mot[\s_-]*de[\s_-]*passe|password|passwd|\bpwd\b|\bpin\b|code[\s_-]*(secret|confidentiel|de[\s_-]*s[ée]curit[ée]|de[\s_-]*v[ée]rification|re[çc]u|sms|otp)|\botp\b|one[\s_-]*time|\bcvv\d?\b|\bcvc\d?\b|cryptogramme|num[ée]ro[\s_-]*de[\s_-]*carte|card[\s_-]*number|\bcc[\s_-]*num)/i;

export function isSensitiveField(field: FieldDescriptor): boolean {
  if ((field.type ?? '').toLowerCase() === 'password') return true;
  if (field.autocomplete && SENSITIVE_AUTOCOMPLETE.test(field.autocomplete)) return true;
  const words = [field.name, field.id, field.label].filter(Boolean).join(' ');
  return SENSITIVE_WORDS.test(words);
}
