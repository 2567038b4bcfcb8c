// Without a mail domain (the shared synthesis) nothing of SES is deployed, and synth says so.
import { describe, expect, it } from 'vitest';
import type { Synthesized } from '../synth.ts';

export const describeMailOff = (synth: () => Synthesized) =>
  describe('Mail without a mail domain', () => {
    it('deploys no SES receiving, no send permission, and says why', () => {
      const { events, api } = synth().stacks;
      for (const stack of [events, api]) {
        const json = JSON.stringify(synth().template(stack).toJSON());
        expect(json).not.toMatch(/AWS::SES::|ses:Send|MAIL_DOMAIN/);
      }
      const info = synth()
        .assembly.getStackArtifact(events.artifactId)
        .messages.map((m) => String(m.entry.data));
      expect(info.some((m) => m.includes('mailDomain') && m.includes('not deployed'))).toBe(true);
    });
  });
