// A name edited in place: saved on Enter or when focus leaves, if it changed and is not blank.
import { TextInput } from '@mantine/core';
import { useState } from 'react';

export function NameInput({
  value,
  label,
  onSave,
  disabled,
}: {
  value: string;
  label: string;
  onSave: (name: string) => void;
  disabled?: boolean;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // The server's name replaces the draft when it changes there (a save, another admin).
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  const save = () => {
    const name = draft.trim();
    if (name && name !== value) onSave(name);
    else setDraft(value);
  };
  return (
    <TextInput
      size="xs"
      aria-label={label}
      value={draft}
      disabled={disabled}
      maxLength={200}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
        if (e.key === 'Escape') setDraft(value);
      }}
      style={{ flex: 1, minWidth: 0 }}
    />
  );
}
