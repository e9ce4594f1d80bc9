import type { OutboundMessage } from '../../src/conversation/types.ts';
import type { Logger } from '../../src/logger.ts';
import { PictureNotSentError, UnrecoverableError } from '../errors.ts';
import { sendWithPicture } from '../picture.ts';
import type { ChartImages } from '../../src/charts/chart-store.ts';
import { EPHEMERAL_FALLBACK_ERRORS, slackErrorCode, toDeliveryError, type SlackApi } from './api.ts';
import { encodeSlackMessage } from './encode.ts';
import { parseSlackRef } from './refs.ts';

/**
 * One outbox message to its Slack conversation: a channel, a person's DM, or an ephemeral message
 * (in the person's DM when the app cannot post there). Shared by the Bolt adapter and the Workers one.
 * A message with a chart (issue 18) is uploaded, then shared into the conversation with the text as
 * the initial comment, one message; a picture for an ephemeral target goes to the person's DM (files
 * cannot be ephemeral). Without `charts` (the Worker) the text goes out alone.
 */
export async function sendSlackMessage(
  api: SlackApi,
  logger: Logger,
  targetRef: string,
  message: OutboundMessage,
  charts?: ChartImages,
): Promise<void> {
  const target = parseSlackRef(targetRef);
  if (!target) throw new UnrecoverableError(`not a slack conversation ref: ${targetRef}`);
  try {
    await sendWithPicture({
      message,
      charts,
      sendText: (m) => sendText(api, logger, target, m),
      upload: (image) => api.uploadFile(image.png, 'chart.png', image.alt).catch((error: unknown) => Promise.reject(toDeliveryError(error))),
      sendPicture: async (fileId, image, withText) => {
        const channel = target.kind === 'channel' ? target.channel : await api.openDm(target.user);
        await api.completeUpload(fileId, image.alt, channel, withText?.text).catch((error: unknown) => Promise.reject(toDeliveryError(error)));
      },
      pictureCarriesText: true,
    });
  } catch (error) {
    throw error instanceof PictureNotSentError ? error : toDeliveryError(error);
  }
}

/** A message without a picture (or a picture's fallback): blocks in the channel, DM or ephemeral. */
async function sendText(
  api: SlackApi,
  logger: Logger,
  target: NonNullable<ReturnType<typeof parseSlackRef>>,
  message: OutboundMessage,
): Promise<void> {
  const rendered = encodeSlackMessage(message);
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
}
