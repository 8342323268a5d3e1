import { ChasquiError } from '../../shared/api/errors';

/** Field-level errors from the core's invalid_input (field "variants.0.sku") for the form to show in place. */
export interface FormError {
  field: string | null;
  message: string;
}

export const toFormError = (error: unknown): FormError => {
  if (error instanceof ChasquiError) {
    const field = error.field ?? null;
    const message = field && error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
    return { field, message };
  }
  return { field: null, message: error instanceof Error ? error.message : String(error) };
};
