// The account's name, currency, time zone and locale (admins): what every page formats with.
import { useEffect, useState } from 'react';
import { Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import type { AccountSettings } from '@/api/types';
import { applyFieldErrors } from '@/ui/errors';
import { FormError } from '@/ui/FormError';
import { notifySuccess } from '@/ui/notify';
import { ErrorState, LoadingState } from '@/ui/states';
import { meQueryKey } from '@/session/useMe';

const CURRENCIES = ['RUB', 'USD', 'EUR', 'KZT', 'BYN', 'UAH', 'GBP', 'CNY', 'TRY', 'AED'];
const LOCALES = ['ru-RU', 'en-US', 'en-GB', 'de-DE', 'kk-KZ'];
const timeZones = (): string[] => {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone') : ['UTC', 'Europe/Moscow', 'Europe/London', 'America/New_York', 'Asia/Almaty'];
};

type Editable = Pick<AccountSettings, 'name' | 'currency' | 'timezone' | 'locale'>;

export function AccountSettingsForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: ({ signal }) => api.get<AccountSettings>('/settings', undefined, signal) });
  const save = useMutation({
    mutationFn: (patch: Partial<Editable>) => api.patch<AccountSettings>('/settings', patch),
    onSuccess: (saved) => {
      qc.setQueryData(['settings'], saved);
      void qc.invalidateQueries({ queryKey: meQueryKey });
    },
  });
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<Editable>({ initialValues: { name: '', currency: 'RUB', timezone: 'UTC', locale: 'ru-RU' } });
  useEffect(() => {
    if (!settings.data) return;
    const { name, currency, timezone, locale } = settings.data;
    form.setInitialValues({ name, currency, timezone, locale });
    form.setValues({ name, currency, timezone, locale });
  }, [settings.data]); // eslint-disable-line react-hooks/exhaustive-deps

  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;

  const submit = form.onSubmit(async (values) => {
    try {
      await save.mutateAsync(values);
      notifySuccess(t('common.saved'));
    } catch (e) {
      setExtra(applyFieldErrors(form, e));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={480}>
        <Title order={2} size="h4">{t('settings.account')}</Title>
        <FormError error={save.error} extra={extra} />
        <TextInput label={t('settings.accountName')} required {...form.getInputProps('name')} />
        <Select label={t('settings.currency')} data={CURRENCIES} searchable {...form.getInputProps('currency')} allowDeselect={false} />
        <Select label={t('settings.timezone')} data={timeZones()} searchable {...form.getInputProps('timezone')} allowDeselect={false} />
        <Select label={t('settings.locale')} data={LOCALES} {...form.getInputProps('locale')} allowDeselect={false} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
