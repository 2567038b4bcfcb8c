import { loginEmail } from '@crm/contract/client';
import type { FieldError } from '@/lib/problem';
import { useState } from 'react';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '@/api/client';
import { isApiError } from '@/lib/problem';
import type { SignupRequest } from '@/api/types';
import { applyFieldErrors } from '@/ui/errors';
import { FormError } from '@/ui/FormError';
import { useSession } from '@/session/useSession';
import { signIn } from '@/session/session';
import { AuthLayout } from '@/features/auth/components/AuthLayout';
import { isEmail, MIN_PASSWORD } from '@/features/auth/components/validation';

/** Creates the account with its admin (POST /signup), then signs in. */
export default function SignupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const [extra, setExtra] = useState<FieldError[]>([]);
  const form = useForm<SignupRequest>({
    initialValues: { company: '', name: '', email: '', password: '' },
    validate: {
      company: (v) => (v.trim() ? null : t('common.required')),
      name: (v) => (v.trim() ? null : t('common.required')),
      email: (v) => (isEmail(v) ? null : t('auth.emailInvalid')),
      password: (v) => (v.length >= MIN_PASSWORD ? null : t('auth.passwordShort', { count: MIN_PASSWORD })),
    },
  });
  if (session) return <Navigate to="/" replace />;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    // The account starts in the browser's language: Russian stage names, RUB and Moscow time, or English.
    const locale = navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
    const body = { ...values, email: loginEmail(values.email), locale } as const;
    try {
      await api.signup(body);
    } catch (e) {
      if (isApiError(e, 409)) form.setFieldError('email', t('auth.emailTaken'));
      else setExtra(applyFieldErrors(form, e));
      setError(isApiError(e, 409) ? null : e);
      return;
    }
    try {
      await signIn(body.email, body.password);
      navigate('/', { replace: true });
    } catch {
      navigate(`/login?email=${encodeURIComponent(body.email)}`, { replace: true });
    }
  });

  return (
    <AuthLayout title={t('auth.signUpTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={error} extra={extra} />
          <TextInput label={t('auth.company')} autoComplete="organization" required {...form.getInputProps('company')} />
          <TextInput label={t('auth.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint', { count: MIN_PASSWORD })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting} fullWidth>
            {t('auth.createAccount')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/login">
              {t('auth.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
