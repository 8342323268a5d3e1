import { useState, type ReactNode } from 'react';
import type { OrderDraftItem } from '../../../shared/api/methods/orders';
import type { DoubtReason } from '../../../shared/domain/drafts';
import { VariantPicker, type PickedVariant } from '../../components/VariantPicker';
import { useMoney } from '../../format';
import { useT } from '../../i18n';

/** What the draft said about a line, kept until the order is saved (then it teaches the shop's words). */
export interface DraftMark {
  words: string;
  draftedVariantId: number | null;
  isVariantGuessed: boolean;
  isDoubtful: boolean;
  reasons: DoubtReason[];
  isLearned: boolean;
}

export interface Line {
  variantId: number;
  name: string;
  quantity: number;
  unitPrice: number;
  draft?: DraftMark;
}

/** Words with a count that named nothing in the catalog, waiting for the seller to pick the product. */
export interface PendingWords {
  words: string;
  quantity: number;
}

export const lineOfDraft = (item: OrderDraftItem): Line => ({
  variantId: item.variantId,
  name: item.name,
  quantity: item.quantity,
  unitPrice: item.unitPrice,
  draft: {
    words: item.words,
    draftedVariantId: item.variantId,
    isVariantGuessed: item.reasons.includes('variantGuessed'),
    isDoubtful: item.confidence === 'check',
    reasons: item.reasons,
    isLearned: item.isLearned,
  },
});

/** What orders.create receives for a line from a draft, so saving teaches what the seller corrected. */
export const draftOriginOf = (line: Line) =>
  line.draft && line.draft.words.trim() !== ''
    ? { draft: { words: line.draft.words.slice(0, 200), draftedVariantId: line.draft.draftedVariantId, isVariantGuessed: line.draft.isVariantGuessed } }
    : {};

const isCorrected = (line: Line): boolean => line.draft !== undefined && line.draft.draftedVariantId !== line.variantId;

interface DraftLinesProps {
  lines: Line[];
  pending: PendingWords[];
  onLines(next: Line[]): void;
  onPending(next: PendingWords[]): void;
  /** Today's price of a picked variant (a promotion's), as the quote gives it. */
  priceOf(picked: PickedVariant): Promise<number>;
  /** The stock note under a line. */
  note(line: Line): ReactNode;
}

/**
 * The draft's lines, the doubtful ones first and highlighted with the customer's words and why they
 * are doubtful, each with a way to change the product; words that named nothing ask for a product.
 */
