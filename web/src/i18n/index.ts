// i18next with Russian and English bundled; the chosen language is remembered in localStorage.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import { en } from './en';
import { ru } from './ru';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'crm.lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'ru') return stored;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** Whether the user picked a language; if not, the account's locale may choose it. */
export const hasChosenLanguage = () => localStorage.getItem(STORAGE_KEY) !== null;

function applyLanguage(lang: string) {
  document.documentElement.lang = lang;
  dayjs.locale(lang);
}

export function initI18n() {
  const lng = initialLanguage();
  applyLanguage(lng);
  return i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function setLanguage(lang: Language, remember = true) {
  if (remember) localStorage.setItem(STORAGE_KEY, lang);
  applyLanguage(lang);
  await i18n.changeLanguage(lang);
}

export const currentLanguage = (): Language => (i18n.language === 'ru' ? 'ru' : 'en');
