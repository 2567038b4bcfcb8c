// Errors of the API (problem+json) and of the network, in one shape the pages can show.
export interface FieldError {
  path: string;
  message: string;
  /** What is wrong (zod's issue codes), for a message in the user's language. */
  code?: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemBody;

  constructor(status: number, problem: ProblemBody) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  /** Field errors keyed by path ("phones.0.value"), the form library's own notation. */
  fieldErrorMap(): Record<string, string> {
    return Object.fromEntries(this.fieldErrors.filter((e) => e.path).map((e) => [e.path, e.message]));
  }
}

export const isApiError = (e: unknown, status?: number): e is ApiError =>
  e instanceof ApiError && (status === undefined || e.status === status);

/** 409/412: someone else's change came first. */
export const isConflict = (e: unknown) => isApiError(e, 409) || isApiError(e, 412);
