import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '@/i18n';

/** RU/EN, remembered on this device. */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'ru' ? 'ru' : 'en';
  return (
    <Button.Group aria-label={t('settings.language')}>
      {LANGUAGES.map((lang) => (
        <Button
          key={lang}
          size={size === 'xs' ? 'compact-xs' : 'compact-sm'}
          variant={lang === current ? 'filled' : 'default'}
          aria-pressed={lang === current}
          lang={lang}
          onClick={() => void setLanguage(lang)}
        >
          {lang.toUpperCase()}
        </Button>
      ))}
    </Button.Group>
  );
}
