// An entity's card form: starts from the stored entity, follows it when its version changes,
// and saves only the changed fields with If-Match.
import { useEffect, useState } from 'react';
import { useForm, type FormValidateInput } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { changedFields } from '@/lib/diff';
import { applyFieldErrors } from './errors';
import { notifySuccess } from './notify';

interface Versioned {
  id: string;
  version: number;
}

interface Options<T extends Versioned, V extends object> {
  item: T;
  toValues: (item: T) => V;
  /** Turns the changed values into the PATCH body. */
  toPatch: (changes: Partial<V>, values: V) => object;
  save: (args: { item: T; patch: never }) => Promise<unknown>;
  validate?: FormValidateInput<V>;
}

export function useEditForm<T extends Versioned, V extends object>({ item, toValues, toPatch, save, validate }: Options<T, V>) {
  const { t } = useTranslation();
  const [extra, setExtra] = useState<string[]>([]);
  const form = useForm<V>({ initialValues: toValues(item), validate });
  useEffect(() => {
    form.setInitialValues(toValues(item));
    form.setValues(toValues(item));
  }, [item.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const onSubmit = form.onSubmit(async (values) => {
    const changes = changedFields(toValues(item), values);
    if (Object.keys(changes).length === 0) return;
    setExtra([]);
    try {
      await save({ item, patch: toPatch(changes, values) as never });
      notifySuccess(t('common.saved'));
    } catch (e) {
      setExtra(applyFieldErrors(form, e));
    }
  });
  return { form, onSubmit, extra };
}
