import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('needs nothing to start: embedded database, local chat, port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: 'http://localhost:3000',
      dataDir: './data',
      localChat: true,
      databaseUrl: undefined,
      databasePreparedStatements: true,
      defaults: { timeZone: 'Asia/Shanghai', language: 'zh-CN', checkinRadiusMeters: 500, reportDeadline: '20:00' },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the documented variables', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://legwork.example.com/',
      DATABASE_URL: 'postgres://u@db/legwork',
      LOCAL_CHAT: 'off',
      DATABASE_PREPARED_STATEMENTS: 'off',
      CHECKIN_RADIUS_METERS: '200',
      DEFAULT_TIME_ZONE: 'America/Los_Angeles',
    });
    expect(config.publicUrl).toBe('https://legwork.example.com');
    expect(config.localChat).toBe(false);
    expect(config.defaults.checkinRadiusMeters).toBe(200);
    expect(config.databaseUrl).toBe('postgres://u@db/legwork');
    expect(config.databasePreparedStatements).toBe(false);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', REPORT_DEADLINE: '8pm', LOCATION_LINK_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('REPORT_DEADLINE');
      expect(message).toContain('LOCATION_LINK_SECRET');
    }
  });

  it('takes the company privacy text itself (PRIVACY_NOTICE_TEXT), `\\n` as a line break, but not with PRIVACY_NOTICE_FILE too', () => {
    expect(loadConfig({ PRIVACY_NOTICE_TEXT: '  DPO: Wang Wu\\n\\nMail dpo@example.com  ' }).privacyNoticeText).toBe('DPO: Wang Wu\n\nMail dpo@example.com');
    expect(loadConfig({ PRIVACY_NOTICE_TEXT: '' }).privacyNoticeText).toBeUndefined();
    expect(() => loadConfig({ PRIVACY_NOTICE_TEXT: 'x', PRIVACY_NOTICE_FILE: '/etc/notice.txt' })).toThrow(/either PRIVACY_NOTICE_FILE or PRIVACY_NOTICE_TEXT/);
    expect(() => loadConfig({ PRIVACY_NOTICE_TEXT: 'x'.repeat(20_001) })).toThrow(ConfigError);
  });

  it('refuses an unknown default time zone', () => {
    expect(() => loadConfig({ DEFAULT_TIME_ZONE: 'Mars/Olympus' })).toThrow(/DEFAULT_TIME_ZONE/);
  });
});
