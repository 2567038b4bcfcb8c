// Companies: the organisations that contacts work for and leads are made with.
import { defineEntity } from './define.ts';
import { SERVICE, gsi } from './base.ts';
import { clientAttributes } from './contact.ts';

export const CompanyEntity = defineEntity({
  model: { entity: 'company', version: '1', service: SERVICE },
  attributes: {
    ...clientAttributes,
    companyId: { type: 'string', required: true, readOnly: true },
    website: { type: 'string' },
    address: { type: 'string' },
  },
  indexes: {
    byId: { pk: { field: 'pk', composite: ['accountId'] }, sk: { field: 'sk', composite: ['companyId'] } },
    byResponsible: gsi(2, ['accountId', 'responsibleUserId'], ['companyId']),
    byNearestTask: gsi(3, ['accountId'], ['nearestTaskKey', 'companyId']),
    byName: gsi(4, ['accountId'], ['nameFolded', 'companyId']),
    byUpdated: gsi(5, ['accountId'], ['updatedAt', 'companyId']),
  },
});
