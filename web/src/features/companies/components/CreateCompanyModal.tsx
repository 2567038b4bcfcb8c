import { useState } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CompanyInput } from '@/api/types';
import { applyFieldErrors } from '@/ui/errors';
import { FormError } from '@/ui/FormError';
import { notifySuccess } from '@/ui/notify';
import { useCreateCompany } from '@/features/companies/hooks/useCompanies';
import { CompanyFields } from './CompanyFields';
import { companyBody, emptyCompany, type CompanyValues } from './companyValues';

export default function CreateCompanyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCompany();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<CompanyValues>({
    initialValues: emptyCompany(),
    validate: { name: (v) => (v.trim() ? null : t('common.required')) },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const company = await create.mutateAsync({ body: companyBody(values, false) as CompanyInput });
      notifySuccess(t('companies.created', { name: company.name }));
      onClose();
      navigate(`/companies/${company.id}`);
    } catch (e) {
      setExtra(applyFieldErrors(form, e));
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('companies.newCompany')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={create.error} extra={extra} />
          <CompanyFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
