import { TagsInput, type TagsInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTags } from './useTags';

export function TagsField({ entityType, ...props }: Omit<TagsInputProps, 'data'> & { entityType: 'leads' | 'contacts' | 'companies' }) {
  const { t } = useTranslation();
  const tags = useTags(entityType);
  return <TagsInput label={t('fields.tags')} data={tags.data ?? []} clearable maxTags={50} {...props} />;
}
