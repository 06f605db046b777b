/**
 * Typed errors for code (`code`), with a message key for people (see `message()` in messages.ts).
 * `error.message` is the French text, so an uncaught error is still readable.
 */
import type { Params } from '../i18n/index.ts';
import { type MessageKey, message } from './messages.ts';

export class StorageError extends Error {
  readonly code: string;
  readonly messageKey: MessageKey;
  readonly params: Params | undefined;
  constructor(code: string, messageKey: MessageKey, params?: Params, options?: { cause?: unknown }) {
    super(message('fr', { messageKey, params }), options);
    this.name = new.target.name;
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
  }
}

/** The browser refused to write (quota). Everything saved before is intact. */
export class StorageFullError extends StorageError {
  constructor(options?: { cause?: unknown }) {
    super('storage-full', 'storage.full', undefined, options);
  }
}

export type PinProblem = 'pin-too-short' | 'pin-too-long' | 'pin-not-digits';
export class PinRuleError extends StorageError {
  constructor(code: PinProblem, params: Params) {
    const key: MessageKey =
      code === 'pin-too-short'
        ? 'storage.pin.tooShort'
        : code === 'pin-too-long'
          ? 'storage.pin.tooLong'
          : 'storage.pin.digits';
    super(code, key, params);
  }
}

/** `remaining`: wrong tries left before everything is erased (in `params`, so it crosses messaging). */
export class WrongPinError extends StorageError {
  readonly remaining: number | undefined;
  constructor(remaining?: number) {
    super(
      'wrong-pin',
      remaining === undefined || remaining > 2
        ? 'storage.vault.wrongPin'
        : remaining === 1
          ? 'storage.vault.wrongPinLast'
          : 'storage.vault.wrongPinWarning',
      remaining === undefined ? undefined : { remaining },
    );
    this.remaining = remaining;
  }
}
/** Too many wrong PINs (or the key file is gone): everything of the session was erased. */
export class PinTriesExhaustedError extends StorageError {
  constructor(tries: number) {
    super('pin-erased', tries > 0 ? 'storage.vault.erased' : 'storage.vault.keyGone', { tries });
  }
}
export class VaultLockedError extends StorageError {
  constructor() {
    super('vault-locked', 'storage.vault.locked');
  }
}
export class VaultExpiredError extends StorageError {
  constructor() {
    super('vault-expired', 'storage.vault.expired');
  }
}
/** The database is encrypted but this store was given no unlocked vault: refuse rather than write in clear. */
export class VaultRequiredError extends StorageError {
  constructor() {
    super('vault-required', 'storage.vault.required');
  }
}
export class VaultExistsError extends StorageError {
  constructor() {
    super('vault-exists', 'storage.vault.exists');
  }
}
export class NoVaultError extends StorageError {
  constructor() {
    super('no-vault', 'storage.vault.none');
  }
}

export type HandoverProblem =
  | 'passphrase-too-short'
  | 'wrong-passphrase'
  | 'damaged'
  | 'not-export'
  | 'unsupported-version'
  | 'empty';
const HANDOVER_KEYS: Record<HandoverProblem, MessageKey> = {
  'passphrase-too-short': 'storage.handover.passphraseTooShort',
  'wrong-passphrase': 'storage.handover.wrongPassphrase',
  damaged: 'storage.handover.damaged',
  'not-export': 'storage.handover.notExport',
  'unsupported-version': 'storage.handover.unsupportedVersion',
  empty: 'storage.handover.empty',
};
export class HandoverError extends StorageError {
  declare readonly code: HandoverProblem;
  constructor(code: HandoverProblem, params?: Params, options?: { cause?: unknown }) {
    super(code, HANDOVER_KEYS[code], params, options);
  }
}

/** Dexie wraps the DOMException (`err.inner`); browsers name it QuotaExceededError (old Firefox: NS_ERROR_DOM_QUOTA_REACHED). */
export function isQuotaError(error: unknown): boolean {
  const names = new Set<string>();
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const e = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof e.name === 'string') names.add(e.name);
    current = e.inner ?? e.cause;
  }
  return names.has('QuotaExceededError') || names.has('NS_ERROR_DOM_QUOTA_REACHED');
}

/** Turns a quota failure into StorageFullError; other errors pass through unchanged. */
export function translateWriteError(error: unknown): unknown {
  if (error instanceof StorageError) return error;
  if (isQuotaError(error)) return new StorageFullError({ cause: error });
  return error;
}
