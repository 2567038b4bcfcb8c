// The analytics section's reports, one route each; the filters travel with the address.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = [
  { path: '/analytics', label: 'analytics.funnel' },
  { path: '/analytics/summary', label: 'analytics.summary' },
  { path: '/analytics/managers', label: 'analytics.managers' },
  { path: '/analytics/events', label: 'analytics.events' },
] as const;

export function AnalyticsTabs() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const current = TABS.find((tab) => tab.path === pathname.replace(/\/$/, ''))?.path ?? TABS[0].path;
  return (
    <Tabs value={current} onChange={(path) => path && navigate(`${path}${path.endsWith('events') ? '' : search}`)} mb="md">
      <Tabs.List aria-label={t('analytics.title')}>
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.path} value={tab.path}>
            {t(tab.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
