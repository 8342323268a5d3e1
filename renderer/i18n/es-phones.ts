/** Spanish texts about phone numbers; merged into es.ts. */
export const esPhones = {
  'phone.invalid': 'El número {phone} no es un celular válido de {country}',
  'phone.invalidAnywhere': 'El número {phone} no es un celular válido',
  'customers.phone': 'Teléfono',
} as const;
