/**
 * In-memory state. Records wrap the wire object (what is sent) with the bookkeeping the engine
 * needs (creation order, the run's pending script, stream listeners). Lookups are by id in Maps;
 * ordered views are SortedLists so pagination never sorts.
 */
import { SortedList, type Ordered } from './paginate';
import type { Beat, Course } from './engine/beats';
import type { AssistantWire, FileWire, MessageWire, RunWire, StepWire, ThreadWire } from './wire';

export interface AssistantRec extends Ordered {
  wire: AssistantWire;
}

export interface MessageRec extends Ordered {
  wire: MessageWire;
}

export interface StepRec extends Ordered {
  wire: StepWire;
}

/** Something listening to a run's events (an open SSE response). */
export interface RunListener {
  /** Whether file_search result content was requested (include[]). */
  includeContent: boolean;
  send(event: string, data: unknown): void;
}

export interface RunRec extends Ordered {
  wire: RunWire;
  steps: SortedList<StepRec>;
  /** Messages this run wrote (the `run_id` filter of list messages). */
  messages: SortedList<MessageRec>;
  /** Beats not yet applied, in time order (absolute emulator seconds). */
  pending: Beat[];
  course: Course;
  /** Index of the next course leg to start when tool outputs arrive. */
  nextLeg: number;
  listeners: Set<RunListener>;
}

export interface ThreadRec extends Ordered {
  wire: ThreadWire;
  messages: SortedList<MessageRec>;
  runs: SortedList<RunRec>;
  /** The most recently created run: the only one that may be active (one active run per thread). */
  latestRun: RunRec | null;
}

export interface FileRec {
  wire: FileWire;
  contentType: string;
  content: () => Buffer;
}

export class Store {
  private seqCounter = 0;
  readonly assistants = new Map<string, AssistantRec>();
  readonly assistantList = new SortedList<AssistantRec>();
  readonly threads = new Map<string, ThreadRec>();
  readonly threadList = new SortedList<ThreadRec>();
  readonly runs = new Map<string, RunRec>();
  readonly messages = new Map<string, MessageRec>();
  readonly steps = new Map<string, StepRec>();
  readonly files = new Map<string, FileRec>();

  nextSeq(): number {
    this.seqCounter += 1;
    return this.seqCounter;
  }

  addAssistant(wire: AssistantWire): AssistantRec {
    const rec: AssistantRec = { id: wire.id, created_at: wire.created_at, seq: this.nextSeq(), wire };
    this.assistants.set(rec.id, rec);
    this.assistantList.insert(rec);
    return rec;
  }

  addThread(wire: ThreadWire): ThreadRec {
    const rec: ThreadRec = {
      id: wire.id,
      created_at: wire.created_at,
      seq: this.nextSeq(),
      wire,
      messages: new SortedList(),
      runs: new SortedList(),
      latestRun: null,
    };
    this.threads.set(rec.id, rec);
    this.threadList.insert(rec);
    return rec;
  }

  /** Builds a message record without attaching it (runs attach theirs when the script says so). */
  makeMessage(wire: MessageWire): MessageRec {
    return { id: wire.id, created_at: wire.created_at, seq: this.nextSeq(), wire };
  }

  attachMessage(thread: ThreadRec, rec: MessageRec, run?: RunRec): void {
    this.messages.set(rec.id, rec);
    thread.messages.insert(rec);
    run?.messages.insert(rec);
  }

  makeStep(wire: StepWire): StepRec {
    return { id: wire.id, created_at: wire.created_at, seq: this.nextSeq(), wire };
  }

  attachStep(run: RunRec, rec: StepRec): void {
    this.steps.set(rec.id, rec);
    run.steps.insert(rec);
  }

  addRun(thread: ThreadRec, rec: RunRec): void {
    this.runs.set(rec.id, rec);
    thread.runs.insert(rec);
    thread.latestRun = rec;
  }

  deleteThread(thread: ThreadRec): void {
    for (const run of thread.runs.items) {
      for (const step of run.steps.items) this.steps.delete(step.id);
      run.listeners.clear();
      this.runs.delete(run.id);
    }
    for (const msg of thread.messages.items) this.messages.delete(msg.id);
    this.threadList.remove(thread);
    this.threads.delete(thread.id);
  }

  addFile(rec: FileRec): FileRec {
    this.files.set(rec.wire.id, rec);
    return rec;
  }
}
