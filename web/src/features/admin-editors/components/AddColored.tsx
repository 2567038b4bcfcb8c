// Adds a named, coloured thing (a stage, a task type): a colour from the palette, a name, a button.
import { Button, Group, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorPicker } from './ColorPicker';

interface Props {
  /** The name field's label. */
  label: string;
  button: string;
  initialColor: string;
  maxLength: number;
  loading: boolean;
  /** `done` clears the name once the server took it. */
  onAdd: (input: { name: string; color: string }, done: () => void) => void;
}

export function AddColored({ label, button, initialColor, maxLength, loading, onAdd }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [color, setColor] = useState(initialColor);
  return (
    <Group
      mt="sm"
      gap="xs"
      wrap="nowrap"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) onAdd({ name: name.trim(), color }, () => setName(''));
      }}
    >
      <ColorPicker value={color} onChange={setColor} label={t('adminEditors.colorOf', { name: label })} />
      <TextInput
        size="xs"
        aria-label={label}
        placeholder={label}
        value={name}
        maxLength={maxLength}
        onChange={(e) => setName(e.currentTarget.value)}
        style={{ flex: 1 }}
      />
      <Button size="xs" type="submit" leftSection={<IconPlus size={14} aria-hidden />} loading={loading} disabled={!name.trim()}>
        {button}
      </Button>
    </Group>
  );
}
