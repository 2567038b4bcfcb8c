import { useState } from 'react';
import { Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldError } from '@/lib/problem';
import { applyFieldErrors } from '@/ui/errors';
import { FormActions } from '@/ui/FormActions';
import { FormError } from '@/ui/FormError';
import { notifySuccess } from '@/ui/notify';
import { useInviteUser } from '@/features/admin-users/hooks/useAdmin';

interface Props {
  opened: boolean;
  onClose: () => void;
  roles: { value: string; label: string }[];
  groups: { value: string; label: string }[];
}

/** Invites a user: with a password the login works at once, without one Cognito sends an invitation. */
export function InviteUserModal({ opened, onClose, roles, groups }: Props) {
  const { t } = useTranslation();
  const invite = useInviteUser();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const form = useForm({
    initialValues: { email: '', name: '', role: 'manager', groupId: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('auth.emailInvalid')),
      name: (v) => (v.trim() ? null : t('common.required')),
      password: (v) => (!v || v.length >= 8 ? null : t('auth.passwordShort', { count: 8 })),
    },
  });
  const close = () => {
    form.reset();
    setError(null);
    onClose();
  };
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await invite.mutateAsync({
        email: v.email.trim(),
        name: v.name.trim(),
        role: v.role,
        ...(v.groupId && { groupId: v.groupId }),
        ...(v.password && { password: v.password }),
      });
      notifySuccess(t('admin.users.invited'));
      close();
    } catch (e) {
      if (isApiError(e, 409)) form.setFieldError('email', t('auth.emailTaken'));
      else setExtra(applyFieldErrors(form, e));
      setError(isApiError(e, 409) ? null : e);
    }
  });
  return (
    <Modal opened={opened} onClose={close} title={t('admin.users.invite')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={error} extra={extra} />
          <TextInput label={t('auth.email')} type="email" required data-autofocus {...form.getInputProps('email')} />
          <TextInput label={t('admin.users.name')} required {...form.getInputProps('name')} />
          <Select label={t('admin.users.role')} data={roles} allowDeselect={false} {...form.getInputProps('role')} />
          <Select
            label={t('admin.users.group')}
            data={groups}
            clearable
            placeholder={t('admin.users.noGroup')}
            {...form.getInputProps('groupId')}
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('admin.users.passwordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <FormActions submitLabel={t('admin.users.invite')} saving={invite.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
