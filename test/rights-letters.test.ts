// Using your rights: request letters filled from the latest profile in Swedish and English, the
// law for a region, and when the answer is due.
import { describe, expect, it } from 'vitest';
import { CHECKLIST_CONTENT as C } from '../src/main/analysis/checklist-content';
import { addDays, addMonths, lawFor, profileFacts, rightsDeadline, rightsLetter, rightsText } from '../src/main/analysis/checklist-rights';
import { RIGHTS_REQUESTS, LAWS } from '../src/shared/checklists';
import { LANGS, translator, type MessageKey } from '../src/shared/i18n';
import { generateAccount } from './fixtures/account';

const SAM = { username: 'sam_example', email: 'sam@example.com' };

describe('profile facts', () => {
  it('takes the username and email from ProfileMap, placeholders as missing', () => {
    expect(profileFacts({ userName: 'sam_example', emailAddress: 'sam@example.com', telephoneNumber: 'None' })).toEqual(SAM);
    expect(profileFacts({ username: 'sam_example', emailAddress: 'N/A' })).toEqual({ username: 'sam_example', email: null });
    expect(profileFacts({})).toEqual({ username: null, email: null });
    const a = generateAccount({ seed: 5, scale: 0 });
    expect(profileFacts({ userName: a.profile.userName, emailAddress: a.profile.emailAddress })).toEqual({ username: a.profile.userName, email: a.profile.emailAddress });
  });
});

describe('request letters', () => {
  it('Swedish GDPR access request: IMY’s wording, article 15, the account’s username and email', () => {
    const { subject, body } = rightsText(rightsLetter('access', 'gdpr', SAM, C), 'sv');
    expect(subject).toBe('Begäran om registerutdrag enligt artikel 15 i dataskyddsförordningen (GDPR)');
    expect(body).toContain('Med stöd av artikel 15 i dataskyddsförordningen (GDPR) begär jag');
    expect(body).toContain('senast inom en månad');
    expect(body).toContain('Användarnamn på TikTok: sam_example');
    expect(body).toContain('E-postadress kopplad till kontot: sam@example.com');
    expect(body.endsWith('Med vänliga hälsningar\nsam_example')).toBe(true);
  });

  it('English GDPR erasure (17) and portability (20) requests', () => {
    const erase = rightsText(rightsLetter('deletion', 'gdpr', SAM, C), 'en');
    expect(erase.subject).toBe('Request for erasure under Article 17 GDPR');
    expect(erase.body).toContain('Under Article 17 of the General Data Protection Regulation');
    const copy = rightsText(rightsLetter('copy', 'gdpr', SAM, C), 'en');
    expect(copy.subject).toBe('Request for data portability under Article 20 GDPR');
    expect(copy.body).toContain('machine-readable');
    expect(copy.body).toContain('TikTok username: sam_example\nEmail address on the account: sam@example.com');
  });

  it('CCPA requests name their section and the 45 days, in both languages', () => {
    const en = rightsText(rightsLetter('deletion', 'ccpa', SAM, C), 'en');
    expect(en.subject).toBe('Request to delete under the CCPA (Cal. Civ. Code § 1798.105)');
    expect(en.body).toContain('within 45 days');
    const sv = rightsText(rightsLetter('access', 'ccpa', SAM, C), 'sv');
    expect(sv.subject).toBe('Begäran om insyn enligt CCPA (Cal. Civ. Code § 1798.110)');
    expect(sv.body).toContain('inom 45 dagar');
  });

  it('leaves out what the export does not have', () => {
    const noEmail = rightsLetter('access', 'gdpr', { username: 'sam_example', email: null }, C);
    expect(noEmail.identity.map((m) => m.key)).toEqual(['rights.identity.username']);
    const text = rightsText(noEmail, 'en').body;
    expect(text).not.toContain('Email address');
    const nothing = rightsText(rightsLetter('access', 'gdpr', { username: null, email: null }, C), 'en').body;
    expect(nothing).not.toContain('TikTok username');
    expect(nothing).not.toContain('undefined');
  });

  it('is keys and parameters until a door words it', () => {
    const letter = rightsLetter('copy', 'gdpr', SAM, C);
    expect(letter.subject).toEqual({ key: 'rights.gdpr.copy.subject', params: { basis: '20' } });
    expect(letter.body.params).toEqual({ basis: '20', username: 'sam_example' });
  });

  it('every request under every law reads in both languages, with nothing left unfilled', () => {
    for (const law of LAWS) {
      for (const request of RIGHTS_REQUESTS) {
        for (const lang of LANGS) {
          const { subject, body } = rightsText(rightsLetter(request, law, SAM, C), lang);
          expect(subject, `${law} ${request} ${lang}`).not.toMatch(/[{}]/);
          expect(body, `${law} ${request} ${lang}`).not.toMatch(/[{}]/);
          expect(body).toContain('sam_example');
        }
      }
    }
  });
});

describe('the law for a region', () => {
  it('GDPR in the EEA and the UK, CCPA in the US, none elsewhere', () => {
    expect(lawFor('eea-uk', C)?.id).toBe('gdpr');
    expect(lawFor('us', C)?.id).toBe('ccpa');
    expect(lawFor('elsewhere', C)).toBeNull();
  });
});

describe('deadlines', () => {
  it('GDPR: one month from sending, extendable to three; a month without the day ends on its last day', () => {
    expect(rightsDeadline('gdpr', '2026-03-15', C)).toEqual({ sentOn: '2026-03-15', dueOn: '2026-04-15', extendedDueOn: '2026-06-15' });
    expect(rightsDeadline('gdpr', '2026-01-31', C)).toEqual({ sentOn: '2026-01-31', dueOn: '2026-02-28', extendedDueOn: '2026-04-30' });
    expect(rightsDeadline('gdpr', '2028-01-31', C).dueOn).toBe('2028-02-29');
    expect(rightsDeadline('gdpr', '2026-12-10', C).dueOn).toBe('2027-01-10');
  });

  it('CCPA: 45 days, extendable by 45 more', () => {
    expect(rightsDeadline('ccpa', '2026-01-01', C)).toEqual({ sentOn: '2026-01-01', dueOn: '2026-02-15', extendedDueOn: '2026-04-01' });
    expect(rightsDeadline('ccpa', '2026-12-20', C).dueOn).toBe('2027-02-03');
  });

  it('refuses a day that is not one', () => {
    expect(() => rightsDeadline('gdpr', '2026-13-01', C)).toThrow(/not a day/);
    expect(() => rightsDeadline('gdpr', '15/03/2026', C)).toThrow(/not a day/);
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('the door words the deadline in both languages', () => {
    const d = rightsDeadline('gdpr', '2026-03-15', C);
    expect(translator('sv').t('rights.deadline' as MessageKey, { dueOn: d.dueOn })).toBe('TikTok ska svara senast 2026-04-15.');
    expect(translator('en').t('rights.deadline.extended' as MessageKey, { extendedDueOn: d.extendedDueOn })).toContain('2026-06-15');
  });
});
