// The settings' own navigation: one line per section, in the order the left column shows them.
// `adminOnly` sections are hidden from others (the API refuses them anyway).
export interface SettingsSection {
  /** Path under /settings ('' is the profile). */
  path: string;
  /** i18n key of the section's name. */
  label: string;
  adminOnly: boolean;
}

export const SETTINGS_SECTIONS: SettingsSection[] = [
  { path: '', label: 'settings.profile', adminOnly: false },
  { path: 'import', label: 'imports.title', adminOnly: false },
];
