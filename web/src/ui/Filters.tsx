// A row of list filters; on a phone it folds behind a "Filters" button so the list comes first.
import { useState, type ReactNode } from 'react';
import { Badge, Box, Button, Group } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function Filters({ active, children }: { active: number; children: ReactNode }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', false);
  const [opened, setOpened] = useState(false);
  return (
    <Box mb="sm">
      {phone && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFilter size={14} aria-hidden />}
          rightSection={
            active > 0 ? (
              <Badge size="xs" circle>
                {active}
              </Badge>
            ) : undefined
          }
          aria-expanded={opened}
          onClick={() => setOpened((o) => !o)}
          mb={opened ? 'xs' : 0}
        >
          {t('common.filters')}
        </Button>
      )}
      {(!phone || opened) && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          {children}
        </Group>
      )}
    </Box>
  );
}
