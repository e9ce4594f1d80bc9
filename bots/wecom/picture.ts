import { createHash } from 'node:crypto';
import { UnrecoverableError } from '../errors.ts';
import type { WeComMessageBody } from './encode.ts';

/** Group robots take pictures of at most 2 MB (before base64), JPG or PNG. */
export const robotImageMaxBytes = 2 * 1024 * 1024;

/**
 * A group robot picture. 群机器人配置说明 → 图片类型 (https://developer.work.weixin.qq.com/document/path/91770):
 * `{ msgtype: 'image', image: { base64, md5 } }`, base64 of the picture and the md5 (hex) of the
 * picture before encoding; at most 2 MB before encoding, JPG or PNG.
 */
export function robotImageBody(png: Buffer): WeComMessageBody {
  if (png.length > robotImageMaxBytes) throw new UnrecoverableError(`picture of ${png.length} bytes is over the group robot's 2 MB limit`);
  return { msgtype: 'image', image: { base64: png.toString('base64'), md5: createHash('md5').update(png).digest('hex') } };
}
