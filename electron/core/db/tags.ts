/** Tags as a product or a customer keeps them (a JSON array of strings), anything else left out. */
export const parseTags = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
};
