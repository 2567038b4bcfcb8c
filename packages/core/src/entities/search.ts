// Search terms: one item per (record, searchable term), kept by the record's own
// transaction. A prefix Query on a term partition answers a search without reading records.
import { defineEntity } from './define.ts';
import { SERVICE } from './base.ts';

export const SearchTermEntity = defineEntity({
  model: { entity: 'searchTerm', version: '1', service: SERVICE },
  attributes: {
    accountId: { type: 'string', required: true, readOnly: true },
    recordType: { type: ['lead', 'contact', 'company'] as const, required: true, readOnly: true },
    /** name: a folded word of the name, or the Latin spelling of a Cyrillic one; phone: the
     *  normalised digits reversed (suffix search becomes prefix search); phoneStart: the digits
     *  as dialled inside the country (prefix search); email: the lower-cased address. */
    field: { type: ['name', 'phone', 'phoneStart', 'email'] as const, required: true, readOnly: true },
    term: { type: 'string', required: true, readOnly: true },
    recordId: { type: 'string', required: true, readOnly: true },
    /** The record's responsible user, for view rights with an `own` scope. */
    ownerId: { type: 'string', required: true },
    /** What a hit shows (contract LeadHit / ContactHit / CompanyHit). */
    hit: { type: 'any', required: true },
  },
  indexes: {
    byTerm: {
      pk: { field: 'pk', composite: ['accountId', 'recordType', 'field'] },
      sk: { field: 'sk', composite: ['term', 'recordId'] },
    },
  },
});
