/** One table under load, ours or the bare relay's: each seat's action, what is still on its way, and leaving. */
export type LoadTable = {
  seats: (() => void)[];
  inFlight(): number;
  leave(): Promise<void>;
};
