import type { OutboundMessage } from '../../src/conversation/types.ts';
import type { Logger } from '../../src/logger.ts';
import { UnrecoverableError } from '../errors.ts';
import { EPHEMERAL_FALLBACK_ERRORS, slackErrorCode, toDeliveryError, type SlackApi } from './api.ts';
import { encodeSlackMessage } from './encode.ts';
import { parseSlackRef } from './refs.ts';

/**
 * One outbox message to its Slack conversation: a channel, a person's DM, or an ephemeral message
 * (in the person's DM when the app cannot post there). Shared by the Bolt adapter and the Workers one.
 */
export async function sendSlackMessage(api: SlackApi, logger: Logger, targetRef: string, message: OutboundMessage): Promise<void> {
  const target = parseSlackRef(targetRef);
  if (!target) throw new UnrecoverableError(`not a slack conversation ref: ${targetRef}`);
  const rendered = encodeSlackMessage(message);
  try {
    if (target.kind === 'channel') {
      await api.postMessage(target.channel, rendered);
    } else if (target.kind === 'user') {
      await api.postMessage(await api.openDm(target.user), rendered);
    } else {
      try {
        await api.postEphemeral(target.channel, target.user, rendered);
      } catch (error) {
        const code = slackErrorCode(error);
        if (!code || !EPHEMERAL_FALLBACK_ERRORS.has(code)) throw error;
        // The app is not in that channel (or it is someone else's DM): say it in the person's DM.
        logger.info({ code }, 'slack ephemeral message not possible there; sent as a DM');
        await api.postMessage(await api.openDm(target.user), rendered);
      }
    }
  } catch (error) {
    throw toDeliveryError(error);
  }
}
