import { create } from 'zustand';
import type { MethodArgs } from '../../shared/api/contract';
import { defaultSettings, type ShopSettings } from '../../shared/domain/settings';
import { api } from '../api';

interface SettingsState {
  settings: ShopSettings;
  isLoaded: boolean;
  load(): Promise<void>;
  update(changes: MethodArgs<'settings.update'>): Promise<void>;
  apply(settings: ShopSettings): void;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: defaultSettings,
  isLoaded: false,
  load: async () => set({ settings: await api.call('settings.get', {}), isLoaded: true }),
  update: async (changes) => set({ settings: await api.call('settings.update', changes) }),
  apply: (settings) => set({ settings }),
}));
