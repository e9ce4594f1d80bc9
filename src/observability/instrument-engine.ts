import type { ConversationEngine } from '../conversation/engine.ts';
import type { MetricsRecorder } from './metrics-recorder.ts';

/** The engine with every inbound event counted by result and its turn timed (wall time, not the clock port). */
export function instrumentEngine(engine: ConversationEngine, metrics: MetricsRecorder): ConversationEngine {
  return {
    ...engine,
    async handle(event) {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const result = await engine.handle(event);
        metrics.inbound(event.platform, result.duplicate ? 'duplicate' : result.refused ? 'refused' : 'handled', seconds());
        return result;
      } catch (error) {
        metrics.inbound(event.platform, 'error', seconds());
        throw error;
      }
    },
  };
}
