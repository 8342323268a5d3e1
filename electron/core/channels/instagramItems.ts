/** The parts of an Instagram direct thread Chasqui reads. */
export interface IgItem {
  item_id: string;
  user_id: number | string;
  timestamp: string;
  item_type: string;
  text?: string;
  link?: { text?: string };
  media?: { image_versions2?: { candidates?: { url: string }[] } };
  media_share?: { caption?: { text?: string } | null };
  reel_share?: { text?: string };
}

export interface IgThread {
  thread_id: string;
  viewer_id: number | string;
  users: { pk: number | string; username: string; full_name: string }[];
  items: IgItem[];
}

/** What a seller should see for each kind of item; photos are fetched and stored. */
export const itemText = (item: IgItem): { text: string; imageUrl: string | null } => {
  switch (item.item_type) {
    case 'text':
      return { text: item.text ?? '', imageUrl: null };
    case 'link':
      return { text: item.link?.text ?? item.text ?? '', imageUrl: null };
    case 'media':
      return { text: '📷', imageUrl: item.media?.image_versions2?.candidates?.[0]?.url ?? null };
    case 'like':
      return { text: '❤️', imageUrl: null };
    case 'media_share':
      return { text: `📎 ${item.media_share?.caption?.text ?? 'Publicación compartida'}`, imageUrl: null };
    case 'reel_share':
      return { text: `💬 ${item.reel_share?.text ?? 'Respondió a tu historia'}`, imageUrl: null };
    case 'voice_media':
      return { text: '🎤 Nota de voz', imageUrl: null };
    default:
      return { text: item.text ?? `[${item.item_type}]`, imageUrl: null };
  }
};