export const DraftLines = ({ lines, pending, onLines, onPending, priceOf, note }: DraftLinesProps) => {
  const t = useT();
  const money = useMoney();
  const [changing, setChanging] = useState<number | null>(null);
  const doubtful = lines.filter((l) => l.draft?.isDoubtful);
  const sure = lines.filter((l) => !l.draft?.isDoubtful);
  const toCheck = doubtful.filter((l) => !isCorrected(l)).length + pending.length;

  /** Puts the picked product on the line (or adds its count to a line that already has it), keeping where its words came from. */
  const put = async (from: Line | PendingWords, picked: PickedVariant) => {
    const unitPrice = await priceOf(picked);
    const draft: DraftMark | undefined =
      'variantId' in from ? from.draft : { words: from.words, draftedVariantId: null, isVariantGuessed: false, isDoubtful: true, reasons: ['unknown'], isLearned: false };
    const fromId = 'variantId' in from ? from.variantId : null;
    const rest = lines.filter((l) => l.variantId !== fromId);
    const same = rest.find((l) => l.variantId === picked.variantId);
    const next = same
      ? rest.map((l) => (l === same ? { ...l, quantity: l.quantity + from.quantity, draft: l.draft ?? draft } : l))
      : lines.some((l) => l.variantId === fromId)
        ? lines.map((l) => (l.variantId === fromId ? { variantId: picked.variantId, name: picked.name, quantity: from.quantity, unitPrice, draft } : l))
        : [{ variantId: picked.variantId, name: picked.name, quantity: from.quantity, unitPrice, draft }, ...lines];
    onLines(next);
    if (!('variantId' in from)) onPending(pending.filter((p) => p !== from));
    setChanging(null);
  };

  const setQuantity = (line: Line, value: string) =>
    onLines(lines.map((l) => (l.variantId === line.variantId ? { ...l, quantity: Math.max(1, Number.parseInt(value, 10) || 1) } : l)));

  const row = (line: Line) => {
    const isCheck = line.draft?.isDoubtful === true && !isCorrected(line);
    return (
      <tr key={line.variantId} className={isCheck ? 'draft-row-check' : line.draft?.isDoubtful ? 'draft-row-fixed' : undefined} data-confidence={line.draft ? (isCheck ? 'check' : 'sure') : undefined}>
        <td>
          {line.name}
          {line.draft?.words ? (
            <span className="draft-words">
              {t('drafts.from', { words: line.draft.words })}
              {line.draft.isLearned ? <span className="badge">{t('drafts.learned')}</span> : null}
            </span>
          ) : null}
          {isCheck ? (
            <span className="draft-reasons">
              {line.draft?.reasons.filter((r) => r !== 'assumedQuantity' || line.draft?.reasons.length === 1).map((r) => t(`drafts.reason.${r}`)).join(' · ')}
            </span>
          ) : null}
          {line.draft && isCorrected(line) && !line.draft.isVariantGuessed ? <span className="draft-fixed">{t('drafts.corrected', { words: line.draft.words })}</span> : null}
          {note(line)}
          {isCheck && changing !== line.variantId ? (
            <button type="button" className="link-button" onClick={() => setChanging(line.variantId)}>{t('drafts.change')}</button>
          ) : null}
          {changing === line.variantId ? <VariantPicker label={t('drafts.pickFor', { words: line.draft?.words ?? line.name })} onPick={(picked) => void put(line, picked)} /> : null}
        </td>
        <td>
          <input type="number" min={1} value={line.quantity} aria-label={`${t('orders.quantity')}: ${line.name}`} onChange={(e) => setQuantity(line, e.target.value)} />
        </td>
        <td className="num nowrap">{money(line.unitPrice)}</td>
        <td><button type="button" className="icon-button" aria-label={`${t('orders.remove')}: ${line.name}`} onClick={() => onLines(lines.filter((l) => l.variantId !== line.variantId))}>×</button></td>
      </tr>
    );
  };

  if (lines.length === 0 && pending.length === 0) return null;
  return (
    <div className="draft-lines">
      {toCheck > 0 ? (
        <div className="draft-check-head" role="status">
          <strong>{t('drafts.checkTitle', { count: toCheck })}</strong>
          <small className="muted">{t('drafts.checkHelp')}</small>
        </div>
      ) : null}
      <div className="table-fit"><table className="table order-lines">
        <thead><tr><th scope="col">{t('orders.items')}</th><th scope="col">{t('orders.quantity')}</th><th scope="col" className="num">{t('orders.unitPrice')}</th><th scope="col"><span className="visually-hidden">{t('orders.remove')}</span></th></tr></thead>
        <tbody>
          {pending.map((p) => (
            <tr key={`pending-${p.words}`} className="draft-row-check" data-confidence="unknown">
              <td colSpan={3}>
                <VariantPicker label={t('drafts.unknownTitle', { words: p.words })} onPick={(picked) => void put(p, picked)} />
                <span className="draft-reasons">{t('drafts.reason.unknown')}</span>
              </td>
              <td><button type="button" className="icon-button" aria-label={`${t('drafts.dismiss')}: ${p.words}`} onClick={() => onPending(pending.filter((x) => x !== p))}>×</button></td>
            </tr>
          ))}
          {doubtful.map(row)}
          {sure.map(row)}
        </tbody>
      </table></div>
    </div>
  );
};
