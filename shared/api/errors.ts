/** Stable error codes. Clients branch on these, so never rename one. */
export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'insufficient_stock',
  'unauthorized',
  'forbidden',
  'db_from_future',
  'not_a_chasqui_db',
  'db_damaged',
  /** The channel is not linked, or is paused after a block or rate limit. */
  'channel_not_ready',
  /** Wrong password, code or token; the channel card says what to do. */
  'channel_auth_failed',
  'channel_rate_limited',
  'channel_blocked',
  /** The network refused or failed for another reason; nothing was sent. */
  'channel_error',
  /** Instagram and Messenger allow replies only within 24 hours of the customer's last message. */
  'reply_window_closed',
  /** WhatsApp needs Chrome, Chromium or Edge on this computer and none was found. */
  'browser_not_found',
  /** The disk is full: nothing was saved; it works again once space is freed. */
  'disk_full',
  /** The stall sheet needs the shop's WhatsApp number (Ajustes) for its QR; nothing was printed. */
  'whatsapp_number_missing',
  /** A message asked for is not in the conversation named (another customer's chat); nothing was read. */
  'message_not_in_conversation',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** For invalid_input: the dotted path of the offending field, e.g. "variants.0.price". */
  field?: string;
  /** Extra machine-readable facts, e.g. { available: 2 } for insufficient_stock. */
  details?: Record<string, unknown>;
}

/** Thrown inside the core and by the client; carries a stable code. */
export class ChasquiError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ChasquiError';
    this.code = body.code;
    this.field = body.field;
    this.details = body.details;
  }

  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export const fail = (code: ErrorCode, message: string, extra: Omit<ApiErrorBody, 'code' | 'message'> = {}): never => {
  throw new ChasquiError({ code, message, ...extra });
};

export const isChasquiError = (value: unknown): value is ChasquiError => value instanceof ChasquiError;
