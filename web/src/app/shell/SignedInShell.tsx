// The frame of every signed-in page: header with search and quick add, the navigation, and
// the account (GET /me) that formats money and dates below it.
import { lazy, Suspense, useEffect } from 'react';
import { Box, Burger, Button, Center, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '@/session/useMe';
import { signOut } from '@/session/session';
import { GlobalSearch } from '@/features/search/components/GlobalSearch';
import { hasChosenLanguage, setLanguage } from '@/i18n';
import { ErrorState, LoadingState } from '@/ui/states';
import { IpNotAllowed, isIpNotAllowed } from '@/features/access/IpNotAllowed';
import { useLiveUpdates } from '@/app/live';
import { MainNavigation } from './MainNavigation';
import { QuickAddProvider } from './QuickAdd';
import classes from './Shell.module.css';

// The menus are not needed to show the page: their chunk (Menu, the notifications list) loads beside it.
const HeaderMenus = lazy(() => import('./HeaderMenus'));

/** Until the user picks a language, the account's locale decides it. */
function useAccountLanguage(locale: string | undefined) {
  useEffect(() => {
    if (!locale || hasChosenLanguage()) return;
    void setLanguage(locale.toLowerCase().startsWith('ru') ? 'ru' : 'en', false);
  }, [locale]);
}

export default function SignedInShell() {
  const { t } = useTranslation();
  const me = useMe();
  const [navOpened, nav] = useDisclosure(false);
  const location = useLocation();
  useAccountLanguage(me.data?.account.locale);
  useLiveUpdates();
  useEffect(() => nav.close(), [location.pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  if (me.isPending) return <LoadingState />;
  // The account's IP allow-list refuses this address: every call would fail, so explain instead of the app.
  if (me.isError && isIpNotAllowed(me.error)) return <IpNotAllowed error={me.error} onSignOut={signOut} />;
  if (me.isError) {
    return (
      <Center mih="60dvh" p="md">
        <Stack maw={420}>
          <ErrorState error={me.error} onRetry={() => void me.refetch()} />
          <Button variant="subtle" onClick={signOut}>
            {t('auth.signOut')}
          </Button>
        </Stack>
      </Center>
    );
  }

  return (
    <QuickAddProvider>
      <header className={classes.header}>
        <Group h="100%" w="100%" gap="sm" wrap="nowrap">
          <Burger
            opened={navOpened}
            onClick={nav.toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={t('nav.menu')}
            aria-expanded={navOpened}
            aria-controls="main-navigation"
          />
          <Text component={Link} to="/" fw={800} fz="lg" c="blue.8" td="none" visibleFrom="xs">
            CRM
          </Text>
          <GlobalSearch />
          <Box ml="auto">
            {/* Holds the three 34px buttons' place (gap xs) so the header does not shift when they arrive. */}
            <Suspense fallback={<Box w={122} h={34} aria-hidden />}>
              <HeaderMenus me={me.data} />
            </Suspense>
          </Box>
        </Group>
      </header>
      <aside id="main-navigation" className={classes.navbar} data-open={navOpened ? 'true' : undefined}>
        <MainNavigation />
      </aside>
      <div className={classes.backdrop} data-open={navOpened ? 'true' : undefined} onClick={nav.close} aria-hidden />
      <main className={classes.main}>
        <Outlet />
      </main>
    </QuickAddProvider>
  );
}
