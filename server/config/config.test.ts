import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, loadConfig } from './config';

describe('configuration', () => {
  it('has defaults that need no set-up: 127.0.0.1:3000 and a SQLite file in ./data', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      database: 'data/tandem.db',
      publicUrl: 'http://127.0.0.1:3000',
      isSecureCookie: false,
      signup: 'first',
      isRunningJobs: true,
      isSendingWebhooks: true,
    });
    expect(loadConfig({ TANDEM_WEBHOOKS: 'off' })).toMatchObject({
      isRunningJobs: true,
      isSendingWebhooks: false,
    });
    expect(loadConfig({ TANDEM_JOBS: 'off' })).toMatchObject({
      isRunningJobs: false,
      isSendingWebhooks: false,
    });
    expect(() => loadConfig({ TANDEM_WEBHOOKS: 'maybe' })).toThrow(/TANDEM_WEBHOOKS/);
    expect(() => loadConfig({ TANDEM_JOBS: 'no' })).toThrow(/TANDEM_JOBS/);
  });

  it('reads and validates the outbound allow list (none by default)', () => {
    expect(loadConfig({}).outboundAllow).toBe('');
    expect(loadConfig({ TANDEM_OUTBOUND_ALLOW: '127.0.0.0/8,::1/128' }).outboundAllow).toBe(
      '127.0.0.0/8,::1/128',
    );
    expect(() => loadConfig({ TANDEM_OUTBOUND_ALLOW: '127.0.0.0/8,localhost' })).toThrow(
      /TANDEM_OUTBOUND_ALLOW: "localhost" is not an IPv4 .* \(got "127\.0\.0\.0\/8,localhost"\)/,
    );
    expect(() => loadConfig({ TANDEM_OUTBOUND_ALLOW: '10.0.0.0/40' })).toThrow(
      /prefix length must be 0 to 32/,
    );
  });

  it('reads the environment, and flags win over it', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        DATABASE_URL: 'postgres://u:secret@db/t',
        TANDEM_PUBLIC_URL: 'https://okr.example.com/',
      },
      { port: 9000 },
    );
    expect(config).toMatchObject({ port: 9000, host: '0.0.0.0', database: 'postgres://u:secret@db/t' });
    expect(config.publicUrl).toBe('https://okr.example.com');
    expect(config.isSecureCookie).toBe(true);
    expect(describeDatabase(config.database)).toBe('postgres://u:***@db/t');
  });

  it('warns when the links it hands out would name an address nobody can open', () => {
    expect(loadConfig({}).publicUrlWarning).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0' }).publicUrlWarning).toMatch(
      /^TANDEM_PUBLIC_URL is not set, so links in invitations, .* read http:\/\/0\.0\.0\.0:3000, which nobody can open/,
    );
    expect(loadConfig({ HOST: '::' }).publicUrlWarning).toMatch(/read http:\/\/\[::\]:3000/);
    expect(loadConfig({}, { port: 0 }).publicUrlWarning).toMatch(/127\.0\.0\.1:0, which names no port/);
    expect(
      loadConfig({ HOST: '0.0.0.0', TANDEM_PUBLIC_URL: 'https://okr.example.com' }).publicUrlWarning,
    ).toBeUndefined();
  });

  it('names every wrong variable, and never prints the database URL', () => {
    try {
      loadConfig({ PORT: '99999', LOG_LEVEL: 'loud', DATABASE_URL: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('got "99999"');
      expect(message).toContain('LOG_LEVEL');
      expect(message).toContain('DATABASE_URL');
    }
  });

  it('reads the SMTP settings, and refuses a wrong URL or a missing sender without printing the URL', () => {
    expect(loadConfig({}).smtp).toBeUndefined();
    expect(
      loadConfig({
        TANDEM_SMTP_URL: 'smtps://u:p@mail.example.com:465',
        TANDEM_MAIL_FROM: 'Tandem <t@example.com>',
      }).smtp,
    ).toEqual({ url: 'smtps://u:p@mail.example.com:465', from: 'Tandem <t@example.com>' });
    expect(() => loadConfig({ TANDEM_SMTP_URL: 'smtp://mail.example.com' })).toThrow(
      /TANDEM_MAIL_FROM: required when TANDEM_SMTP_URL is set/,
    );
    try {
      loadConfig({ TANDEM_SMTP_URL: 'http://u:secret@mail', TANDEM_MAIL_FROM: 'nobody' });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('TANDEM_SMTP_URL: not an smtp:// or smtps:// URL');
      expect(message).toContain('TANDEM_MAIL_FROM');
      expect(message).not.toContain('secret');
    }
  });
});
