// The kinds of custom field as plain data: core's stored definitions (entities/custom-field.ts)
// need them in every Lambda, which should not build the custom-field schemas for that.
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'select', 'multiselect', 'date', 'url', 'checkbox'] as const;
