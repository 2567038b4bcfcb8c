import { loginEmail } from '@crm/contract/client';
import { useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { CognitoError } from '@/session/cognito';
import { useSession } from '@/session/useSession';
import { signIn } from '@/session/session';
import { AuthLayout } from '@/features/auth/components/AuthLayout';
import { isEmail } from '@/features/auth/components/validation';

function useSignInErrorMessage() {
  const { t } = useTranslation();
  return (e: unknown) => {
    const code = e instanceof CognitoError ? e.code : '';
    // cognito-local says InvalidPasswordException where AWS says NotAuthorizedException.
    if (['NotAuthorizedException', 'UserNotFoundException', 'InvalidPasswordException'].includes(code)) return t('auth.wrongCredentials');
    if (code === 'UserNotConfirmedException') return t('auth.notConfirmed');
    if (code === 'NetworkError') return t('errors.network');
    if (code === 'TooManyRequestsException') return t('errors.throttled');
    return e instanceof Error ? e.message : t('errors.unexpected');
  };
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const describe = useSignInErrorMessage();
  const form = useForm({
    initialValues: { email: params.get('email') ?? '', password: '' },
    validate: {
      email: (v) => (isEmail(v) ? null : t('auth.emailInvalid')),
      password: (v) => (v ? null : t('auth.passwordRequired')),
    },
  });
  const next = params.get('next') || '/';
  if (session) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async ({ email, password }) => {
    setError(null);
    try {
      await signIn(loginEmail(email), password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(describe(e));
    }
  });

  return (
    <AuthLayout title={t('auth.signInTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={form.submitting} fullWidth>
            {t('auth.signIn')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/signup">
              {t('auth.signUp')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
