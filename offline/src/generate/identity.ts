/**
 * PHI-shaped identities (names, MRN, address, phone, SSN-shaped 999- numbers) so ingest's
 * de-identification is exercised on realistic values. Faker's en_US data, driven by the patient's own
 * random stream (a custom randomizer: re-seeding Faker per patient costs ~50 µs, this costs nothing).
 */
import { base, en, en_US, Faker, type Randomizer } from '@faker-js/faker';
import type { Sex } from '@mediassist/shared/kb';
import type { Random } from './random.js';

export interface Identity {
  given: readonly string[];
  family: string;
  prefix: string | undefined;
  mrn: string;
  ssn: string;
  phone: string;
  email: string;
  address: { line: string; city: string; state: string; postalCode: string };
  maritalStatus: 'M' | 'S' | 'D' | 'W';
}

export interface IdentityFactory {
  draw(options: { sex: Sex; age: number; random: Random }): Identity;
}

export function createIdentityFactory(): IdentityFactory {
  let current: Random | undefined;
  const randomizer: Randomizer = {
    next: () => {
      if (!current) {
        throw new Error('identity drawn outside draw()');
      }
      return current.next();
    },
    seed: () => undefined,
  };
  const faker = new Faker({ locale: [en_US, en, base], randomizer });
  return {
    draw({ sex, age, random }) {
      current = random;
      try {
        const firstName = faker.person.firstName(sex);
        const given = [firstName];
        if (random.chance(0.4)) {
          given.push(faker.person.middleName(sex));
        }
        const family = faker.person.lastName();
        const mrn = `MRN${String(10_000_000 + random.int(89_999_999))}`;
        const ssn = `999-${String(10 + random.int(89))}-${String(1000 + random.int(8999))}`;
        return {
          given,
          family,
          prefix: age >= 18 ? (sex === 'female' ? random.pick(['Ms.', 'Mrs.']) : 'Mr.') : undefined,
          mrn,
          ssn,
          phone: faker.phone.number({ style: 'national' }),
          email: faker.internet.email({ firstName, lastName: family }).toLowerCase(),
          address: {
            line: faker.location.streetAddress(),
            city: faker.location.city(),
            state: faker.location.state({ abbreviated: true }),
            postalCode: faker.location.zipCode('#####'),
          },
          maritalStatus: age < 22 ? 'S' : random.pick(['M', 'M', 'S', 'D', age > 65 ? 'W' : 'M']),
        };
      } finally {
        current = undefined;
      }
    },
  };
}
