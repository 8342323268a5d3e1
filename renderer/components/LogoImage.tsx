import { useFileSrc } from './useFileSrc';

/** The shop's logo by its photo id (the settings hold the id, not a link). */
export const LogoImage = ({ mediaId, className }: { mediaId: string; className: string }) => {
  const src = useFileSrc(`/media/thumbs/${mediaId}.webp`);
  return src ? <img className={className} src={src} alt="" /> : <span className={className} aria-hidden="true" />;
};
