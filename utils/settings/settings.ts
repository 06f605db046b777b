import { type ComfortSettings, parseComfort } from '../comfort/settings';
import { isLang, type Lang } from '../i18n';

/** Everything the person chooses that is not procedure data. */
export type Settings = {
  comfort: ComfortSettings;
  /** Chosen by the person in the panel; absent means "from the site or the browser". */
  lang?: Lang;
  speechRate: number;
  voiceURI?: string;
};

export const SETTINGS_KEY = 'pasapas:settings';

export function parseSettings(raw: unknown): Settings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const rate =
    typeof input.speechRate === 'number' && input.speechRate >= 0.5 && input.speechRate <= 2
      ? input.speechRate
      : 1;
  return {
    comfort: parseComfort(input.comfort),
    ...(isLang(input.lang) ? { lang: input.lang } : {}),
    speechRate: rate,
    ...(typeof input.voiceURI === 'string' && input.voiceURI ? { voiceURI: input.voiceURI } : {}),
  };
}

export type SettingsStore = {
  load(): Promise<Settings>;
  save(next: Settings): Promise<void>;
  /** Called when settings change elsewhere (another tab, the options page, the side panel). */
  subscribe(listener: (settings: Settings) => void): () => void;
};

/** Extension store: one set of settings per person, in the extension's own storage. */
export type StorageAreaLike = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};
export type StorageChangeSource = {
  addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
};

export function createExtensionSettingsStore(
  area: StorageAreaLike,
  onChanged: StorageChangeSource,
): SettingsStore {
  return {
    async load() {
      const items = await area.get(SETTINGS_KEY);
      return parseSettings(items[SETTINGS_KEY]);
    },
    async save(next) {
      await area.set({ [SETTINGS_KEY]: next });
    },
    subscribe(listener) {
      const cb = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        const change = changes[SETTINGS_KEY];
        if (areaName === 'local' && change) listener(parseSettings(change.newValue));
      };
      onChanged.addListener(cb);
      return () => onChanged.removeListener(cb);
    },
  };
}

/**
 * Widget store: settings per site, in the administration's origin (localStorage). Storage can
 * be unavailable (blocked cookies, sandboxed frames): settings then last for the page only.
 */
export function createLocalSettingsStore(win: Window): SettingsStore {
  let memory: Settings | undefined;
  // The 'storage' event only reaches other tabs: notify this page's own listeners ourselves.
  const listeners = new Set<(settings: Settings) => void>();
  const read = (): Settings => {
    try {
      const raw = win.localStorage.getItem(SETTINGS_KEY);
      return parseSettings(raw ? JSON.parse(raw) : undefined);
    } catch {
      return memory ?? parseSettings(undefined);
    }
  };
  return {
    load: async () => read(),
    async save(next) {
      memory = next;
      try {
        win.localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      } catch {
        // Kept in memory for this page; the panel still works.
      }
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      const cb = (e: StorageEvent) => {
        if (e.key === SETTINGS_KEY) listener(read());
      };
      listeners.add(listener);
      win.addEventListener('storage', cb);
      return () => {
        listeners.delete(listener);
        win.removeEventListener('storage', cb);
      };
    },
  };
}

/** Synchronous read for the widget loader, so comfort applies before the first paint. */
export function readLocalSettingsSync(win: Window): Settings {
  try {
    const raw = win.localStorage.getItem(SETTINGS_KEY);
    return parseSettings(raw ? JSON.parse(raw) : undefined);
  } catch {
    return parseSettings(undefined);
  }
}
