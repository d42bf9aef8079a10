import { describe, expect, it } from 'vitest';
import { personLabel, personNamed } from './person-pick';

const person = (id: string, name: string, email: string) => ({ id, name, email });
const people = [
  person('1', 'Ana Admin', 'ana@acme.test'),
  person('2', 'Sam Lee', 'sam.lee@acme.test'),
  person('3', 'Sam Lee', 'sam.l@acme.test'),
];

describe('personNamed (every person picker: unit leads, owners, objective leads)', () => {
  it('finds by the picker label, by email, or by a name only one person has', () => {
    expect(personNamed(people, 'Sam Lee <SAM.L@acme.test>')?.id).toBe('3');
    expect(personNamed(people, '  sam.lee@acme.test ')?.id).toBe('2');
    expect(personNamed(people, 'ana admin')?.id).toBe('1');
  });

  it('refuses a name two people share, an unknown email and nothing', () => {
    expect(personNamed(people, 'Sam Lee')).toBeUndefined();
    expect(personNamed(people, 'bo@acme.test')).toBeUndefined();
    expect(personNamed(people, '   ')).toBeUndefined();
  });

  it('reads back its own label, so a picked person stays picked', () => {
    for (const p of people) expect(personNamed(people, personLabel(p))?.id).toBe(p.id);
  });
});
