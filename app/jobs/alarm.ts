/** A resettable sleep that can be cut short; a ring while nobody waits is kept for the next wait. */
export interface Alarm {
  ring(): void;
  wait(ms: number): Promise<void>;
}

/** Creates an alarm for a polling loop that must also react to events at once. */
export function createAlarm(): Alarm {
  let rung = false;
  let wakeWaiter: (() => void) | undefined;
  return {
    ring() {
      rung = true;
      wakeWaiter?.();
    },
    wait(ms) {
      if (rung) {
        rung = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        wakeWaiter = done;
        function done() {
          clearTimeout(timer);
          wakeWaiter = undefined;
          rung = false;
          resolve();
        }
      });
    },
  };
}
