import { z } from 'zod';

/** Instagram and Facebook "Download your information" write UTF-8 bytes as if each were a Latin-1 letter. */
export const repairMojibake = (text: string): string => {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(text)) return text;
  const repaired = Buffer.from(text, 'latin1').toString('utf8');
  return repaired.includes('\ufffd') ? text : repaired;
};

const threadSchema = z.object({
  title: z.string().optional(),
  participants: z.array(z.object({ name: z.string() })).default([]),
  messages: z.array(
    z.object({
      sender_name: z.string(),
      timestamp_ms: z.number(),
      content: z.string().optional(),
      photos: z.array(z.unknown()).optional(),
      videos: z.array(z.unknown()).optional(),
      audio_files: z.array(z.unknown()).optional(),
      share: z.object({ link: z.string().optional() }).optional(),
    }),
  ),
});

export interface MetaThread {
  title: string;
  participants: string[];
  messages: { author: string; text: string; sentAt: number; hasAttachment: boolean }[];
}

/** One message_N.json of a thread; null when the JSON is not a Meta message export. */
export const parseMetaThread = (json: string): MetaThread | null => {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = threadSchema.safeParse(data);
  if (!parsed.success) return null;
  return {
    title: repairMojibake(parsed.data.title ?? ''),
    participants: parsed.data.participants.map((p) => repairMojibake(p.name)),
    // Exports list the newest first; the ledger wants them in the order they were written.
    messages: parsed.data.messages
      .map((m) => ({
        author: repairMojibake(m.sender_name),
        text: repairMojibake(m.content ?? m.share?.link ?? ''),
        sentAt: m.timestamp_ms,
        hasAttachment: Boolean(m.photos?.length || m.videos?.length || m.audio_files?.length),
      }))
      .sort((a, b) => a.sentAt - b.sentAt),
  };
};
