/** English texts about phone numbers; merged into en.ts. */
export const enPhones = {
  'phone.invalid': 'The number {phone} is not a valid mobile number in {country}',
  'phone.invalidAnywhere': 'The number {phone} is not a valid mobile number',
  'customers.phone': 'Phone',
} as const;
