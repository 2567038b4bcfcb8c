// A role's name as the admin pages show it: the built-in ones translated, custom ones as named.
import type { TFunction } from 'i18next';

export const roleLabel = (t: TFunction, role: { id: string; name: string; builtIn?: boolean }) =>
  role.builtIn ? t(`settings.roles.${role.id}`, { defaultValue: role.name }) : role.name;
