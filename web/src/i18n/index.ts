// i18next with Russian and English, each loaded when chosen; the choice is remembered in localStorage.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

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
}

const loadMessages = (lang: Language) => (lang === 'ru' ? import('./ru').then((m) => m.ru) : import('./en').then((m) => m.en));

export async function initI18n() {
  const lng = initialLanguage();
  applyLanguage(lng);
  await i18n.use(initReactI18next).init({
    resources: { [lng]: { translation: await loadMessages(lng) } },
    lng,
    fallbackLng: false,
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function setLanguage(lang: Language, remember = true) {
  if (remember) localStorage.setItem(STORAGE_KEY, lang);
  if (!i18n.hasResourceBundle(lang, 'translation')) i18n.addResourceBundle(lang, 'translation', await loadMessages(lang));
  applyLanguage(lang);
  await i18n.changeLanguage(lang);
}

export const currentLanguage = (): Language => (i18n.language === 'ru' ? 'ru' : 'en');
