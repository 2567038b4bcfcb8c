// The settings' own navigation: one line per section, in the order the left column shows them.
// `adminOnly` sections are hidden from others, `needs` ones from roles without that right (the API refuses them anyway).
export interface SettingsSection {
  /** Path under /settings ('' is the profile). */
  path: string;
  /** i18n key of the section's name. */
  label: string;
  adminOnly: boolean;
  /** Shown only to a role with this right on some entity type (e.g. import needs `edit`). */
  needs?: 'edit' | 'export';
}

export const SETTINGS_SECTIONS: SettingsSection[] = [
  { path: '', label: 'settings.profile', adminOnly: false },
  // The account and its people.
  { path: 'account', label: 'settings.account', adminOnly: true },
  { path: 'users', label: 'admin.users.title', adminOnly: true },
  { path: 'roles', label: 'admin.roles.title', adminOnly: true },
  { path: 'groups', label: 'admin.groups.title', adminOnly: true },
  // How the sales work is shaped.
  { path: 'pipelines', label: 'adminEditors.pipelines.title', adminOnly: true },
  { path: 'automations', label: 'automations.title', adminOnly: true },
  { path: 'task-types', label: 'adminEditors.taskTypes.title', adminOnly: true },
  { path: 'custom-fields', label: 'adminEditors.customFields.title', adminOnly: true },
  // Data in and out, integrations.
  { path: 'import', label: 'imports.title', adminOnly: false, needs: 'edit' },
  { path: 'forms', label: 'forms.title', adminOnly: true },
  { path: 'webhooks', label: 'webhooks.title', adminOnly: true },
  { path: 'api-keys', label: 'apiKeys.title', adminOnly: true },
  { path: 'integrations', label: 'widgets.title', adminOnly: true },
  // What the account does.
  { path: 'login-history', label: 'loginHistory.title', adminOnly: true },
  { path: 'usage', label: 'usage.title', adminOnly: true },
];
