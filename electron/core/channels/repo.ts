import type { ChannelKind, ChannelState, ChannelStatus } from '../../../shared/domain/channels';
import type { Db } from '../db/open';

interface AccountRow {
  kind: ChannelKind;
  status: ChannelStatus;
  account: string;
  detail: string;
  is_wanted: number;
  linked_at: number | null;
  updated_at: number;
}

export interface SavedAccount {
  state: Omit<ChannelState, 'prompt'>;
  isWanted: boolean;
}

export const readAccounts = (db: Db): SavedAccount[] =>
  db
    .prepare<[], AccountRow>('SELECT * FROM channel_accounts')
    .all()
    .map((r) => ({
      state: { kind: r.kind, status: r.status, account: r.account, detail: r.detail, linkedAt: r.linked_at, updatedAt: r.updated_at },
      isWanted: r.is_wanted === 1,
    }));

export const saveAccount = (db: Db, state: ChannelState, isWanted: boolean): void => {
  db.prepare(
    `INSERT INTO channel_accounts (kind, status, account, detail, is_wanted, linked_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET status = excluded.status, account = excluded.account, detail = excluded.detail,
       is_wanted = excluded.is_wanted, linked_at = excluded.linked_at, updated_at = excluded.updated_at`,
  ).run(state.kind, state.status, state.account, state.detail, isWanted ? 1 : 0, state.linkedAt, state.updatedAt);
};
