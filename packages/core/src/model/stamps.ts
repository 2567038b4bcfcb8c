// What every entity of the contract carries besides its own fields.

export interface Stamps {
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  version: number;
}

/** The contract's `createdAt`, `updatedAt`, `createdBy` and `version` of a stored item. */
export const stampsOf = ({ createdAt, updatedAt, createdBy, version }: Stamps): Stamps => ({ createdAt, updatedAt, createdBy, version });
