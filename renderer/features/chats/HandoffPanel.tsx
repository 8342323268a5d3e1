import { useEffect, useState, type FormEvent } from 'react';
import type { ConversationSummary } from '../../../shared/domain/inbox';
import type { HandoffNote } from '../../../shared/api/methods/team';
import { useTeam } from '../settings/useTeam';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';
import '../settings/team.css';

const NoteCard = ({ note, onDone, onOpen }: { note: HandoffNote; onDone: () => void; onOpen?: () => void }) => {
  const t = useT();
  const dateTime = useDateTime();
  return (
    <li className="handoff">
      <p><bdi>{note.text}</bdi></p>
      <small className="muted">
        {onOpen ? <><bdi>{note.customerName}</bdi> · </> : null}
        {t('handoffs.fromTo', { from: note.fromName ?? t('team.owner'), to: note.toName ?? t('team.owner') })} · {dateTime(note.createdAt)}
      </small>
      <div className="actions">
        {onOpen ? <button type="button" className="button button-quiet" onClick={onOpen}>{t('handoffs.open')}</button> : null}
        <button type="button" className="button button-quiet" onClick={onDone}>{t('handoffs.done')}</button>
      </div>
    </li>
  );
};

/** Notes left for the person using this screen ("Para ti"), above the chat list; hidden when there are none. */
export const MyHandoffs = ({ onOpen }: { onOpen: (conversationId: number) => void }) => {
  const t = useT();
  const [notes, setNotes] = useState<HandoffNote[]>([]);
  const load = () => void api.call('team.handoffs', { isMine: true }).then((r) => setNotes(r.items), () => setNotes([]));
  useEffect(load, []);
  if (notes.length === 0) return null;
  return (
    <section className="card wide handoffs" aria-label={t('handoffs.forYou')}>
      <strong>{t('handoffs.forYouCount', { count: notes.length })}</strong>
      <ul>
        {notes.map((note) => (
          <NoteCard key={note.id} note={note} onOpen={() => onOpen(note.conversationId)} onDone={() => void api.call('team.finishHandoff', { id: note.id }).then(load)} />
        ))}
      </ul>
    </section>
  );
};

/** On an open chat: who answers it, the open notes on this customer, and a new note for someone. */
export const HandoffPanel = ({ conversation, onChanged }: { conversation: ConversationSummary; onChanged: () => void }) => {
  const t = useT();
  const people = useTeam();
  const [notes, setNotes] = useState<HandoffNote[]>([]);
  const [isWriting, setWriting] = useState(false);
  const [text, setText] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = () => void api.call('team.handoffs', { conversationId: conversation.id }).then((r) => setNotes(r.items), () => setNotes([]));
  useEffect(load, [conversation.id]);
  const add = (event: FormEvent) => {
    event.preventDefault();
    const toPersonId = people.find((p) => String(p.id) === to)?.id ?? null;
    void api.call('team.addHandoff', { conversationId: conversation.id, toPersonId, text }).then(
      () => {
        setText('');
        setWriting(false);
        setError(null);
        load();
      },
      (e: unknown) => setError(toFormError(e, t).message),
    );
  };
  if (people.length === 0 && notes.length === 0) return null;
  return (
    <div className="handoff-panel">
      {people.length > 0 ? (
        <div className="actions">
          <label className="field-inline">
            <span>{t('handoffs.assignedTo')}</span>
            <select
              value={conversation.assignedTo?.id ?? ''}
              onChange={(e) => void api.call('team.assignConversation', { conversationId: conversation.id, personId: people.find((p) => String(p.id) === e.target.value)?.id ?? null }).then(onChanged)}
            >
              <option value="">{t('handoffs.anyone')}</option>
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
          <button type="button" className="button button-quiet" aria-expanded={isWriting} onClick={() => setWriting((v) => !v)}>{t('handoffs.add')}</button>
        </div>
      ) : null}
      {isWriting ? (
        <form className="handoff-form" onSubmit={add}>
          <label className="field-inline">
            <span>{t('handoffs.to')}</span>
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">{t('team.owner')}</option>
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
          <input aria-label={t('handoffs.text')} placeholder={t('handoffs.placeholder')} value={text} maxLength={500} required onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="button button-primary">{t('handoffs.save')}</button>
          {error ? <p className="form-error" role="alert">{error}</p> : null}
        </form>
      ) : null}
      {notes.length > 0 ? (
        <ul className="handoffs-list" aria-label={t('handoffs.notes')}>
          {notes.map((note) => <NoteCard key={note.id} note={note} onDone={() => void api.call('team.finishHandoff', { id: note.id }).then(load)} />)}
        </ul>
      ) : null}
    </div>
  );
};
