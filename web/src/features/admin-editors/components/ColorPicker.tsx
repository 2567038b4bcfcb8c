// A colour from a fixed palette: a swatch button that opens the palette, each colour a button.
import { ColorSwatch, Popover, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Light enough for dark text on a board header, distinct enough side by side. */
export const PALETTE = [
  '#99ccff',
  '#ffcc66',
  '#ff9966',
  '#ff8080',
  '#ffb3d9',
  '#d9b3ff',
  '#a3a3ff',
  '#80e0e0',
  '#99e699',
  '#d4e157',
  '#ffe680',
  '#c2c2c2',
  '#4caf50',
  '#9e9e9e',
] as const;

export function ColorPicker({ value, onChange, label }: { value: string; onChange: (color: string) => void; label: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const colors = PALETTE.includes(value as (typeof PALETTE)[number]) ? PALETTE : [value, ...PALETTE];
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <UnstyledButton aria-label={label} aria-haspopup="dialog" onClick={() => setOpened((o) => !o)} data-color={value}>
          <ColorSwatch color={value} size={22} />
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={label}>
        <Text size="xs" c="dimmed" mb={6}>
          {t('adminEditors.pickColor')}
        </Text>
        <SimpleGrid cols={7} spacing={6}>
          {colors.map((color) => (
            <ColorSwatch
              key={color}
              component="button"
              type="button"
              color={color}
              size={24}
              aria-label={color}
              aria-pressed={color === value}
              style={{ cursor: 'pointer', color: '#1a1b1e' }}
              onClick={() => {
                setOpened(false);
                if (color !== value) onChange(color);
              }}
            >
              {color === value && <IconCheck size={14} aria-hidden />}
            </ColorSwatch>
          ))}
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}
