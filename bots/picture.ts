import type { OutboundMessage } from '../src/conversation/types.ts';
import type { ChartImage, ChartImages } from '../src/charts/chart-store.ts';
import { PictureNotSentError, RateLimitedError } from './errors.ts';

/**
 * How every adapter sends a message that carries a chart (issue 18), so the rule is the same on every
 * platform: the picture is uploaded first; if the upload or the picture message fails, the text still
 * goes out and `PictureNotSentError` tells the delivery loop to retry the picture alone. A message
 * that only retries a picture (`imageOnly`) fails like any message: the outbox backs off and retries.
 * A rate limit before anything was sent delays the whole message instead (nothing is lost by waiting).
 */
export async function sendWithPicture<Uploaded>(input: {
  message: OutboundMessage;
  charts: ChartImages | undefined;
  /** The ordinary send of `message` (its text and sections), as without a picture. */
  sendText(message: OutboundMessage): Promise<void>;
  /** The platform's upload (media id, file id…). */
  upload(image: ChartImage): Promise<Uploaded>;
  /**
   * Sends the uploaded picture. With `withText` the platform puts the text and the picture in one
   * message (Slack's initial comment) and the text is not sent separately.
   */
  sendPicture(uploaded: Uploaded, image: ChartImage, withText: OutboundMessage | null): Promise<void>;
  /** True when `sendPicture(…, message)` carries the text itself (then `sendText` runs only as the fallback). */
  pictureCarriesText?: boolean;
}): Promise<void> {
  const { message } = input;
  const image = message.image && input.charts ? await input.charts.load(message.image.chartId) : undefined;
  if (!image) {
    // No picture (charts not wired, or the chart is past its 7 days): the text is complete on its own.
    if (!message.imageOnly) await input.sendText(message);
    return;
  }
  if (message.imageOnly) {
    await input.sendPicture(await input.upload(image), image, null);
    return;
  }
  let uploaded: Uploaded;
  try {
    uploaded = await input.upload(image);
  } catch (error) {
    if (error instanceof RateLimitedError) throw error;
    await input.sendText(message);
    throw new PictureNotSentError(describe(error));
  }
  if (input.pictureCarriesText) {
    try {
      await input.sendPicture(uploaded, image, message);
    } catch (error) {
      if (error instanceof RateLimitedError) throw error;
      await input.sendText(message);
      throw new PictureNotSentError(describe(error));
    }
    return;
  }
  await input.sendText(message);
  try {
    await input.sendPicture(uploaded, image, null);
  } catch (error) {
    throw new PictureNotSentError(describe(error));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The message that retries a picture alone: its alternative text stands in as the plain text. */
export function pictureOnly(message: OutboundMessage): OutboundMessage {
  return { text: message.image!.alt, image: message.image, imageOnly: true, ...(message.language ? { language: message.language } : {}) };
}
