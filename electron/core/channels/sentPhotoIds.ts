/**
 * Messenger and Instagram take no caption on a photo, so Chasqui sends the photo and then the text,
 * and records the text (with the photo on it). The photo's own message would come back on the next
 * sync as a second, empty message from her: its id is kept here so that sync leaves it out. Only the
 * last few hundred are kept, in memory: a restart between a send and the next sync lets one through.
 */
export const createSentPhotoIds = (limit = 500) => {
  const ids = new Set<string>();
  return {
    add(id: string): void {
      ids.add(id);
      const oldest = ids.values().next();
      if (ids.size > limit && !oldest.done) ids.delete(oldest.value);
    },
    has: (id: string): boolean => ids.has(id),
  };
};
