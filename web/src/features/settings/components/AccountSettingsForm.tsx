// The account's settings (admin): name, currency, time zone, locale and the IP allow-list,
// saved with If-Match so a change made meanwhile is not overwritten.
import { useMemo } from 'react';
import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '@crm/contract/client';
import { api } from '@/api/client';
import { meQueryKey } from '@/session/useMe';
import { applyFieldErrors } from '@/ui/errors';
import { FormError } from '@/ui/FormError';
import { notifySuccess } from '@/ui/notify';

export type AccountSettings = ResponseOf<'settings.get'>;
export const settingsQueryKey = ['settings'] as const;

interface Values {
  name: string;
  currency: string;
  timezone: string;
  locale: 'ru' | 'en';
  ipAllowlist: string;
}

const toValues = (s: AccountSettings): Values => ({
  name: s.name,
  currency: s.currency,
  timezone: s.timezone,
  locale: s.locale,
  ipAllowlist: s.ipAllowlist.join('\n'),
});
const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);

export function AccountSettingsForm({ settings }: { settings: AccountSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ initialValues: toValues(settings) });
  const currencies = useMemo(() => Intl.supportedValuesOf('currency'), []);
  const zones = useMemo(() => ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')], []);
  const save = useMutation({
    mutationFn: ({ name, currency, timezone, locale, ipAllowlist }: Values) =>
      api.settings.patch({ name, currency, timezone, locale, ipAllowlist: lines(ipAllowlist) }, { ifMatch: settings.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsQueryKey, saved);
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      notifySuccess(t('accountSettings.saved'));
    },
    onError: (error) => {
      // Entries come back as ipAllowlist.<n>: shown below on the one field that holds them.
      applyFieldErrors(form, error);
      void queryClient.invalidateQueries({ queryKey: settingsQueryKey });
    },
  });
  const listErrors = (save.error as { fieldErrors?: { path: string; message: string }[] } | null)?.fieldErrors?.filter((e) =>
    e.path.startsWith('ipAllowlist.'),
  );

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm" maw={560}>
        <FormError error={save.error} />
        <TextInput label={t('settings.accountName')} required {...form.getInputProps('name')} />
        <Select label={t('settings.currency')} data={currencies} searchable allowDeselect={false} {...form.getInputProps('currency')} />
        <Select label={t('settings.timezone')} data={zones} searchable allowDeselect={false} {...form.getInputProps('timezone')} />
        <Select
          label={t('accountSettings.locale')}
          data={[
            { value: 'en', label: 'English' },
            { value: 'ru', label: 'Русский' },
          ]}
          allowDeselect={false}
          {...form.getInputProps('locale')}
        />
        <Textarea
          label={t('accountSettings.ipAllowlist')}
          description={t('accountSettings.ipAllowlistHint')}
          placeholder={'203.0.113.0/24\n2001:db8::/32'}
          autosize
          minRows={3}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('ipAllowlist')}
          error={
            listErrors?.length
              ? listErrors
                  .map((e) => `${lines(form.getValues().ipAllowlist)[Number(e.path.split('.')[1])] ?? e.path}: ${e.message}`)
                  .join('; ')
              : undefined
          }
        />
        {form.getValues().ipAllowlist.trim() !== '' && (
          <Alert variant="light" color="yellow">
            {t('accountSettings.ipAllowlistWarning')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
