import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Company } from '@/api/types';
import { SaveError } from '@/ui/SaveError';
import { useEditForm } from '@/ui/useEditForm';
import { companiesApi, useUpdateCompany } from '@/features/companies/hooks/useCompanies';
import { CompanyFields } from './CompanyFields';
import { companyBody, companyToValues } from './companyValues';

export function CompanyDetailsForm({ company }: { company: Company }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = useUpdateCompany();
  const { form, onSubmit, extra } = useEditForm({
    item: company,
    toValues: companyToValues,
    toPatch: (changes) => companyBody(changes, true),
    save: update.mutateAsync,
    validate: { name: (v: string) => (v.trim() ? null : t('common.required')) },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('companies.details')}>
      <Stack gap="sm">
        <SaveError error={update.error} extra={extra} onReload={() => { update.reset(); void qc.invalidateQueries({ queryKey: companiesApi.keys.detail(company.id) }); }} />
        <CompanyFields form={form} full />
        <Group justify="flex-end">
          <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>{t('common.cancel')}</Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
