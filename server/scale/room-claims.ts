import { Pool } from 'pg';
import type { Logger } from 'pino';
import { z } from 'zod';

/** The two kinds of room a process can hold: a game table, or a class session's lobby and roster. */
export const RoomKind = z.enum(['game', 'session']);
export type RoomKind = z.infer<typeof RoomKind>;

/**
 * Which process holds which room, kept in PostgreSQL beside the records. A room opens only
 * in the process that holds its claim, so two processes never both open a table: a claim is
 * taken with one INSERT, and taken over from a process that is gone with one conditional
 * UPDATE, and PostgreSQL lets exactly one process win either. The holder is Colyseus's
 * process id; whether it is still alive is Colyseus's to say (its presence), not a lease.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS room_claims (
  room_id    text PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('game', 'session')),
  owner      text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS room_claims_owner ON room_claims (owner);
`;

/** Several processes may start at once: one creates the table, the others wait for it. */
const SCHEMA_LOCK = 'border-bargain room claims';

const OwnerRow = z.object({ owner: z.string() });
const ClaimRow = z.object({ room_id: z.string(), kind: RoomKind });
const CountRow = z.object({ owner: z.string(), rooms: z.coerce.number().int() });
const RoomIdRow = z.object({ room_id: z.string() });

export type Claim = z.infer<typeof ClaimRow>;

export class RoomClaims {
  private readonly pool: Pool;

  private constructor(pool: Pool) {
    this.pool = pool;
  }

  /** A small pool of its own: claims are a few statements a minute, and must not queue behind the game records' appends. */
  static async open(connectionString: string, log: Logger): Promise<RoomClaims> {
    const pool = new Pool({ connectionString, application_name: 'border-bargain claims', max: 3, connectionTimeoutMillis: 10_000 });
    pool.on('error', (error) => log.error({ err: error }, 'an idle PostgreSQL connection of the room claims failed'));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
      await client.query('COMMIT');
      client.release();
    } catch (error) {
      client.release(true);
      await pool.end();
      throw error;
    }
    return new RoomClaims(pool);
  }

  /** Claims a room for `owner` unless another process holds it; answers who holds it now. */
  async claim(roomId: string, kind: RoomKind, owner: string): Promise<string> {
    const taken = await this.pool.query(
      `INSERT INTO room_claims (room_id, kind, owner) VALUES ($1, $2, $3)
       ON CONFLICT (room_id) DO UPDATE SET claimed_at = now() WHERE room_claims.owner = EXCLUDED.owner
       RETURNING owner`,
      [roomId, kind, owner],
    );
    const row = taken.rows[0];
    if (row !== undefined) return OwnerRow.parse(row).owner;
    const held = await this.pool.query('SELECT owner FROM room_claims WHERE room_id = $1', [roomId]);
    const holder = held.rows[0];
    // Released between the two statements (the room ended): try once more.
    return holder === undefined ? this.claim(roomId, kind, owner) : OwnerRow.parse(holder).owner;
  }

  /** Moves a room from a process that is gone to `to`; false if someone else got there first. */
  async takeOver(roomId: string, from: string, to: string): Promise<boolean> {
    const moved = await this.pool.query('UPDATE room_claims SET owner = $3, claimed_at = now() WHERE room_id = $1 AND owner = $2', [roomId, from, to]);
    return moved.rowCount === 1;
  }

  /**
   * Takes one room of a process that is gone, sessions first (their tables report to them).
   * Survivors calling this at once share the rooms out, none taking the same one.
   */
  async takeNext(from: string, to: string): Promise<Claim | null> {
    const taken = await this.pool.query(
      `UPDATE room_claims SET owner = $2, claimed_at = now()
       WHERE room_id = (
         SELECT room_id FROM room_claims WHERE owner = $1
         ORDER BY (kind = 'session') DESC, claimed_at, room_id
         LIMIT 1 FOR UPDATE SKIP LOCKED
       ) AND owner = $1
       RETURNING room_id, kind`,
      [from, to],
    );
    const row = taken.rows[0];
    return row === undefined ? null : ClaimRow.parse(row);
  }

  /** The room is done (its game or session ended): no one needs to reopen it. */
  async release(roomId: string, owner: string): Promise<void> {
    await this.pool.query('DELETE FROM room_claims WHERE room_id = $1 AND owner = $2', [roomId, owner]);
  }

  /** How many rooms each process holds. */
  async holdings(): Promise<Map<string, number>> {
    const result = await this.pool.query('SELECT owner, count(*) AS rooms FROM room_claims GROUP BY owner');
    return new Map(result.rows.map((row) => CountRow.parse(row)).map((r) => [r.owner, r.rooms]));
  }

  async heldBy(owner: string): Promise<Set<string>> {
    const result = await this.pool.query('SELECT room_id FROM room_claims WHERE owner = $1', [owner]);
    return new Set(result.rows.map((row) => RoomIdRow.parse(row).room_id));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
