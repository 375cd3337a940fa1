/** What the engine needs from the emulator instance: state, ids and the content PRNG. */
import type { IdFactory, Prng } from '../ids';
import type { Store } from '../store';

export interface EngineCtx {
  store: Store;
  ids: IdFactory;
  prng: Prng;
}
