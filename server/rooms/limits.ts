/** How fast one connection may talk before its messages are refused (a typed refusal, not a disconnect). */
export type MessageRate = { burst: number; perSecond: number };

/** A person negotiating sends a few moves a second at most; a chat burst fits in the bucket. */
export const DEFAULT_MESSAGE_RATE: MessageRate = { burst: 12, perSecond: 6 };

/**
 * Colyseus disconnects a client above this many messages a second. Kept well above the
 * soft rate so an honest client is only ever refused, never cut off.
 */
export const HARD_MESSAGES_PER_SECOND = 60;

/**
 * The cut-off for a configured soft rate: never below the hard limit, and always well above
 * what the soft rate lets through in one second (a server run with a faster rate, as tests
 * and benches are, must not cut off the clients it lets play fast).
 */
export function hardMessageLimit(rate: MessageRate): number {
  return Math.max(HARD_MESSAGES_PER_SECOND, 2 * (rate.burst + rate.perSecond));
}

/** Players plus spectators (an instructor, a projector, a few observers). */
export const MAX_CLIENTS_PER_ROOM = 64;

/** How long a dropped seat's old session can be resumed; after that its seat token still brings it back. */
export const RECONNECT_SECONDS = 60;

/**
 * A game of its own that no one has sat at this long after its room opened ends: its link
 * was never used, and an open table costs the server a room and a clock for its whole life.
 */
export const OPEN_GAME_EXPIRY_SECONDS = 60 * 60;

/** A restored game whose deadline passed while the server was down gets this long before its timer fires. */
export const RESTORE_GRACE_SECONDS = 30;

/** WebSocket frames above this are dropped by the transport; between MAX_MESSAGE_BYTES and this they get a typed refusal. */
export const MAX_FRAME_BYTES = 64 * 1024;

/**
 * The least time between two moves of one bot, and before its first move in a phase: a
 * person reads the proposal before the answer comes. A class session may set its own.
 */
export const BOT_PACE_MS = 6000;

/** A lecture hall, with room to spare; the session room's client limit follows from it. */
export const MAX_STUDENTS_PER_SESSION = 600;

/**
 * How long a reserved seat in a session room waits for its WebSocket. Colyseus's 15 s
 * default can lapse when a whole class joins at once on a slow network.
 */
export const SESSION_SEAT_RESERVATION_SECONDS = 60;

/**
 * How long a reserved seat at a game table waits for its WebSocket. Colyseus's 15 s default
 * lapsed under load: when a class (or the load bench's 1,000 tables) joins at once, a busy
 * server or a slow network can take longer than that between the seat's reservation and its
 * socket, and the student is turned away with a seat held for her. A reservation that is never
 * used only keeps its place in the room this long.
 */
export const GAME_SEAT_RESERVATION_SECONDS = 60;

/** The instructor's live view is pushed at most this often (4 a second). */
export const SESSION_VIEW_INTERVAL_MS = 250;

/**
 * Record entries that may wait for the store's next group commit. Past it the store is not
 * keeping up (a stalled disk or database): a move is refused as busy rather than queued into
 * seconds. A batch of this size takes SQLite a few milliseconds; the bound is for a store that stalls.
 */
export const MAX_WAITING_APPENDS = 2000;

/**
 * A move that finds its table's queue stuck this long (the oldest task still waiting to run)
 * is refused at once as `server/busy` instead of joining the queue: an overloaded server says
 * so in two seconds rather than answering in ten. Not lower: a busy machine's slow commit
 * (hundreds of ms) must not refuse a student's quick second message.
 */
export const MAX_QUEUE_WAIT_MS = 2000;

/**
 * Decisions that may wait for a scoring worker before the pool reports that it is behind (in
 * the log, once per crossing, and in its figures). A worker scores about a hundred a second, so
 * this is some twenty seconds of one worker's work: cards are coming late. Past it nothing is
 * dropped: each waiting job is a card a student will read, and it costs only its table's state
 * before the move; moves never wait for scoring, so a backlog delays cards, not play.
 */
export const MAX_SCORING_BACKLOG = 2000;
